package care.homeprogram.portal.client;

/** How many in-app messages the signed-in person has not read (notification-service counts them). */
public record Unread(long unread) {
}
