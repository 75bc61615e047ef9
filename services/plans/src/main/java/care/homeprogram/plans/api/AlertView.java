package care.homeprogram.plans.api;

import care.homeprogram.plans.domain.Alert;
import care.homeprogram.plans.domain.AlertEscalation;
import care.homeprogram.plans.safety.EscalationStep;
import care.homeprogram.plans.safety.Severity;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An alert as therapists see it: {@code occurrences} counts the reports of the same signal while it was open,
 * {@code lastSeenAt} is the latest, {@code escalations} the steps it took while unacknowledged, oldest first.
 */
public record AlertView(UUID id, UUID patientId, UUID planId, UUID itemId, Severity severity, String reasonCode,
        String reason, Alert.Status status, UUID acknowledgedBy, OffsetDateTime acknowledgedAt,
        OffsetDateTime createdAt, int occurrences, OffsetDateTime lastSeenAt, List<Escalation> escalations) {

    public record Escalation(EscalationStep step, OffsetDateTime at) {
    }

    /** @param history the alert's escalation steps, oldest first */
    public static AlertView of(Alert a, List<AlertEscalation> history) {
        return new AlertView(a.id, a.patientId, a.planId, a.itemId, a.severity, a.reasonCode, a.reason, a.status,
                a.acknowledgedBy, a.acknowledgedAt, a.createdAt, a.occurrences, a.lastSeenAt,
                history.stream().map(e -> new Escalation(e.step, e.escalatedAt)).toList());
    }
}
