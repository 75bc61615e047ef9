package care.homeprogram.notifications.api;

/**
 * How many of the person's in-app messages they have not read yet: what the portal's Today page shows beside the
 * inbox link, counted in the database instead of sent as a page of messages to be counted by the caller.
 */
public record UnreadView(long unread) {
}
