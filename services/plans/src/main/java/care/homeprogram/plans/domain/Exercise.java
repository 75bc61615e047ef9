package care.homeprogram.plans.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
public class Exercise extends PanacheEntityBase {
    public enum Category {
        MOVEMENT, MYOFASCIAL_RELEASE, TEMPERATURE, BREATHING, RELAXATION, HYDRATION, WALKING
    }

    /**
     * Safety-relevant properties of an item. REQUIRES_THERAPIST_CONFIRMATION and NEVER_ON_LOW_BACK are checked by the
     * plan rules; whether an item applies cold is decided by {@link #temperature}, not by COLD_THERAPY, which only
     * describes the entry.
     */
    public enum Flag {
        COLD_THERAPY, HEAT_THERAPY, REQUIRES_THERAPIST_CONFIRMATION, NEVER_ON_LOW_BACK
    }

    /** What a TEMPERATURE item applies: cold needs an acute flare-up as its reason (docs/clinical-rules.md rule 6). */
    public enum Temperature {
        HEAT, COLD, HEAT_AND_COLD;

        public boolean appliesCold() {
            return this != HEAT;
        }
    }

    /** Where on the body an item works; self-release never goes on the low back (docs/clinical-rules.md rule 6). */
    public enum BodyRegion {
        NECK, UPPER_BACK, LOW_BACK, SHOULDERS, CHEST, ABDOMEN, GLUTES, HIPS, THIGHS, CALVES, FEET, ARMS, WHOLE_BODY
    }

    @Id
    public UUID id;

    @Column(nullable = false, unique = true)
    public String slug;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Category category;

    @Column(nullable = false)
    public String summary;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> instructions;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> cautions;

    @Column(name = "why_safe", nullable = false)
    public String whySafe;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "default_dose", nullable = false)
    public Dose defaultDose;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Flag> flags;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> sources;

    /** Heat, cold or both; required for TEMPERATURE entries, null otherwise. */
    @Enumerated(EnumType.STRING)
    @Column
    public Temperature temperature;

    /** Where the item works; required for MYOFASCIAL_RELEASE entries, empty when it does not matter. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "body_regions", nullable = false)
    public List<BodyRegion> bodyRegions = List.of();

    @Column(name = "owner_therapist_id")
    public UUID ownerTherapistId;

    @Column(name = "content_version", nullable = false)
    public int contentVersion;

    /** The owner shares the entry with every therapist of the clinic; otherwise only the owner may see or use it. */
    @Column(name = "shared_with_clinic", nullable = false)
    public boolean sharedWithClinic;

    /**
     * The owner archived the entry: no longer listed nor added anew to a plan; plans and templates that hold
     * it keep it, with the words they were assigned.
     */
    @Column(name = "archived_at")
    public java.time.OffsetDateTime archivedAt;

    @Column(name = "archived_by")
    public UUID archivedBy;

    /** Seeded entries and shared ones are the clinic's; a private entry is its owner's alone. */
    public boolean usableBy(UUID therapistId) {
        return ownerTherapistId == null || sharedWithClinic || ownerTherapistId.equals(therapistId);
    }

    /**
     * The entry, if this therapist may use it; another therapist's private entry is as unknown as a made-up id, so
     * its existence is not revealed (404).
     */
    public static Exercise usable(UUID exerciseId, UUID therapistId) {
        Exercise exercise = Exercise.<Exercise>findByIdOptional(exerciseId).filter(e -> e.usableBy(therapistId))
                .orElseThrow(() -> care.homeprogram.commons.problem.ProblemException.notFound("Exercise " + exerciseId));
        if (exercise.archivedAt != null) {
            throw care.homeprogram.commons.problem.ProblemException.conflict("exercise-archived",
                    "Exercise " + exerciseId + " is archived: it is kept in the plans that hold it, but not added anew");
        }
        return exercise;
    }

    /** The query of the entries a therapist sees: the clinic's and their own. */
    public static final String VISIBLE = "archivedAt is null and (ownerTherapistId is null or sharedWithClinic = true "
            + "or ownerTherapistId = ?1)";

    public static Optional<Exercise> bySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }
}
