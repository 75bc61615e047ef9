package care.homeprogram.plans.domain;

import care.homeprogram.contract.Language;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One content version of a library entry, as it read: what a plan item assigned with that version shows the patient,
 * however the entry is edited later. Never changed once written.
 */
@Entity
@Table(name = "exercise_content")
public class ExerciseContent extends PanacheEntityBase {
    @Embeddable
    public record Key(@Column(name = "exercise_id") UUID exerciseId,
            @Column(name = "content_version") int contentVersion) implements Serializable {
    }

    /**
     * One statement, so two plans assigning the same entry at the same moment cannot both insert its version: the
     * second finds it written (a version's content never differs, whoever records it).
     */
    private static final String RECORD = """
            INSERT INTO exercise_content (exercise_id, content_version, name, summary, instructions, cautions,
                                          why_safe, created_at)
            SELECT id, content_version, name, summary, instructions, cautions, why_safe, :now FROM exercise
            WHERE id = :id
            ON CONFLICT (exercise_id, content_version) DO NOTHING
            """;

    /** A seed correction's version, marked as such: who made it and which seed version it applied. */
    private static final String MARK_SEEDED = """
            UPDATE exercise_content SET recorded_by = :by, seed_version = :seedVersion
            WHERE exercise_id = :id AND content_version = :version
            """;

    /** A clinical lead's correction's version, marked as such: who made it (no seed version). */
    private static final String MARK_CORRECTED = """
            UPDATE exercise_content SET recorded_by = :by
            WHERE exercise_id = :id AND content_version = :version
            """;

    @EmbeddedId
    public Key key;

    @Column(nullable = false)
    public String name;

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

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    /** Set on a translated copy (never stored): the language of its words; null for the words as written. */
    @jakarta.persistence.Transient
    public Language language;

    /**
     * Keeps the entry's current content as its current version, if not kept yet. It is read from the database, so
     * call it where the caller's changes may be flushed (Hibernate flushes before the statement).
     */
    public static void recordCurrent(Exercise exercise, OffsetDateTime now) {
        getEntityManager().createNativeQuery(RECORD).setParameter("id", exercise.id).setParameter("now", now)
                .executeUpdate();
    }

    /**
     * Keeps the entry's current content as its current version, recorded as made by the seed ({@code by}) with the
     * seed version that brought it. Call it where the entry's changes are flushed.
     */
    public static void recordSeeded(Exercise exercise, OffsetDateTime now, String by, int seedVersion) {
        recordCurrent(exercise, now);
        getEntityManager().createNativeQuery(MARK_SEEDED).setParameter("by", by)
                .setParameter("seedVersion", seedVersion).setParameter("id", exercise.id)
                .setParameter("version", exercise.contentVersion).executeUpdate();
    }

    /**
     * Keeps the entry's current content as its current version, recorded as made by a clinical lead ({@code by}, their
     * username). Call it where the entry's changes are flushed.
     */
    public static void recordCorrected(Exercise exercise, OffsetDateTime now, String by) {
        recordCurrent(exercise, now);
        getEntityManager().createNativeQuery(MARK_CORRECTED).setParameter("by", by).setParameter("id", exercise.id)
                .setParameter("version", exercise.contentVersion).executeUpdate();
    }

    /** The entry's words now, unsaved: for a stored plan version older than content versions. */
    public static ExerciseContent current(Exercise exercise) {
        ExerciseContent content = new ExerciseContent();
        content.key = new Key(exercise.id, exercise.contentVersion);
        content.name = exercise.name;
        content.summary = exercise.summary;
        content.instructions = exercise.instructions;
        content.cautions = exercise.cautions;
        content.whySafe = exercise.whySafe;
        return content;
    }

    /** The content of that version, or null if none was recorded (then the entry's current content is all there is). */
    public static ExerciseContent of(UUID exerciseId, int contentVersion) {
        return findById(new Key(exerciseId, contentVersion));
    }
}
