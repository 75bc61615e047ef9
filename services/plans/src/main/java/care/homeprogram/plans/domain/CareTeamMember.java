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

    /**
     * Whether the therapist is in the patient's care team: asked on every read of a patient's data by a therapist.
     * A query of its own, not Panache's count(), which derives and translates a new count query on every call
     * (docs/deploy.md, "The patient's Today page: counts, not rows"); this one's translation is cached.
     */
    public static boolean inCare(UUID patientId, UUID therapistId) {
        return getEntityManager().createQuery("select count(m) from CareTeamMember m "
                + "where m.key.patientId = :patient and m.key.therapistId = :therapist", Long.class)
                .setParameter("patient", patientId).setParameter("therapist", therapistId).getSingleResult() > 0;
    }

    /** The patients in the therapist's care. */
    public static java.util.List<UUID> patientsOf(UUID therapistId) {
        return find("key.therapistId = ?1 order by key.patientId", therapistId).<CareTeamMember>list().stream()
                .map(m -> m.key.patientId()).toList();
    }
}
