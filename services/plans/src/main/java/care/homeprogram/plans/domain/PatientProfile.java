package care.homeprogram.plans.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** What plan-service knows of a patient, projected from patient-events: their time zone and account status. */
@Entity
@Table(name = "patient_profile")
public class PatientProfile extends PanacheEntityBase {
    @Id
    @Column(name = "patient_id")
    public UUID patientId;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(nullable = false)
    public String status;

    /** Intake flags from patient-service's screening (IntakeScreened). */
    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.JSON)
    @Column(name = "intake_flags", nullable = false)
    public java.util.List<String> intakeFlags = new java.util.ArrayList<>();

    /** A plan for this patient becomes active only after a therapist signs off the intake flags. */
    @Column(name = "requires_sign_off", nullable = false)
    public boolean requiresSignOff;
}
