package care.homeprogram.portal.client;

/** A daily window in local time ("21:00"–"08:00") during which nothing but emergencies is sent. */
public record QuietHours(String start, String end) {
}
