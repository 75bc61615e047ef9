package care.homeprogram.notifications.domain;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * A person's daily quiet hours in their own local time, e.g. 21:00–08:00 (crossing midnight) or 12:00–14:00. Start
 * is inside, end is outside. A window whose start equals its end is empty: that person has no quiet hours.
 */
public record QuietWindow(LocalTime start, LocalTime end) {
    public static final QuietWindow DEFAULT = new QuietWindow(LocalTime.of(21, 0), LocalTime.of(8, 0));

    /** From the stored "HH:mm" strings; anything unreadable falls back to the default window. */
    public static QuietWindow of(String start, String end) {
        try {
            return new QuietWindow(LocalTime.parse(start), LocalTime.parse(end));
        } catch (DateTimeParseException | NullPointerException e) {
            return DEFAULT;
        }
    }

    public boolean isEmpty() {
        return start.equals(end);
    }

    public boolean contains(LocalTime time) {
        if (isEmpty()) {
            return false;
        }
        if (start.isBefore(end)) {
            return !time.isBefore(start) && time.isBefore(end);
        }
        return !time.isBefore(start) || time.isBefore(end);
    }

    public boolean contains(ZonedDateTime moment) {
        return contains(moment.toLocalTime());
    }

    /**
     * The moment itself when it is outside the window, else the end of the quiet period it falls in, in the same
     * zone. An end that does not exist that day (a daylight-saving gap) moves forward by the gap, as
     * {@link ZonedDateTime#of} does.
     */
    public ZonedDateTime shiftOut(ZonedDateTime moment) {
        if (!contains(moment)) {
            return moment;
        }
        LocalDateTime local = moment.toLocalDateTime();
        boolean endsTomorrow = !start.isBefore(end) && !local.toLocalTime().isBefore(start);
        LocalDateTime endOfQuiet = local.toLocalDate().plusDays(endsTomorrow ? 1 : 0).atTime(end);
        return ZonedDateTime.of(endOfQuiet, moment.getZone());
    }

    /** {@link #shiftOut(ZonedDateTime)} for an instant seen in a zone. */
    public ZonedDateTime shiftOut(java.time.Instant instant, ZoneId zone) {
        return shiftOut(instant.atZone(zone));
    }

    public String startText() {
        return start.toString();
    }

    public String endText() {
        return end.toString();
    }
}
