package care.homeprogram.portal.client;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An alert raised for the therapist, acknowledged by a named person at a time. */
public record Alert(UUID id, UUID patientId, UUID planId, UUID itemId, String severity, String reasonCode,
        String reason, String status, UUID acknowledgedBy, OffsetDateTime acknowledgedAt, OffsetDateTime createdAt) {
}
