package care.homeprogram.plans.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * A therapist dismissed the progression suggested after a program week: who, when and why. It decides nothing
 * clinical (the plan is unchanged); it keeps the suggestion from being offered again for that week, for every
 * therapist of the care team and on every device.
 */
@Entity
@Table(name = "progression_dismissal")
public class ProgressionDismissal extends PanacheEntityBase {
    @Embeddable
    public record Key(@Column(name = "plan_id") UUID planId, @Column(name = "week") int week)
            implements java.io.Serializable {
    }

    @EmbeddedId
    public Key key;

    @Column(name = "dismissed_by", nullable = false)
    public UUID dismissedBy;

    @Column(name = "dismissed_at", nullable = false)
    public OffsetDateTime dismissedAt;

    @Column(nullable = false)
    public String reason;

    public static Optional<ProgressionDismissal> of(UUID planId, int week) {
        return findByIdOptional(new Key(planId, week));
    }
}
