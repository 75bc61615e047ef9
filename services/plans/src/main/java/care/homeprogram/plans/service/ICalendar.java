package care.homeprogram.plans.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes iCalendar text (RFC 5545): content lines ending in CRLF, folded so that no line is longer than 75 octets
 * (3.1, never inside a UTF-8 sequence), TEXT values escaped (3.3.11). Pure, so tested without a server.
 */
public final class ICalendar {
    static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int MAX_OCTETS = 75;

    private final StringBuilder out = new StringBuilder();

    /** A property whose value is written as it is (a date, a URI, a keyword). */
    public ICalendar property(String nameAndParameters, String value) {
        fold(nameAndParameters + ":" + value);
        return this;
    }

    /** A TEXT property: backslash, semicolon, comma and newline escaped. */
    public ICalendar text(String name, String value) {
        return property(name, escape(value));
    }

    public ICalendar date(String name, LocalDate date) {
        return property(name + ";VALUE=DATE", DATE.format(date));
    }

    public ICalendar utc(String name, Instant instant) {
        return property(name, UTC_TIME.format(instant));
    }

    public ICalendar begin(String component) {
        return property("BEGIN", component);
    }

    public ICalendar end(String component) {
        return property("END", component);
    }

    @Override
    public String toString() {
        return out.toString();
    }

    static String escape(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
                .replace("\n", "\\n").replace("\r", "\\n");
    }

    /** Splits a content line into lines of at most 75 octets; each continuation starts with one space. */
    private void fold(String line) {
        int octets = 0;
        int limit = MAX_OCTETS;
        for (int i = 0; i < line.length();) {
            int codePoint = line.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append("\r\n");
    }
}
