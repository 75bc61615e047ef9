package care.homeprogram.portal.service;

import care.homeprogram.portal.client.CalendarFeed;
import java.time.ZoneId;
import java.util.Locale;

/**
 * The Calendar part of the patient's reminder settings, as the page shows it: whether a feed exists, since when and
 * when a calendar last fetched it (in the patient's time zone), and the link right after it was made, the one time it
 * is known. {@code unavailable}: plan-service could not be asked; the rest of the page still works.
 */
public record CalendarSection(boolean active, String since, String lastFetched, String url, String webcalUrl,
        boolean unavailable) {

    public static final CalendarSection UNAVAILABLE = new CalendarSection(false, null, null, null, null, true);

    /** Dates and times in the patient's time zone and language. */
    public static CalendarSection of(CalendarFeed feed, ZoneId zone, Locale locale) {
        return new CalendarSection(feed.active(), Times.format(feed.createdAt(), zone, locale),
                feed.lastFetchedAt() == null ? null : Times.format(feed.lastFetchedAt(), zone, locale), feed.url(),
                feed.webcalUrl(), false);
    }

    public boolean linkShown() {
        return url != null;
    }
}
