package care.homeprogram.plans.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An outcome measure a therapist attached to a plan: asked at intake, every N weeks and/or at discharge. */
@Entity
@Table(name = "measure_schedule")
public class MeasureSchedule extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Column(nullable = false)
    public String instrument;

    @Column(name = "at_intake", nullable = false)
    public boolean atIntake;

    @Column(name = "every_weeks")
    public Integer everyWeeks;

    @Column(name = "at_discharge", nullable = false)
    public boolean atDischarge;

    @Column(name = "created_by", nullable = false)
    public UUID createdBy;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    public static List<MeasureSchedule> ofPlan(UUID planId) {
        return list("planId = ?1 order by createdAt", planId);
    }

    public static List<MeasureSchedule> ofPatient(UUID patientId) {
        return list("patientId = ?1 order by createdAt", patientId);
    }
}
