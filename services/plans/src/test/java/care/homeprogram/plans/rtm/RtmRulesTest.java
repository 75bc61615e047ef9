package care.homeprogram.plans.rtm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import care.homeprogram.plans.config.RtmRulesProducer;
import care.homeprogram.plans.rtm.RtmRules.Period;
import care.homeprogram.plans.rtm.RtmRules.PeriodOutcome;
import care.homeprogram.plans.rtm.RtmRules.Proposal;
import care.homeprogram.plans.rtm.RtmRules.TimeOutcome;
import care.homeprogram.plans.rtm.RtmRules.TimeSpent;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The RTM rules of the shipped 2026 code table (docs/rtm.md), without the application. */
class RtmRulesTest {
    private static final RtmRules RULES = new RtmRules(RtmRulesProducer.load("rtm/cpt-2026.json"));
    private static final LocalDate CONSENT = LocalDate.of(2026, 3, 10);
    private static final Period FIRST = new Period(CONSENT, CONSENT.plusDays(29));
    private static final LocalDate AFTER_FIRST = CONSENT.plusDays(30);

    @Test
    void theShippedTableIsTheCptCodeSetOf2026() {
        assertThat(RULES.table().version()).isEqualTo("cpt-2026");
        assertThat(RULES.table().effectiveFrom()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(RULES.table().setup().code()).isEqualTo("98975");
        assertThat(RULES.table().sources()).anyMatch(s -> s.contains("AMA CPT 2026"))
                .anyMatch(s -> s.contains("CMS"));
    }

    @ParameterizedTest(name = "{0} data days -> {1}")
    @CsvSource({ "0,", "1,", "2,98985", "15,98985", "16,98977", "30,98977" })
    void anEndedPeriodQualifiesByItsCountOfDataDays(int days, String code) {
        PeriodOutcome outcome = RULES.period(FIRST, days(days), AFTER_FIRST);
        assertThat(outcome.complete()).isTrue();
        assertThat(outcome.dataDays()).isEqualTo(days);
        assertThat(outcome.code().orElse(null)).isEqualTo(code);
        assertThat(outcome.reason()).startsWith(days + (days == 1 ? " data day " : " data days "));
        if (code == null) {
            assertThat(outcome.reason()).contains("fewer than 2");
        } else {
            assertThat(outcome.reason()).contains(code);
        }
    }

    @Test
    void severalSessionsOnOneDayAreOneDataDayAndDaysOutsideThePeriodDoNotCount() {
        List<LocalDate> days = List.of(CONSENT, CONSENT, CONSENT.plusDays(29), CONSENT.minusDays(1),
                CONSENT.plusDays(30));
        PeriodOutcome outcome = RULES.period(FIRST, days, AFTER_FIRST);
        assertThat(outcome.dates()).containsExactly(CONSENT, CONSENT.plusDays(29));
        assertThat(outcome.code()).contains("98985");
    }

    @Test
    void aPeriodStillRunningProposesNothingYetWhateverItsCount() {
        PeriodOutcome running = RULES.period(FIRST, days(16), FIRST.end());
        assertThat(running.complete()).isFalse();
        assertThat(running.code()).isEmpty();
        assertThat(running.reason()).contains("16 data days").contains("so far").contains(FIRST.end().toString());
    }

    @Test
    void periodsRunInThirtyDayStepsFromTheConsentDateAndAMonthListsThoseEndingInIt() {
        // 10 March + 29 = 8 April; then 9 April – 8 May, 9 May – 7 June...
        assertThat(RULES.periodsEndingIn(CONSENT, YearMonth.of(2026, 3))).isEmpty();
        assertThat(RULES.periodsEndingIn(CONSENT, YearMonth.of(2026, 4))).containsExactly(
                new Period(LocalDate.of(2026, 3, 10), LocalDate.of(2026, 4, 8)));
        assertThat(RULES.periodsEndingIn(CONSENT, YearMonth.of(2026, 5))).containsExactly(
                new Period(LocalDate.of(2026, 4, 9), LocalDate.of(2026, 5, 8)));
        assertThat(RULES.periodsEndingIn(CONSENT, YearMonth.of(2026, 2))).isEmpty();
        // a year on, every period is 30 days and starts a multiple of 30 days after the consent
        assertThat(RULES.periodsEndingIn(CONSENT, YearMonth.of(2027, 3))).singleElement().satisfies(p -> {
            assertThat(p.start().plusDays(29)).isEqualTo(p.end());
            assertThat((p.start().toEpochDay() - CONSENT.toEpochDay()) % 30).isZero();
        });
    }

    @Test
    void aMonthCanHoldTheEndsOfTwoPeriods() {
        // 2 Jun – 1 Jul, 2 Jul – 31 Jul: July holds two ends
        assertThat(RULES.periodsEndingIn(LocalDate.of(2026, 6, 2), YearMonth.of(2026, 7))).extracting(Period::end)
                .containsExactly(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 31));
        // 1 Jul – 30 Jul ends in the consent's own month; 31 Jul – 29 Aug in August
        assertThat(RULES.periodsEndingIn(LocalDate.of(2026, 7, 1), YearMonth.of(2026, 7))).extracting(Period::end)
                .containsExactly(LocalDate.of(2026, 7, 30));
        assertThat(RULES.periodsEndingIn(LocalDate.of(2026, 7, 1), YearMonth.of(2026, 8))).extracting(Period::end)
                .containsExactly(LocalDate.of(2026, 8, 29));
    }

    @ParameterizedTest(name = "{0} min, interactive {1} -> {2}")
    @CsvSource({
            "9,true,''", "9,false,''",
            "10,true,98979x1", "10,false,''",
            "19,true,98979x1", "19,false,''",
            "20,true,98980x1", "20,false,''",
            "39,true,98980x1", "39,false,''",
            "40,true,98980x1 98981x1", "40,false,''",
            "60,true,98980x1 98981x2", "60,false,''" })
    void aMonthsManagementTimeQualifiesByItsMinutesWithAnInteractiveCommunication(int minutes, boolean interactive,
            String expected) {
        // the minutes in two entries, the interactive one (if any) short: one interactive communication is enough
        List<TimeSpent> entries = List.of(new TimeSpent(60, interactive), new TimeSpent((minutes - 1) * 60L, false));
        TimeOutcome outcome = RULES.time(entries);
        assertThat(outcome.minutes()).isEqualTo(minutes);
        assertThat(outcome.interactiveCommunication()).isEqualTo(interactive);
        assertThat(outcome.interactiveMinutes()).isEqualTo(interactive ? 1 : 0);
        assertThat(String.join(" ", outcome.proposed().stream().map(p -> p.code() + "x" + p.units()).toList()))
                .isEqualTo(expected);
        if (expected.isEmpty()) {
            assertThat(outcome.reason()).contains(minutes < 10 ? "fewer than 10" : "no real-time interactive");
        }
        List<String> codes = outcome.proposed().stream().map(Proposal::code).toList();
        assertThat(codes.contains("98979") && codes.contains("98980")).as("98979 never with 98980").isFalse();
    }

    @Test
    void secondsAreSummedBeforeTheyAreFlooredToMinutes() {
        // 20 entries of 30 s: 10 minutes, though each alone is under a minute
        List<TimeSpent> entries = IntStream.range(0, 20).mapToObj(i -> new TimeSpent(30, i == 0)).toList();
        assertThat(RULES.time(entries).minutes()).isEqualTo(10);
        assertThat(RULES.time(entries).proposed()).extracting(Proposal::code).containsExactly("98979");
        assertThat(RULES.time(List.of(new TimeSpent(599, true))).proposed()).isEmpty();
        assertThat(RULES.time(List.of()).minutes()).isZero();
    }

    @Test
    void aTableThatCannotBeRightIsRefused() {
        CodeTable shipped = RULES.table();
        assertThatThrownBy(() -> new CodeTable(shipped.version(), shipped.effectiveFrom(), shipped.sources(), 30,
                shipped.setup(), List.of(new CodeTable.DataDaysCode("a", 2, 16, "x"),
                        new CodeTable.DataDaysCode("b", 16, 30, "y")), shipped.management()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlap");
        assertThatThrownBy(() -> RtmRulesProducer.load("rtm/no-such-table.json"))
                .hasMessageContaining("rtm/no-such-table.json");
    }

    private static List<LocalDate> days(int count) {
        return IntStream.range(0, count).mapToObj(CONSENT::plusDays).toList();
    }
}
