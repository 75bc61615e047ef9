package care.homeprogram.plans.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** A therapist's running treatment-management timer for a patient (at most one each). */
@Entity
@Table(name = "rtm_timer")
public class RtmTimer extends PanacheEntityBase {
    @Embeddable
    public record Key(@Column(name = "patient_id") UUID patientId, @Column(name = "therapist_id") UUID therapistId)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @Column(name = "started_at", nullable = false)
    public OffsetDateTime startedAt;

    public static Optional<RtmTimer> running(UUID patientId, UUID therapistId) {
        return findByIdOptional(new Key(patientId, therapistId), LockModeType.PESSIMISTIC_WRITE);
    }
}
