package care.homeprogram.plans.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A picture or the video of a library entry. Its bytes live in {@code exercise_media_chunk} rows (see
 * {@code service/MediaChunks}); the row itself is never changed after the upload, so its id names immutable content.
 */
@Entity
@Table(name = "exercise_media")
public class ExerciseMedia extends PanacheEntityBase {
    public enum Kind {
        IMAGE, VIDEO
    }

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "exercise_id")
    public Exercise exercise;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    /** Detected from the bytes, never taken from the upload's name or headers. */
    @Column(name = "content_type", nullable = false)
    public String contentType;

    @Column(name = "size_bytes", nullable = false)
    public long sizeBytes;

    /** SHA-256 of the bytes as stored, hex: the strong ETag. */
    @Column(nullable = false)
    public String sha256;

    /** Pixels, for raster images; null for SVG and video. */
    public Integer width;
    public Integer height;

    /** An image's alt text, a video's text alternative. */
    @Column(nullable = false)
    public String description;

    @Column(nullable = false)
    public int position;

    @Column(name = "uploaded_by")
    public UUID uploadedBy;

    /** The seed file a seeded illustration came from; null for uploads. */
    @Column(name = "seed_file")
    public String seedFile;

    @Column(name = "uploaded_at", nullable = false)
    public OffsetDateTime uploadedAt;

    public static List<ExerciseMedia> of(UUID exerciseId) {
        return list("exercise.id = ?1 order by kind, position, uploadedAt", exerciseId);
    }

    /** A media item's columns a list shows, with whether its entry is the clinic's (no owner). */
    public record Listed(UUID id, UUID exerciseId, Kind kind, String contentType, long sizeBytes, String sha256,
            Integer width, Integer height, String description, int position, String seedFile, boolean clinicEntry) {
    }

    /**
     * The media of several entries in one query, each entry's in the order {@link #of} gives them: the columns a
     * list shows, no entity loaded.
     */
    public static List<Listed> listedOf(java.util.Collection<UUID> exerciseIds) {
        return listed(getEntityManager().createQuery(LISTED + "where e.id in :ids " + LISTED_ORDER, Object[].class)
                .setParameter("ids", exerciseIds));
    }

    /**
     * The media of every entry the patient's assigned (not draft) plans name, in {@link #of}'s order per entry: the
     * patient's day asks for these. Single-valued parameters only, so Hibernate keeps the query's translation (an
     * "in" list of ids is translated to SQL again on every read).
     */
    public static List<Listed> listedOfPatient(UUID patientId) {
        return listed(getEntityManager().createQuery(LISTED + "where e.id in (select i.exercise.id from PlanItem i "
                + "where i.plan.patientId = :patient and i.plan.status <> :draft) " + LISTED_ORDER, Object[].class)
                .setParameter("patient", patientId).setParameter("draft", Plan.Status.DRAFT));
    }

    private static final String LISTED = "select m.id, e.id, m.kind, m.contentType, m.sizeBytes, m.sha256, "
            + "m.width, m.height, m.description, m.position, m.seedFile, e.ownerTherapistId "
            + "from ExerciseMedia m join m.exercise e ";
    private static final String LISTED_ORDER = "order by m.kind, m.position, m.uploadedAt";

    private static List<Listed> listed(jakarta.persistence.TypedQuery<Object[]> query) {
        return query.getResultStream()
                .map(r -> new Listed((UUID) r[0], (UUID) r[1], (Kind) r[2], (String) r[3], (Long) r[4],
                        (String) r[5], (Integer) r[6], (Integer) r[7], (String) r[8], (Integer) r[9],
                        (String) r[10], r[11] == null))
                .toList();
    }
}
