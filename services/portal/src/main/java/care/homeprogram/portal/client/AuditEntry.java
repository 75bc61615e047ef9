package care.homeprogram.portal.client;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One audited request: who, what, when, the outcome. Never a body. */
public record AuditEntry(UUID id, OffsetDateTime occurredAt, String service, String actorSub, String actorRole,
        String clientId, String method, String resource, String objectId, UUID patientId, String action,
        String outcome, int status, String correlationId) {
}
