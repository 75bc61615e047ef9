package care.homeprogram.portal.client;

/** A browser's push subscription as notification-service takes it (the Push API's PushSubscription.toJSON()). */
public record PushSubscription(String endpoint, Keys keys) {
    public record Keys(String p256dh, String auth) {
    }
}
