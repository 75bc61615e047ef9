package care.homeprogram.portal.client;

/** A body carrying only why, e.g. resuming a paused item. */
public record Reason(String reason) {
}
