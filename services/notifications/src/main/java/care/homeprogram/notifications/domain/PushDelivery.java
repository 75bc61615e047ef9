package care.homeprogram.notifications.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * One push notification to send to one subscription, with its attempts: the push delivery log. An urgent one goes
 * with Urgency: high.
 */
@Entity
@Table(name = "push_delivery")
public class PushDelivery extends OutboundDelivery {
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

    @Column(name = "subscription_id", nullable = false)
    public UUID subscriptionId;

    /** The notification's text, one of MessageTemplate's fixed push texts: no health details. */
    @Column(nullable = false)
    public String text;

    /** How long the push service keeps it for an offline device (the TTL header). */
    @Column(name = "ttl_seconds", nullable = false)
    public int ttlSeconds;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state = State.PENDING;

    @Override
    public void markFailed() {
        state = State.FAILED;
    }
}
