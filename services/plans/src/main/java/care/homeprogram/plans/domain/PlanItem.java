package care.homeprogram.plans.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "plan_item")
public class PlanItem {
    /** REMOVED: taken out of the plan by an edit; kept because sessions and history refer to it. */
    public enum Status {
        ACTIVE, PAUSED, REMOVED
    }

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "plan_id")
    public Plan plan;

    @ManyToOne(optional = false)
    @JoinColumn(name = "exercise_id")
    public Exercise exercise;

    /** The exercise's name when assigned: the plan reads the same even if the library entry is renamed later. */
    @Column(nullable = false)
    public String name;

    /**
     * The library entry's content version the item was assigned with: the patient keeps reading those words (name,
     * instructions, cautions, why it is safe) until the therapist assigns the item again ({@link ExerciseContent}).
     */
    @Column(name = "exercise_content_version", nullable = false)
    public int exerciseContentVersion;

    @Column(nullable = false)
    public int position;

    @Column(name = "start_week", nullable = false)
    public int startWeek;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Dose dose;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status = Status.ACTIVE;

    @Column(name = "paused_reason")
    public String pausedReason;

    /** Why a cold item is in the plan; only an acute flare-up justifies cold (docs/clinical-rules.md rule 6; ACP 2017: heat first). */
    @Column(name = "cold_reason")
    public String coldReason;

    /** The therapist confirmed an item that needs it (individual hydration target, fluid/salt restriction). */
    @Column(name = "therapist_confirmed", nullable = false)
    public boolean therapistConfirmed;

    /**
     * Where the therapist applies this item, narrowing the exercise's regions (e.g. foam rolling the glutes); empty:
     * the exercise's own regions. Self-release on the low back is refused (docs/clinical-rules.md rule 6).
     */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "target_regions", nullable = false)
    public java.util.List<Exercise.BodyRegion> targetRegions = java.util.List.of();

    /** The therapist's note to the patient on this item (e.g. "keep the knee soft"), shown with the item. */
    @Column(name = "note_to_patient")
    public String noteToPatient;

    /** The last session was amber: the next one asks whether the pain settled within 24 hours. */
    @Column(name = "amber_follow_up_pending", nullable = false)
    public boolean amberFollowUpPending;
}
