package care.homeprogram.plans.domain;

import care.homeprogram.plans.safety.EscalationStep;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A step an unacknowledged alert took: when, and who was told. At most one per alert and step. */
@Entity
@Table(name = "alert_escalation")
public class AlertEscalation extends PanacheEntityBase {
    /** Who a step went to: therapists by id, or the clinic's escalation contact (an email and/or a role). */
    public record Recipients(List<UUID> therapistIds, String email, String adminRole) {
    }

    @Id
    public UUID id;

    @Column(name = "alert_id", nullable = false)
    public UUID alertId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public EscalationStep step;

    @Column(name = "escalated_at", nullable = false)
    public OffsetDateTime escalatedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Recipients recipients;

    /** The history of the given alerts, oldest step first. */
    public static List<AlertEscalation> ofAlerts(Collection<UUID> alertIds) {
        return alertIds.isEmpty() ? List.of()
                : list("alertId in ?1 order by escalatedAt, step", alertIds);
    }
}
