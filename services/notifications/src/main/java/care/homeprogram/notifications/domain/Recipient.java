package care.homeprogram.notifications.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A person who can be notified, and how: projected from patient-events, never asked for on the hot path. */
@Entity
public class Recipient extends PanacheEntityBase {
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
    public String status = "ACTIVE";

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public boolean active() {
        return "ACTIVE".equals(status);
    }
}
