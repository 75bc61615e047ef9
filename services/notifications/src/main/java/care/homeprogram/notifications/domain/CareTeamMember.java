package care.homeprogram.notifications.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.List;
import java.util.UUID;

/** A therapist in a patient's care team, as patient-service last announced the team. */
@Entity
@Table(name = "care_team_member")
public class CareTeamMember extends PanacheEntityBase {
    @Embeddable
    public record Key(@Column(name = "patient_id") UUID patientId, @Column(name = "therapist_id") UUID therapistId)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;

    /** The patient's therapists now; empty while patient-service has not announced a team. */
    public static List<UUID> therapistsOf(UUID patientId) {
        return CareTeamMember.<CareTeamMember>list("key.patientId", patientId).stream()
                .map(m -> m.key.therapistId()).sorted().toList();
    }

    /** Replaces the patient's team with the announced one. */
    public static void replace(UUID patientId, List<UUID> therapistIds) {
        delete("key.patientId", patientId);
        therapistIds.stream().distinct().forEach(therapistId -> {
            CareTeamMember member = new CareTeamMember();
            member.key = new Key(patientId, therapistId);
            member.persist();
        });
    }
}
