package care.homeprogram.plans.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A patient's remote therapeutic monitoring: their consent (who recorded it, when, how) and the set-up event. */
@Entity
@Table(name = "rtm_enrolment")
public class RtmEnrolment extends PanacheEntityBase {
    public enum ConsentMethod {
        VERBAL, WRITTEN, ELECTRONIC
    }

    @Id
    @Column(name = "patient_id")
    public UUID patientId;

    @Enumerated(EnumType.STRING)
    @Column(name = "consent_method", nullable = false)
    public ConsentMethod consentMethod;

    @Column(name = "consent_note")
    public String consentNote;

    @Column(name = "consent_recorded_by", nullable = false)
    public UUID consentRecordedBy;

    @Column(name = "consent_recorded_at", nullable = false)
    public OffsetDateTime consentRecordedAt;

    @Column(name = "setup_note")
    public String setupNote;

    @Column(name = "setup_recorded_by")
    public UUID setupRecordedBy;

    @Column(name = "setup_recorded_at")
    public OffsetDateTime setupRecordedAt;

    public static Optional<RtmEnrolment> of(UUID patientId) {
        return findByIdOptional(patientId);
    }

    /** Locked until the transaction ends: two therapists recording the same event at once record it once. */
    public static Optional<RtmEnrolment> ofLocked(UUID patientId) {
        return findByIdOptional(patientId, LockModeType.PESSIMISTIC_WRITE);
    }

    public static List<RtmEnrolment> ofPatients(Collection<UUID> patientIds) {
        return patientIds.isEmpty() ? List.of() : list("patientId in ?1 order by patientId", patientIds);
    }

    /** Every patient whose consent was recorded before {@code end}: the clinic-wide ledger of a month. */
    public static List<RtmEnrolment> consentedBefore(OffsetDateTime end) {
        return list("consentRecordedAt < ?1 order by patientId", end);
    }
}
