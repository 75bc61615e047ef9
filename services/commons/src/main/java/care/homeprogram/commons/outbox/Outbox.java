package care.homeprogram.commons.outbox;

import care.homeprogram.commons.events.EventEnvelope;
import care.homeprogram.commons.events.EventJson;
import care.homeprogram.commons.tracing.TraceContext;
import care.homeprogram.contract.events.EventType;
import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Records an event in the caller's transaction: it is published if and only if the change commits. Events are written
 * only as a type of the shared contract ({@code care.homeprogram.contract.events}), so the data is the contract's
 * record and the envelope carries the contract's version of that type.
 */
@ApplicationScoped
public class Outbox {
    private final EntityManager entityManager;
    private final EventJson json;
    private final Clock clock;
    private final OutboxConfig config;

    public Outbox(EntityManager entityManager, EventJson json, Clock clock, OutboxConfig config) {
        this.entityManager = entityManager;
        this.json = json;
        this.clock = clock;
        this.config = config;
    }

    /** @throws OversizedEventException when the event is too big to ever be published (a missing input bound) */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> UUID append(EventType<T> eventType, UUID aggregateId, T data) {
        String topic = eventType.topic();
        String type = eventType.name();
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.topic = topic;
        event.type = type;
        event.aggregateId = aggregateId;
        event.occurredAt = OffsetDateTime.now(clock);
        // The request (or consumer) writing the row: the relay publishes it as part of that trace, however late.
        TraceContext trace = TraceContext.current();
        event.traceparent = trace.traceparent();
        event.tracestate = trace.tracestate() == null || trace.tracestate().length() > 512 ? null : trace.tracestate();
        EventEnvelope envelope = new EventEnvelope(event.id, type, event.occurredAt, eventType.version(), aggregateId,
                json.mapper().valueToTree(data));
        try {
            event.payload = json.mapper().writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data cannot be written as JSON: " + type, e);
        }
        int bytes = event.payload.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > config.maxPayloadBytes()) {
            throw new OversizedEventException(topic, type, bytes, config.maxPayloadBytes());
        }
        entityManager.persist(event);
        return event.id;
    }
}
