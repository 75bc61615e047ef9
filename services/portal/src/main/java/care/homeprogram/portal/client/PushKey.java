package care.homeprogram.portal.client;

/** notification-service's VAPID public key (base64url), for PushManager.subscribe. */
public record PushKey(String publicKey) {
}
