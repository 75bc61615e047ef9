package care.homeprogram.portal.client;

/** A person's notification preferences: time zone, quiet hours, channels. */
public record Preferences(String timeZone, QuietHours quietHours, Channels channels) {
}
