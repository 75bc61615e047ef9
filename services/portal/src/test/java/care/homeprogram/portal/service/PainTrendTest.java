package care.homeprogram.portal.service;

import static org.assertj.core.api.Assertions.assertThat;

import care.homeprogram.portal.client.Plan;
import care.homeprogram.portal.client.Session;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PainTrendTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Plan.Thresholds DEFAULTS = new Plan.Thresholds(3, 5, 2);

    /** The trend in English, with the words the application shows (no application here, so no generated bundle). */
    private static PainTrend trendOf(List<Session> sessions, ZoneId zone, Plan.Thresholds thresholds) {
        return PainTrend.of(sessions, zone, thresholds, EnglishMessages.WORDS, Locale.ENGLISH);
    }

    @Test
    void averagesPerLocalDayAndPlacesThemOverTheBands() {
        List<Session> sessions = List.of(
                session("2026-11-20T08:00:00Z", 2, 3, "GREEN"),
                session("2026-11-20T17:00:00Z", 4, 5, "AMBER"),
                // 23:30 UTC is already the 21st in Berlin
                session("2026-11-20T23:30:00Z", 6, 8, "RED"));

        PainTrend trend = trendOf(sessions, BERLIN, DEFAULTS);

        assertThat(trend.days()).hasSize(2);
        assertThat(trend.days().get(0).label()).isEqualTo("20 Nov");
        assertThat(trend.days().get(0).before()).isEqualTo(3.0);
        assertThat(trend.days().get(0).after()).isEqualTo(4.0);
        assertThat(trend.days().get(0).light()).isEqualTo("amber");
        assertThat(trend.days().get(1).after()).isEqualTo(8.0);
        assertThat(trend.days().get(1).light()).isEqualTo("red");
        assertThat(trend.days().get(1).yAfter()).isLessThan(trend.days().get(0).yAfter());
        assertThat(trend.bands()).extracting(PainTrend.Band::name).containsExactly("red", "amber", "green");
        assertThat(trend.afterLine().split(" ")).hasSize(2);
        assertThat(trend.description()).contains("2 days").contains("from 4 on 20 Nov to 8 on 21 Nov")
                .contains("Green is 0 to 3, amber 4 to 5, red 6 or more.");
        assertThat(trend.legend()).isEqualTo("Bands: green 0–3 continue, amber 4–5 watch, red 6+ paused");
    }

    @Test
    void greenBandCoversZeroToThreeByDefault() {
        PainTrend trend = trendOf(List.of(session("2026-11-20T08:00:00Z", 1, 3, "GREEN")), BERLIN, DEFAULTS);
        PainTrend.Band green = trend.bands().get(2);
        PainTrend.Band amber = trend.bands().get(1);

        assertThat(trend.days().get(0).light()).isEqualTo("green");
        assertThat(green.y() + green.height()).isEqualTo(PainTrend.HEIGHT - 40.0);
        assertThat(amber.y() + amber.height()).isEqualTo(green.y());
        assertThat(trend.days().get(0).yAfter()).isBetween(green.y(), green.y() + green.height());
    }

    /**
     * The day's colour is what plan-service's rules decided, never worked out again from the numbers: pain 5 under a
     * plan whose green runs to 5 is green, though the clinic's defaults would call it amber; and a day with a red
     * session among green ones is red, whatever its average.
     */
    @Test
    void theDaysColourIsTheBandTheRulesDecidedAndTheBandsArePlanServicesThresholds() {
        Plan.Thresholds ownThresholds = new Plan.Thresholds(5, 7, 2);
        PainTrend trend = trendOf(List.of(
                session("2026-11-20T08:00:00Z", 2, 5, "GREEN"),
                session("2026-11-21T08:00:00Z", 1, 1, "GREEN"),
                session("2026-11-21T09:00:00Z", 1, 1, "GREEN"),
                session("2026-11-21T10:00:00Z", 1, 8, "RED")), BERLIN, ownThresholds);

        assertThat(trend.days()).extracting(PainTrend.Day::light).containsExactly("green", "red");
        assertThat(trend.days().get(1).after()).isEqualTo(3.3);
        PainTrend.Band green = trend.bands().get(2);
        assertThat(trend.days().get(0).yAfter()).isBetween(green.y(), green.y() + green.height());
        assertThat(trend.legend()).isEqualTo("Bands: green 0–5 continue, amber 6–7 watch, red 8+ paused");
        assertThat(trend.description()).contains("Green is 0 to 5, amber 6 to 7, red 8 or more.");
    }

    @Test
    void withoutThresholdsNoBandsAreDrawnAndTheDaysKeepTheRulesColours() {
        PainTrend trend = trendOf(List.of(session("2026-11-20T08:00:00Z", 2, 4, "AMBER")), BERLIN, null);

        assertThat(trend.bands()).isEmpty();
        assertThat(trend.days()).singleElement().extracting(PainTrend.Day::light).isEqualTo("amber");
        assertThat(trend.description()).doesNotContain("Green is");
    }

    @Test
    void aSessionThePatientWithdrewIsLeftOutOfThePainHistory() {
        Session withdrawn = new Session(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                OffsetDateTime.parse("2026-11-20T09:00:00Z"), 1, 5, 9, 9, List.of(), null, "ITEM_PAUSED", "RED",
                List.of(), "WITHDRAWN", null);
        PainTrend trend = trendOf(List.of(session("2026-11-20T08:00:00Z", 2, 3, "GREEN"), withdrawn), BERLIN,
                DEFAULTS);

        assertThat(trend.days()).singleElement().satisfies(day -> {
            assertThat(day.after()).isEqualTo(3.0);
            assertThat(day.sessions()).isEqualTo(1);
            assertThat(day.light()).isEqualTo("green");
        });
        assertThat(trendOf(List.of(withdrawn), BERLIN, DEFAULTS).isEmpty()).isTrue();
    }

    @Test
    void noSessionsNoChart() {
        assertThat(trendOf(List.of(), BERLIN, DEFAULTS).isEmpty()).isTrue();
    }

    private static Session session(String at, int before, int after, String band) {
        return new Session(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                OffsetDateTime.parse(at).withOffsetSameInstant(ZoneOffset.UTC), 1, 5, before, after, List.of(), null,
                "CONTINUE", band, List.of(), "LOGGED", null);
    }
}
