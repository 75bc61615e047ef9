package care.homeprogram.commons.outbox;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An outbox row the relay gave up on, as admins see it: where it was going, what it is about and why it failed, never
 * its payload, which may hold patient data. After a retry {@code parkedAt} is null and {@code attempts} 0 again;
 * {@code lastError} stays until the next attempt.
 */
public record ParkedEvent(UUID id, String topic, String type, UUID aggregateId, OffsetDateTime occurredAt,
        int attempts, String lastError, OffsetDateTime parkedAt) {

    ParkedEvent retried() {
        return new ParkedEvent(id, topic, type, aggregateId, occurredAt, 0, lastError, null);
    }
}
