package care.homeprogram.portal.client;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A browser or device the signed-in person subscribed for push notifications. */
public record PushDevice(UUID id, String endpoint, OffsetDateTime createdAt) {
    /** The push service it goes through, e.g. fcm.googleapis.com: enough to tell devices apart, nothing secret. */
    public String service() {
        try {
            return java.net.URI.create(endpoint).getHost();
        } catch (IllegalArgumentException e) {
            return "unknown";
        }
    }
}
