package care.homeprogram.plans.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * A patient's calendar feed: the hash of the secret token in its link, never the token (V13). One per patient; a new
 * one replaces the old, so an old link stops working at once.
 */
@Entity
@Table(name = "calendar_feed")
public class CalendarFeed extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    /** Hex SHA-256 of the token: enough to recognise a link, useless for making one. */
    @Column(name = "token_sha256", nullable = false)
    public String tokenSha256;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    /** The language tag of the feed's words, the patient's when the link was made; null (English) for older links. */
    @Column(name = "language")
    public String language;

    /** When a calendar app last fetched the feed: shows the patient whether the link is in use. */
    @Column(name = "last_fetched_at")
    public OffsetDateTime lastFetchedAt;

    public static Optional<CalendarFeed> ofPatient(UUID patientId) {
        return find("patientId", patientId).firstResultOptional();
    }

    public static Optional<CalendarFeed> byTokenHash(String tokenSha256) {
        return find("tokenSha256", tokenSha256).firstResultOptional();
    }
}
