package care.homeprogram.notifications.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A person who can be notified, and how: projected from patient-events (patients and therapists), never asked for
 * on the hot path. Contact (address, status) and preferences (zone, quiet hours, channels) come only from
 * patient-service, which owns them.
 */
@Entity
public class Recipient extends PanacheEntityBase {
    public static final String ACTIVE = "ACTIVE";

    @Id
    public UUID id;

    public String email;

    @Column(name = "time_zone", nullable = false)
    public String timeZone = "UTC";

    @Column(name = "quiet_start", nullable = false)
    public String quietStart = "21:00";

    @Column(name = "quiet_end", nullable = false)
    public String quietEnd = "08:00";

    @Column(name = "email_enabled", nullable = false)
    public boolean emailEnabled = true;

    @Column(name = "in_app_enabled", nullable = false)
    public boolean inAppEnabled = true;

    @Column(nullable = false)
    public String status = ACTIVE;

    /**
     * The language tag messages are written in (a patient's preferredLanguage; therapists read English until
     * patient-service announces a language for them).
     */
    @Column(name = "preferred_language", nullable = false)
    public String preferredLanguage = "en";

    /** patient, therapist or admin: who this is, for logs and the delivery rules. */
    @Column(nullable = false)
    public String role = "patient";

    /** occurredAt of the latest patient-event applied to the contact (address, status). */
    @Column(name = "contact_as_of")
    public OffsetDateTime contactAsOf;

    /** When zone, quiet hours or channels last changed, by the occurredAt of the event that changed them. */
    @Column(name = "preferences_as_of")
    public OffsetDateTime preferencesAsOf;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public boolean active() {
        return ACTIVE.equals(status);
    }

    public ZoneId zone() {
        try {
            return ZoneId.of(timeZone);
        } catch (DateTimeException | NullPointerException e) {
            return ZoneOffset.UTC;
        }
    }

    public QuietWindow quietWindow() {
        return QuietWindow.of(quietStart, quietEnd);
    }
}
