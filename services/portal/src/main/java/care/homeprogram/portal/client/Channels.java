package care.homeprogram.portal.client;

/** Which channels a person wants messages on. */
public record Channels(Boolean email, Boolean inApp) {
}
