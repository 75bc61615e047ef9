package care.homeprogram.plans.rest;

import care.homeprogram.plans.domain.Alert;
import care.homeprogram.plans.safety.Severity;
import java.time.OffsetDateTime;
import java.util.UUID;

public record AlertView(UUID id, UUID patientId, UUID planId, UUID itemId, Severity severity, String reasonCode,
        String reason, Alert.Status status, UUID acknowledgedBy, OffsetDateTime acknowledgedAt,
        OffsetDateTime createdAt) {

    public static AlertView of(Alert a) {
        return new AlertView(a.id, a.patientId, a.planId, a.itemId, a.severity, a.reasonCode, a.reason, a.status,
                a.acknowledgedBy, a.acknowledgedAt, a.createdAt);
    }
}
