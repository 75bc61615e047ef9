package care.homeprogram.plans.domain;

import care.homeprogram.plans.safety.Severity;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Raised for the therapists of a patient; acknowledged by a named person at a time. While it is open, a repeat of
 * the same signal (same patient, plan, item and reason code) counts on it instead of raising another; an
 * unacknowledged alert escalates (see {@link AlertEscalation}).
 */
@Entity
public class Alert extends PanacheEntityBase {
    public enum Status {
        OPEN, ACKNOWLEDGED,
        /** A duplicate recorded before repeats were counted, folded into the open alert {@code mergedInto}. */
        MERGED
    }

    @Id
    public UUID id;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Column(name = "plan_id")
    public UUID planId;

    @Column(name = "item_id")
    public UUID itemId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Severity severity;

    @Column(name = "reason_code", nullable = false)
    public String reasonCode;

    @Column(nullable = false)
    public String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "acknowledged_by")
    public UUID acknowledgedBy;

    @Column(name = "acknowledged_at")
    public OffsetDateTime acknowledgedAt;

    /** When first reported: escalation counts from here. */
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    /** How many times the signal was reported while the alert was open (1 = once). */
    @Column(nullable = false)
    public int occurrences;

    @Column(name = "last_seen_at", nullable = false)
    public OffsetDateTime lastSeenAt;

    /** How many escalation steps the alert has taken (see EscalationPolicy). */
    @Column(name = "escalation_level", nullable = false)
    public int escalationLevel;

    @Column(name = "merged_into")
    public UUID mergedInto;

    /** One patient's alerts in that status, newest first (the caller's access to the patient is checked before). */
    public static List<Alert> ofPatient(UUID patientId, Status status) {
        return list("patientId = ?1 and status = ?2 order by createdAt desc", patientId, status);
    }

    /**
     * Alerts of the patients in a therapist's care, newest first; status null for open and acknowledged ones. MERGED
     * duplicates are never listed: the alert they were folded into counts them.
     */
    public static List<Alert> forTherapist(UUID therapistId, Status status) {
        String inCare = "patientId in (select m.key.patientId from CareTeamMember m where m.key.therapistId = ?1)";
        return status == null ? list(inCare + " and status <> ?2 order by createdAt desc", therapistId, Status.MERGED)
                : list(inCare + " and status = ?2 order by createdAt desc", therapistId, status);
    }
}
