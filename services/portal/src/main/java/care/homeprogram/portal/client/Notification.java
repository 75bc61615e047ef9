package care.homeprogram.portal.client;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One in-app inbox entry. */
public record Notification(UUID id, String kind, String title, String body, String link, String severity,
        UUID subjectId, OffsetDateTime createdAt, OffsetDateTime readAt, OffsetDateTime handledAt) {

    public boolean isUnread() {
        return readAt == null;
    }
}
