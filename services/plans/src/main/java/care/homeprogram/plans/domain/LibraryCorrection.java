package care.homeprogram.plans.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A clinical lead's correction of a seeded exercise or template: which entry, the content version it made (exercises
 * only), who and when. Never changed once written; a new seed version of the entry is recorded in library_seed.
 */
@Entity
@Table(name = "library_correction")
public class LibraryCorrection extends PanacheEntityBase {
    public enum Kind {
        EXERCISE, TEMPLATE
    }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(name = "entry_id", nullable = false)
    public UUID entryId;

    @Column(nullable = false)
    public String slug;

    /** The exercise's content version this correction made; null for a template. */
    @Column(name = "content_version")
    public Integer contentVersion;

    @Column(name = "corrected_at", nullable = false)
    public OffsetDateTime correctedAt;

    @Column(name = "corrected_by", nullable = false)
    public UUID correctedBy;

    @Column(name = "corrected_by_username", nullable = false)
    public String correctedByUsername;

    public static void record(Kind kind, UUID entryId, String slug, Integer contentVersion, OffsetDateTime at,
            UUID by, String byUsername) {
        LibraryCorrection correction = new LibraryCorrection();
        correction.id = UUID.randomUUID();
        correction.kind = kind;
        correction.entryId = entryId;
        correction.slug = slug;
        correction.contentVersion = contentVersion;
        correction.correctedAt = at;
        correction.correctedBy = by;
        correction.correctedByUsername = byUsername;
        correction.persist();
    }
}
