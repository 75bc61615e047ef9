package care.homeprogram.plans.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Optional;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One version of a plan exactly as it was, with who changed it, when and why. */
@Entity
@Table(name = "plan_version")
public class PlanVersion extends io.quarkus.hibernate.orm.panache.PanacheEntityBase {
    @Embeddable
    public record Key(@Column(name = "plan_id") UUID planId, @Column(name = "version") int version)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public PlanSnapshot snapshot;

    @Column(name = "changed_by", nullable = false)
    public UUID changedBy;

    @Column(name = "changed_at", nullable = false)
    public OffsetDateTime changedAt;

    @Column(nullable = false)
    public String reason;

    public static Optional<PlanVersion> of(UUID planId, int version) {
        return findByIdOptional(new Key(planId, version));
    }
}
