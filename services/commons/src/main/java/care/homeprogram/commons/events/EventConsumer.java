package care.homeprogram.commons.events;

import care.homeprogram.commons.inbox.Inbox;
import care.homeprogram.commons.tracing.ConsumerSpans;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.validation.Validator;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * The one way every service consumes an event: exactly once in effect, and never given up on because of a failure
 * that may pass.
 *
 * <ul>
 * <li>Every consumer states what it acts on as {@link EventRoutes}: the event types of the shared contract
 * ({@code care.homeprogram.contract.events}) and a handler for each. Parsing, the version check, reading the data into
 * the contract's record and the inbox are done here, once for all of them.</li>
 * <li>The processed-message row ({@link Inbox}) and the handler's side effects commit in one transaction, so a
 * redelivered event (broker or service restart, rebalance, replay) changes nothing.</li>
 * <li>A message that can never be processed — not an event envelope, a schema version newer than the consumer
 * knows, data that violates the contract ({@link PoisonMessageException}) — goes to the dead-letter topic with its
 * reason and original coordinates ({@link DeadLetters}), and the partition moves on.</li>
 * <li>Any other failure (database unavailable, lock timeout, a neighbour's timeout, a bug fixed by the next
 * deployment) is retried with backoff, in place: the partition's position is held, later events of the partition wait
 * and keep their order, and nothing is committed until the event is processed. A database blip delays notices by its
 * own length; it never sends a safety alert to a topic nobody reads.</li>
 * <li>On shutdown a retrying consumer stops without acknowledging; with the channels' {@code failure-strategy=fail}
 * the offset stays uncommitted and the next instance processes the event.</li>
 * </ul>
 */
@ApplicationScoped
public class EventConsumer {
    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    private final EventJson json;
    private final Inbox inbox;
    private final DeadLetters deadLetters;
    private final ConsumerConfig config;
    private final MeterRegistry metrics;
    private final Validator validator;
    private final ConsumerSpans spans;
    private volatile boolean stopping;

    public EventConsumer(EventJson json, Inbox inbox, DeadLetters deadLetters, ConsumerConfig config,
            MeterRegistry metrics, Validator validator, ConsumerSpans spans) {
        this.json = json;
        this.validator = validator;
        this.inbox = inbox;
        this.deadLetters = deadLetters;
        this.config = config;
        this.metrics = metrics;
        this.spans = spans;
    }

    /**
     * Processes one record for the consumer of {@code routes}; returns when it is processed (or was processed
     * before) or dead-lettered.
     *
     * @param routes the consumer's name and its handler per event type; a handler runs inside the transaction and
     *               throws {@link PoisonMessageException} for data that can never be processed
     * @throws ConsumerStoppingException when the service stops while the event still fails
     */
    public void consume(EventRoutes routes, ConsumerRecord<String, String> record) {
        // The processing joins the producer's trace (the record's traceparent header): docs/architecture.md, Tracing.
        Span span = spans.start(routes.consumer(), record);
        try (Scope ignored = span.makeCurrent()) {
            process(routes, record);
        } finally {
            span.end();
        }
    }

    private void process(EventRoutes routes, ConsumerRecord<String, String> record) {
        String consumer = routes.consumer();
        EventEnvelope event;
        Runnable handler;
        try {
            event = json.read(record.value());
            handler = routes.prepare(event, json, validator);
        } catch (PoisonMessageException poison) {
            deadLetter(consumer, record, poison);
            return;
        }
        Duration backoff = config.retryInitialBackoff();
        for (int attempt = 1;; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    if (inbox.firstDelivery(event.id(), consumer)) {
                        handler.run();
                        LOG.debugf("%s: event %s (%s v%d) processed", consumer, event.id(), event.type(),
                                event.version());
                    } else {
                        LOG.debugf("%s: event %s already processed", consumer, event.id());
                    }
                });
                if (attempt > 1) {
                    LOG.infof("%s: event %s (%s) processed at attempt %d", consumer, event.id(), event.type(),
                            attempt);
                }
                return;
            } catch (RuntimeException e) {
                PoisonMessageException poison = poisonIn(e);
                if (poison != null) {
                    deadLetter(consumer, record, poison);
                    return;
                }
                if (stopping) {
                    throw new ConsumerStoppingException(consumer + ": stopping while event " + event.id()
                            + " still fails; it stays uncommitted and is processed after the restart", e);
                }
                metrics.counter("homeprogram.events.retries", "consumer", consumer).increment();
                // The cause's class and message only: never the payload, which may concern a patient.
                LOG.warnf("%s: event %s (%s) failed at attempt %d (%s); retrying in %d ms, holding %s-%d at offset %d",
                        consumer, event.id(), event.type(), attempt, describe(e), backoff.toMillis(), record.topic(),
                        record.partition(), record.offset());
                pause(backoff);
                backoff = longer(backoff);
            }
        }
    }

    void stopping(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }

    private void deadLetter(String consumer, ConsumerRecord<String, String> record, PoisonMessageException poison) {
        // Publishing to the dead-letter topic can itself meet a broker that is down: that is retried like any
        // other failure that may pass, so the message is never acknowledged before it is safely dead-lettered.
        Duration backoff = config.retryInitialBackoff();
        while (true) {
            try {
                deadLetters.send(consumer, record, poison.getMessage());
                metrics.counter("homeprogram.events.dead-lettered", "consumer", consumer).increment();
                LOG.errorf("%s: message at %s-%d offset %d dead-lettered: %s", consumer, record.topic(),
                        record.partition(), record.offset(), poison.getMessage());
                return;
            } catch (RuntimeException e) {
                if (stopping) {
                    throw new ConsumerStoppingException(consumer + ": stopping before a poison message could be"
                            + " dead-lettered; it is processed again after the restart", e);
                }
                LOG.warnf("%s: could not dead-letter the message at %s-%d offset %d (%s); retrying", consumer,
                        record.topic(), record.partition(), record.offset(), describe(e));
                pause(backoff);
                backoff = longer(backoff);
            }
        }
    }

    private Duration longer(Duration backoff) {
        Duration doubled = backoff.multipliedBy(2);
        return doubled.compareTo(config.retryMaxBackoff()) > 0 ? config.retryMaxBackoff() : doubled;
    }

    private static PoisonMessageException poisonIn(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof PoisonMessageException poison) {
                return poison;
            }
        }
        return null;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = String.valueOf(root.getMessage());
        return root.getClass().getSimpleName() + ": " + (message.length() > 200 ? message.substring(0, 200) : message);
    }

    private void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConsumerStoppingException("interrupted while waiting to retry", e);
        }
    }

    /** The service stops while an event still fails: the event is not acknowledged and is delivered again. */
    public static final class ConsumerStoppingException extends RuntimeException {
        ConsumerStoppingException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
