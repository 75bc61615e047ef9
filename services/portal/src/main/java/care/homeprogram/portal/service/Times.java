package care.homeprogram.portal.service;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates and times as people read them, in a given time zone. */
public final class Times {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH);

    private Times() {
    }

    public static String format(OffsetDateTime time, ZoneId zone) {
        return time == null ? "" : DATE_TIME.format(time.atZoneSameInstant(zone));
    }

    /** The same in the reader's language ("3 dic 2026, 09:30", "3 Dez. 2026, 09:30"). */
    public static String format(OffsetDateTime time, ZoneId zone, Locale locale) {
        return time == null ? "" : DATE_TIME.withLocale(locale).format(time.atZoneSameInstant(zone));
    }

    public static String longDate(java.time.LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** The zone, or UTC when it is missing or not a valid IANA id. */
    public static ZoneId zone(String id) {
        if (id == null || id.isBlank()) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            return ZoneId.of("UTC");
        }
    }
}
