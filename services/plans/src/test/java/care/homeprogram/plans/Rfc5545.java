package care.homeprogram.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small RFC 5545 checker for the calendar feed: the line rules (CRLF, 75 octets, folding), the content-line
 * grammar, balanced components, and the properties a VCALENDAR and its VEVENTs must have exactly once. Returns the
 * events' properties (unfolded, parameters kept in the name) for the tests to look at.
 */
final class Rfc5545 {
    /** name *(";" param) ":" value; names are iana-tokens or x-names; params name=value (quoted or not). */
    private static final Pattern CONTENT_LINE = Pattern.compile(
            "([A-Za-z0-9-]+)((?:;[A-Za-z0-9-]+=(?:\"[^\"]*\"|[^\";:,]*)(?:,(?:\"[^\"]*\"|[^\";:,]*))*)*):(.*)");
    private static final Pattern UTC_DATE_TIME = Pattern.compile("\\d{8}T\\d{6}Z");
    private static final Pattern DATE = Pattern.compile("\\d{8}");
    private static final Pattern LOCAL_OR_UTC_DATE_TIME = Pattern.compile("\\d{8}T\\d{6}Z?");

    private Rfc5545() {
    }

    /** One VEVENT: property name (with parameters, e.g. {@code DTSTART;VALUE=DATE}) to value. */
    record Event(Map<String, String> properties) {
        String get(String name) {
            return properties.entrySet().stream().filter(e -> e.getKey().equals(name)
                    || e.getKey().startsWith(name + ";")).map(Map.Entry::getValue).findFirst().orElse(null);
        }

        LocalDate startDate() {
            return LocalDate.parse(get("DTSTART").substring(0, 8), DateTimeFormatter.BASIC_ISO_DATE);
        }
    }

    /** Checks the text; returns its events. */
    static List<Event> check(String text) {
        assertThat(text).as("ends with CRLF").endsWith("\r\n");
        String[] physical = text.substring(0, text.length() - 2).split("\r\n", -1);
        List<String> lines = new ArrayList<>();
        for (String line : physical) {
            assertThat(line).as("no bare CR or LF").doesNotContain("\r").doesNotContain("\n");
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as("octets of %s", line).isLessThanOrEqualTo(75);
            if (line.startsWith(" ") || line.startsWith("\t")) {
                assertThat(lines).as("a continuation follows a line").isNotEmpty();
                lines.set(lines.size() - 1, lines.get(lines.size() - 1) + line.substring(1));
            } else {
                assertThat(line).as("no empty content line").isNotEmpty();
                lines.add(line);
            }
        }
        Deque<String> open = new ArrayDeque<>();
        List<Event> events = new ArrayList<>();
        Map<String, Integer> calendarCounts = new LinkedHashMap<>();
        Map<String, String> event = null;
        Map<String, Integer> eventCounts = null;
        Set<String> uids = new HashSet<>();
        for (String line : lines) {
            Matcher m = CONTENT_LINE.matcher(line);
            assertThat(m.matches()).as("content line grammar: %s", line).isTrue();
            String name = m.group(1).toUpperCase();
            String value = m.group(3);
            assertThat(value).as("no control characters in %s", line).doesNotContainPattern("[\\x00-\\x08\\x0A-\\x1F\\x7F]");
            if (name.equals("BEGIN")) {
                if (open.isEmpty()) {
                    assertThat(value).as("the object is a VCALENDAR").isEqualTo("VCALENDAR");
                    assertThat(events).as("one VCALENDAR").isEmpty();
                }
                if (value.equals("VEVENT")) {
                    assertThat(open.peek()).as("VEVENT inside VCALENDAR").isEqualTo("VCALENDAR");
                    event = new LinkedHashMap<>();
                    eventCounts = new LinkedHashMap<>();
                }
                open.push(value);
                continue;
            }
            if (name.equals("END")) {
                assertThat(open).as("END:%s closes an open component", value).isNotEmpty();
                assertThat(open.pop()).as("END matches BEGIN").isEqualTo(value);
                if (value.equals("VEVENT")) {
                    checkEvent(event, eventCounts, uids);
                    events.add(new Event(event));
                    event = null;
                }
                continue;
            }
            assertThat(open).as("%s inside a component", name).isNotEmpty();
            if (open.peek().equals("VEVENT")) {
                event.put(name + m.group(2), value);
                eventCounts.merge(name, 1, Integer::sum);
            } else if (open.peek().equals("VCALENDAR")) {
                calendarCounts.merge(name, 1, Integer::sum);
                if (name.equals("VERSION")) {
                    assertThat(value).isEqualTo("2.0");
                }
            }
        }
        assertThat(open).as("every component is closed").isEmpty();
        assertThat(calendarCounts.get("PRODID")).as("PRODID once").isEqualTo(1);
        assertThat(calendarCounts.get("VERSION")).as("VERSION once").isEqualTo(1);
        return events;
    }

    private static void checkEvent(Map<String, String> event, Map<String, Integer> counts, Set<String> uids) {
        for (String required : List.of("UID", "DTSTAMP", "DTSTART")) {
            assertThat(counts.get(required)).as("%s once in %s", required, event).isEqualTo(1);
        }
        for (String atMostOnce : List.of("DTEND", "DURATION", "SUMMARY", "DESCRIPTION", "URL", "TRANSP")) {
            assertThat(counts.getOrDefault(atMostOnce, 0)).as("%s at most once", atMostOnce).isLessThanOrEqualTo(1);
        }
        assertThat(counts.containsKey("DTEND") && counts.containsKey("DURATION")).as("DTEND or DURATION").isFalse();
        Event e = new Event(event);
        assertThat(uids.add(e.get("UID"))).as("UID %s unique", e.get("UID")).isTrue();
        assertThat(e.get("DTSTAMP")).as("DTSTAMP is UTC date-time").matches(UTC_DATE_TIME);
        boolean allDay = event.keySet().stream().anyMatch(k -> k.startsWith("DTSTART;") && k.contains("VALUE=DATE")
                && !k.contains("VALUE=DATE-TIME"));
        assertThat(e.get("DTSTART")).as("DTSTART").matches(allDay ? DATE : LOCAL_OR_UTC_DATE_TIME);
        if (e.get("DTEND") != null) {
            assertThat(e.get("DTEND")).as("DTEND has DTSTART's value type").matches(allDay ? DATE : LOCAL_OR_UTC_DATE_TIME);
            assertThat(e.get("DTEND").compareTo(e.get("DTSTART"))).as("DTEND after DTSTART").isPositive();
        }
    }

    /** The text as a reader sees it: unfolded and unescaped. */
    static String unfoldedText(String text) {
        return text.replace("\r\n ", "").replace("\r\n\t", "").replace("\\n", "\n").replace("\\,", ",")
                .replace("\\;", ";").replace("\\\\", "\\");
    }
}
