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

/** Raised for the therapists of a patient; acknowledged by a named person at a time. */
@Entity
public class Alert extends PanacheEntityBase {
    public enum Status {
        OPEN, ACKNOWLEDGED
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

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    /** Alerts of the patients in a therapist's care, newest first; status null for all. */
    public static List<Alert> forTherapist(UUID therapistId, Status status) {
        String inCare = "patientId in (select m.key.patientId from CareTeamMember m where m.key.therapistId = ?1)";
        return status == null ? list(inCare + " order by createdAt desc", therapistId)
                : list(inCare + " and status = ?2 order by createdAt desc", therapistId, status);
    }
}
