package care.homeprogram.notifications.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One push notification to send to one subscription, with its attempts: the push delivery log. */
@Entity
@Table(name = "push_delivery")
public class PushDelivery extends PanacheEntityBase {
    public enum State {
        /** waiting for its first or next attempt */
        PENDING,
        /** accepted by the push service (201) */
        SENT,
        /** given up after the last attempt, or refused for good by the push service */
        FAILED,
        /** not sent on purpose: unsubscribed, subscription expired (404/410), account disabled, matter handled */
        SKIPPED
    }

    @Id
    public UUID id;

    @Column(name = "notification_id", nullable = false)
    public UUID notificationId;

    @Column(name = "subscription_id", nullable = false)
    public UUID subscriptionId;

    @Column(name = "recipient_id", nullable = false)
    public UUID recipientId;

    /** The notification's text, one of MessageTemplate's fixed push texts: no health details. */
    @Column(nullable = false)
    public String text;

    /** Sent in quiet hours too, with Urgency: high (CRITICAL therapist notices). */
    @Column(nullable = false)
    public boolean urgent;

    /** How long the push service keeps it for an offline device (the TTL header). */
    @Column(name = "ttl_seconds", nullable = false)
    public int ttlSeconds;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state = State.PENDING;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public OffsetDateTime nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "sent_at")
    public OffsetDateTime sentAt;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
