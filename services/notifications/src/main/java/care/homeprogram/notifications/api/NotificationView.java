package care.homeprogram.notifications.api;

import care.homeprogram.notifications.domain.Notification;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * One inbox entry. {@code severity} is set on therapist notices (LOW, HIGH, CRITICAL); {@code subjectId} names what
 * it is about (the alert or plan); {@code handledAt} is set once the matter was dealt with (alert acknowledged).
 */
public record NotificationView(UUID id, String kind, String title, String body, String link, String severity,
        UUID subjectId, OffsetDateTime createdAt, OffsetDateTime readAt, OffsetDateTime handledAt) {

    public static NotificationView of(Notification n) {
        return new NotificationView(n.id, n.kind, n.title, n.body, n.link, n.severity, n.subjectId, n.createdAt,
                n.readAt, n.handledAt);
    }
}
