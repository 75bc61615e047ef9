package care.homeprogram.notifications.rest;

import care.homeprogram.notifications.domain.Notification;
import java.time.OffsetDateTime;
import java.util.UUID;

public record NotificationView(UUID id, String kind, String title, String body, String link, OffsetDateTime createdAt,
        OffsetDateTime readAt) {

    public static NotificationView of(Notification n) {
        return new NotificationView(n.id, n.kind, n.title, n.body, n.link, n.createdAt, n.readAt);
    }
}
