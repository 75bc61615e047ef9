package care.homeprogram.notifications.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A plan's non-adherence level as the therapist sees it: escalated by the sweep, reset by a logged session. */
@Entity
public class Adherence extends PanacheEntityBase {
    @Id
    @Column(name = "plan_id")
    public UUID planId;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Column(name = "therapist_id")
    public UUID therapistId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AdherenceLevel level = AdherenceLevel.ON_TRACK;

    @Column(name = "last_activity_at", nullable = false)
    public OffsetDateTime lastActivityAt;

    @Column(name = "level_since", nullable = false)
    public OffsetDateTime levelSince;

    /** Plans of the patients in the therapist's care team now (a therapist who left the team sees them no more). */
    private static final String IN_CARE = "patientId in (select m.key.patientId from CareTeamMember m "
            + "where m.key.therapistId = ?1)";

    public static List<Adherence> ofTherapist(UUID therapistId, int page, int size) {
        return find(IN_CARE + " order by levelSince desc, planId", therapistId).page(Page.of(page, size)).list();
    }

    public static long countOfTherapist(UUID therapistId) {
        return count(IN_CARE, therapistId);
    }
}
