package care.homeprogram.plans;

import static org.assertj.core.api.Assertions.assertThat;

import care.homeprogram.plans.service.ICalendar;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The iCalendar writer's line rules (RFC 5545, 3.1 and 3.3.11), checked by the test's own RFC 5545 reader. */
class ICalendarTest {
    @Test
    void longLinesAreFoldedAt75OctetsWithoutSplittingCharacters() {
        String description = "Übung für heute, ja; mit Umlauten: äöü ß — ☃ und ein Link https://example.org/today "
                .repeat(4) + "\\ und eine\nneue Zeile";
        String ics = new ICalendar().begin("VCALENDAR").property("VERSION", "2.0").property("PRODID", "-//t//t//EN")
                .begin("VEVENT").property("UID", "1@t").utc("DTSTAMP", Instant.parse("2026-12-02T10:15:30Z"))
                .date("DTSTART", LocalDate.of(2026, 12, 3)).date("DTEND", LocalDate.of(2026, 12, 4))
                .text("DESCRIPTION", description).end("VEVENT").end("VCALENDAR").toString();

        var events = Rfc5545.check(ics);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.get("DTSTAMP")).isEqualTo("20261202T101530Z");
            assertThat(e.get("DTSTART")).isEqualTo("20261203");
        });
        assertThat(Rfc5545.unfoldedText(ics)).contains("DESCRIPTION:" + description);
        for (String line : ics.split("\r\n")) {
            byte[] octets = line.getBytes(StandardCharsets.UTF_8);
            assertThat(octets.length).isLessThanOrEqualTo(75);
            assertThat(new String(octets, StandardCharsets.UTF_8)).as("whole characters only").doesNotContain("\uFFFD");
        }
        assertThat(ics.split("\r\n").length).as("the description was folded").isGreaterThan(10);
        assertThat(ics).contains("ja\\; mit").contains("heute\\,").contains("eine\\nneue").contains("\\\\ und");
    }
}
