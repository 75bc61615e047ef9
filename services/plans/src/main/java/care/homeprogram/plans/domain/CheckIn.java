package care.homeprogram.plans.domain;

import care.homeprogram.plans.safety.Decision;
import care.homeprogram.plans.safety.RedFlag;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A patient's answers to the red-flag questionnaire and the decision they led to. */
@Entity
@Table(name = "check_in")
public class CheckIn extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<RedFlag, Boolean> answers;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Decision decision;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
