package care.homeprogram.commons.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What travels on every topic: a unique {@code id} (consumers deduplicate on it), a {@code type}, when it happened,
 * a schema {@code version}, the aggregate it is about, and the type's own {@code data}: no more PHI than consumers need.
 */
public record EventEnvelope(UUID id, String type, OffsetDateTime occurredAt, int version, UUID aggregateId,
        JsonNode data) {
}
