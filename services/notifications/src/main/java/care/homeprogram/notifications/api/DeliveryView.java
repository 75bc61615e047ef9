package care.homeprogram.notifications.api;

import care.homeprogram.notifications.domain.EmailDelivery;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One entry of a person's delivery log: an email with its attempts, its next try, the last error and its state
 * (PENDING, SENT, FAILED after the last attempt, SKIPPED when opted out or no longer relevant).
 */
public record DeliveryView(UUID id, UUID notificationId, String channel, String subject, String state, int attempts,
        OffsetDateTime nextAttemptAt, String lastError, OffsetDateTime sentAt, OffsetDateTime createdAt) {

    public static DeliveryView of(EmailDelivery d) {
        return new DeliveryView(d.id, d.notificationId, "EMAIL", d.subject, d.state.name(), d.attempts,
                d.nextAttemptAt, d.lastError, d.sentAt, d.createdAt);
    }
}
