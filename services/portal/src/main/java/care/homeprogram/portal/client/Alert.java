package care.homeprogram.portal.client;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An alert raised for the therapist, acknowledged by a named person at a time. {@code occurrences} counts the reports
 * of the same signal while the alert was open (1 = once), {@code lastSeenAt} is the latest, {@code escalations} the
 * steps it took while unacknowledged, oldest first. A plan-service without these fields reads as one report at
 * {@code createdAt} and no escalations.
 */
public record Alert(UUID id, UUID patientId, UUID planId, UUID itemId, String severity, String reasonCode,
        String reason, String status, UUID acknowledgedBy, OffsetDateTime acknowledgedAt, OffsetDateTime createdAt,
        Integer occurrences, OffsetDateTime lastSeenAt, List<Escalation> escalations) {

    public Alert {
        occurrences = occurrences == null || occurrences < 1 ? 1 : occurrences;
        lastSeenAt = lastSeenAt == null ? createdAt : lastSeenAt;
        escalations = escalations == null ? List.of()
                : escalations.stream().filter(e -> e != null && e.step() != null).toList();
    }

    /** One escalation step: CARE_TEAM, ESCALATION_CONTACT or HIGH_REMINDER, and when it was taken. */
    public record Escalation(String step, OffsetDateTime at) {
    }
}
