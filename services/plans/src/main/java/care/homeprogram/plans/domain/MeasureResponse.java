package care.homeprogram.plans.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A patient's answers to a scheduled measure on one occasion, kept as the FHIR QuestionnaireResponse. */
@Entity
@Table(name = "measure_response")
public class MeasureResponse extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "schedule_id", nullable = false)
    public UUID scheduleId;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Column(nullable = false)
    public String instrument;

    /** INTAKE, WEEK_n or DISCHARGE (MeasureOccasions). */
    @Column(nullable = false)
    public String occasion;

    @Column(name = "answered_at", nullable = false)
    public OffsetDateTime answeredAt;

    /** FHIR R4 QuestionnaireResponse JSON, with export ids (FhirIds) in its references. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public String response;

    public static List<MeasureResponse> ofPatient(UUID patientId) {
        return list("patientId = ?1 order by answeredAt", patientId);
    }
}
