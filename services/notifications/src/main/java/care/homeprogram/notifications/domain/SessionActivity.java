package care.homeprogram.notifications.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * The latest session a patient logged on a plan (from SessionLogged), kept apart from the plan projection because
 * the two arrive on different partitions and either may come first.
 */
@Entity
@Table(name = "session_activity")
public class SessionActivity extends PanacheEntityBase {
    @Id
    @Column(name = "plan_id")
    public UUID planId;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Column(name = "last_session_at", nullable = false)
    public OffsetDateTime lastSessionAt;

    public static Optional<OffsetDateTime> lastSessionOf(UUID planId) {
        return SessionActivity.<SessionActivity>findByIdOptional(planId).map(a -> a.lastSessionAt);
    }
}
