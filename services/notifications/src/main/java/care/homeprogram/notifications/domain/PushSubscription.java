package care.homeprogram.notifications.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One browser or device a person opted in on for push notifications (the W3C Push API's PushSubscription): the push
 * service's endpoint for it and the browser's keys that every payload is encrypted to (RFC 8291). Having one is the
 * push channel's opt-in; removing it (or the push service saying it is gone) is the opt-out.
 */
@Entity
@Table(name = "push_subscription")
public class PushSubscription extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "recipient_id", nullable = false)
    public UUID recipientId;

    @Column(nullable = false)
    public String endpoint;

    /** The browser's P-256 public key, base64url, 65 bytes uncompressed. */
    @Column(nullable = false)
    public String p256dh;

    /** The browser's 16-byte authentication secret, base64url. */
    @Column(nullable = false)
    public String auth;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    public static List<PushSubscription> ofRecipient(UUID recipientId) {
        return list("recipientId = ?1 order by createdAt, id", recipientId);
    }
}
