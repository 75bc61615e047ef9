package care.homeprogram.commons.outbox;

import care.homeprogram.commons.events.EventEnvelope;
import care.homeprogram.commons.events.EventJson;
import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Records an event in the caller's transaction: it is published if and only if the change commits. */
@ApplicationScoped
public class Outbox {
    public static final int EVENT_VERSION = 1;

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
    public UUID append(String topic, String type, UUID aggregateId, Object data) {
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.topic = topic;
        event.type = type;
        event.aggregateId = aggregateId;
        event.occurredAt = OffsetDateTime.now(clock);
        EventEnvelope envelope = new EventEnvelope(event.id, type, event.occurredAt, EVENT_VERSION, aggregateId,
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
