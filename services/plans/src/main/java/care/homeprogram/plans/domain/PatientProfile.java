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
}
