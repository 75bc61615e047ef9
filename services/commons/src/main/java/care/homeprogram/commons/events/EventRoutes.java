package care.homeprogram.commons.events;

import care.homeprogram.contract.events.EventType;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * What one consumer does with which event: its name (the key of its inbox rows and dead letters) and one handler per
 * {@link EventType} of the shared contract. {@link EventConsumer#consume(EventRoutes, org.apache.kafka.clients.consumer.ConsumerRecord)}
 * does the rest the same way for every consumer: parse the envelope, refuse a version newer than the contract this
 * build knows, read and validate the data into the contract's record, check the inbox, call the handler, log.
 *
 * <pre>{@code
 * EventRoutes routes = EventRoutes.consumer("plan-service.care-team")
 *         .on(PatientEvents.CONTACT, (event, contact) -> project(contact))
 *         .on(PatientEvents.INTAKE_SCREENED, (event, screening) -> screened(screening));
 * }</pre>
 *
 * An event of a type with no route is recorded in the inbox and skipped (a producer may announce what this consumer
 * has no use for yet); it is never dead-lettered.
 */
public final class EventRoutes {
    private static final Logger LOG = Logger.getLogger(EventRoutes.class);

    /** Runs inside the consumer's transaction, with the event's inbox row. */
    @FunctionalInterface
    public interface Handler<T> {
        /**
         * @param event the envelope (id, occurredAt, aggregate id …)
         * @param data  the event's data, read into the contract's record and valid against its constraints
         * @throws PoisonMessageException for data that breaks a rule no retry can fix: it is dead-lettered
         */
        void handle(EventEnvelope event, T data);
    }

    private record Route<T>(EventType<T> type, Handler<T> handler) {
        Runnable bind(EventEnvelope event, EventJson json, Validator validator) {
            T data = json.data(event, type.data());
            Set<ConstraintViolation<T>> violations = validator.validate(data);
            if (!violations.isEmpty()) {
                throw new PoisonMessageException(event.type() + " " + event.id() + " breaks the contract: "
                        + violations.stream().map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted()
                                .collect(Collectors.joining(", ")));
            }
            return () -> handler.handle(event, data);
        }
    }

    private final String consumer;
    private final Map<String, Route<?>> routes = new LinkedHashMap<>();

    private EventRoutes(String consumer) {
        this.consumer = Objects.requireNonNull(consumer, "consumer");
    }

    /** @param consumer e.g. {@code notification-service.plan-events}: the inbox and dead-letter key, never to change */
    public static EventRoutes consumer(String consumer) {
        return new EventRoutes(consumer);
    }

    public <T> EventRoutes on(EventType<T> type, Handler<T> handler) {
        if (!routes.isEmpty() && !routes.values().iterator().next().type().topic().equals(type.topic())) {
            throw new IllegalArgumentException(consumer + " reads one topic; " + type + " is on another");
        }
        if (routes.putIfAbsent(type.name(), new Route<>(type, handler)) != null) {
            throw new IllegalArgumentException(consumer + " has two routes for " + type);
        }
        return this;
    }

    /** The same handler for several types with the same data, e.g. every patient contact event. */
    public <T> EventRoutes on(List<EventType<T>> types, Handler<T> handler) {
        types.forEach(type -> on(type, handler));
        return this;
    }

    public String consumer() {
        return consumer;
    }

    /** The event types this consumer acts on (the contract tests feed each of them to it). */
    public List<EventType<?>> types() {
        return routes.values().stream().<EventType<?>>map(Route::type).toList();
    }

    /**
     * Decides, before any transaction, what the event means for this consumer.
     *
     * @return the work to do in the consumer's transaction
     * @throws PoisonMessageException when the event can never be processed: a version newer than this build's
     *                                contract, unreadable data, data that breaks the contract's constraints
     */
    Runnable prepare(EventEnvelope event, EventJson json, Validator validator) {
        Route<?> route = routes.get(event.type());
        if (route == null) {
            return () -> LOG.debugf("%s: %s %s is nothing this consumer acts on: skipped", consumer, event.type(),
                    event.id());
        }
        if (event.version() > route.type().version()) {
            throw new PoisonMessageException(event.type() + " " + event.id() + " has version " + event.version()
                    + "; " + consumer + " reads " + event.type() + " up to version " + route.type().version()
                    + " (deploy it with the newer contract, then replay)");
        }
        if (event.version() < 1) {
            throw new PoisonMessageException(event.type() + " " + event.id() + " has no version (" + event.version()
                    + "); versions start at 1");
        }
        return route.bind(event, json, validator);
    }
}
