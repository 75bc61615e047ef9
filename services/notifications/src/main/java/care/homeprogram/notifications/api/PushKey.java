package care.homeprogram.notifications.api;

/** The application server key a browser subscribes with (VAPID public key, base64url, 65 bytes uncompressed). */
public record PushKey(String publicKey) {
}
