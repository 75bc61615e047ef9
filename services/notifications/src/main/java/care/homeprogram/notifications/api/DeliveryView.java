package care.homeprogram.notifications.api;

import care.homeprogram.notifications.domain.EmailDelivery;
import care.homeprogram.notifications.domain.PushDelivery;
import care.homeprogram.notifications.domain.PushSubscription;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One entry of a person's delivery log: an email (channel EMAIL, its subject) or a push notification (channel PUSH,
 * its fixed PHI-free text) with its attempts, its next try, the last error and its state (PENDING, SENT, FAILED after
 * the last attempt, SKIPPED when opted out or no longer relevant). For a push, pushService is the host of the device's
 * push service (e.g. fcm.googleapis.com), null once the subscription is removed: never the endpoint URL, which is the
 * device's secret address.
 */
public record DeliveryView(UUID id, UUID notificationId, String channel, String subject, String state, int attempts,
        OffsetDateTime nextAttemptAt, String lastError, OffsetDateTime sentAt, OffsetDateTime createdAt,
        String pushService) {
    /** An address in an error text (a connection failure may name the endpoint) is cut down to its host. */
    private static final Pattern ADDRESS = Pattern.compile("https?://([^/\\s:]+)[^\\s]*");

    public static DeliveryView of(EmailDelivery d) {
        return new DeliveryView(d.id, d.notificationId, "EMAIL", d.subject, d.state.name(), d.attempts,
                d.nextAttemptAt, d.lastError, d.sentAt, d.createdAt, null);
    }

    public static DeliveryView of(PushDelivery d, PushSubscription device) {
        String lastError = d.lastError == null ? null : ADDRESS.matcher(d.lastError).replaceAll("$1");
        return new DeliveryView(d.id, d.notificationId, "PUSH", d.text, d.state.name(), d.attempts, d.nextAttemptAt,
                lastError, d.sentAt, d.createdAt, device == null ? null : URI.create(device.endpoint).getHost());
    }
}
