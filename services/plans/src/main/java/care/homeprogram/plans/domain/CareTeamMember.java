package care.homeprogram.plans.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.UUID;

/** A therapist in a patient's care team, projected from patient-events. */
@Entity
@Table(name = "care_team_member")
public class CareTeamMember extends PanacheEntityBase {
    @Embeddable
    public record Key(@Column(name = "patient_id") UUID patientId, @Column(name = "therapist_id") UUID therapistId)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;

    public static boolean inCare(UUID patientId, UUID therapistId) {
        return count("key.patientId = ?1 and key.therapistId = ?2", patientId, therapistId) > 0;
    }

    /** The patients in the therapist's care. */
    public static java.util.List<UUID> patientsOf(UUID therapistId) {
        return find("key.therapistId = ?1 order by key.patientId", therapistId).<CareTeamMember>list().stream()
                .map(m -> m.key.patientId()).toList();
    }
}
