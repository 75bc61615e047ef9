package care.homeprogram.plans.service;

import static org.assertj.core.api.Assertions.assertThat;

import care.homeprogram.plans.domain.Dose;
import care.homeprogram.plans.safety.TrafficLight;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AdherenceTest {
    private static final LocalDate START = LocalDate.of(2026, 11, 2); // a Monday
    private static final UUID ITEM = UUID.randomUUID();
    private static final Dose MON_WED_FRI_TWICE = new Dose(1, 5, 5, null, 2,
            List.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY), 4);
    private static final List<Adherence.ItemSchedule> ITEMS = List.of(
            new Adherence.ItemSchedule(ITEM, 1, MON_WED_FRI_TWICE));

    private static List<Adherence.SessionFact> sessions(int perDueDay, TrafficLight light, int... days) {
        List<Adherence.SessionFact> facts = new ArrayList<>();
        for (int day : days) {
            for (int i = 0; i < perDueDay; i++) {
                facts.add(new Adherence.SessionFact(ITEM, START.plusDays(day), light));
            }
        }
        return facts;
    }

    @Test
    void adherenceIsVerifiedSessionsOverPrescribedUpToToday() {
        List<Adherence.Week> weeks = Adherence.weeks(START, ITEMS, sessions(2, TrafficLight.GREEN, 0, 2),
                START.plusDays(3));
        assertThat(weeks).singleElement().satisfies(w -> {
            assertThat(w.prescribed()).isEqualTo(4); // Monday and Wednesday so far, twice each
            assertThat(w.done()).isEqualTo(4);
            assertThat(w.adherence()).isEqualTo(1.0);
        });
    }

    @Test
    void extraSessionsOnADayDoNotInflateAdherence() {
        List<Adherence.Week> weeks = Adherence.weeks(START, ITEMS, sessions(5, TrafficLight.GREEN, 0),
                START.plusDays(6));
        assertThat(weeks.get(0).done()).isEqualTo(2);
        assertThat(weeks.get(0).prescribed()).isEqualTo(6);
    }

    @Test
    void progressionIsSuggestedAfterAFullGreenWeekWithEnoughAdherence() {
        LocalDate today = START.plusDays(8);
        List<Adherence.Week> weeks = Adherence.weeks(START, ITEMS, sessions(2, TrafficLight.GREEN, 0, 2, 4), today);
        assertThat(Adherence.progression(weeks, today, 0.8, false).suggested()).isTrue();
    }

    @Test
    void noProgressionWithLowAdherenceAnAmberSessionAPausedItemOrNoCompletedWeek() {
        LocalDate today = START.plusDays(8);
        assertThat(Adherence.progression(Adherence.weeks(START, ITEMS, sessions(2, TrafficLight.GREEN, 0, 2), today),
                today, 0.8, false).suggested()).isFalse(); // 4 of 6 = 67%
        List<Adherence.SessionFact> oneAmber = new ArrayList<>(sessions(2, TrafficLight.GREEN, 0, 2, 4));
        oneAmber.set(0, new Adherence.SessionFact(ITEM, START, TrafficLight.AMBER));
        assertThat(Adherence.progression(Adherence.weeks(START, ITEMS, oneAmber, today), today, 0.8, false)
                .suggested()).isFalse();
        List<Adherence.Week> perfect = Adherence.weeks(START, ITEMS, sessions(2, TrafficLight.GREEN, 0, 2, 4), today);
        assertThat(Adherence.progression(perfect, today, 0.8, true).suggested()).isFalse();
        assertThat(Adherence.progression(perfect, START.plusDays(5), 0.8, false).suggested()).isFalse();
    }

    @Test
    void daysOnHoldAndDaysAnItemWasPausedAreNeitherPrescribedNorMissed() {
        java.time.ZoneId zone = java.time.ZoneId.of("Europe/Berlin");
        UUID other = UUID.randomUUID();
        List<Adherence.ItemSchedule> two = List.of(new Adherence.ItemSchedule(ITEM, 1, MON_WED_FRI_TWICE),
                new Adherence.ItemSchedule(other, 1, MON_WED_FRI_TWICE));
        java.util.function.Function<Integer, java.time.Instant> at = day -> START.plusDays(day).atTime(10, 0)
                .atZone(zone).toInstant();
        // Active from Monday; ITEM paused Wednesday 10:00 and resumed Thursday; the plan on hold Friday 10:00 until
        // Saturday; the week is over on Monday.
        Adherence.Availability availability = Adherence.fromHistory(List.of(
                new Adherence.StateChange(at.apply(0), true, java.util.Set.of()),
                new Adherence.StateChange(at.apply(2), true, java.util.Set.of(ITEM)),
                new Adherence.StateChange(at.apply(3), true, java.util.Set.of()),
                new Adherence.StateChange(at.apply(4), false, java.util.Set.of()),
                new Adherence.StateChange(at.apply(5), true, java.util.Set.of())), zone, at.apply(7));

        assertThat(availability.followable(ITEM, START)).isTrue();
        assertThat(availability.followable(ITEM, START.plusDays(2))).as("paused that day").isFalse();
        assertThat(availability.followable(other, START.plusDays(2))).as("only ITEM was paused").isTrue();
        assertThat(availability.followable(ITEM, START.plusDays(3))).as("resumed, paused part of the day")
                .isFalse();
        assertThat(availability.followable(other, START.plusDays(4))).as("on hold that day").isFalse();
        assertThat(availability.followable(other, START.plusDays(6))).isTrue();

        List<Adherence.Week> weeks = Adherence.weeks(START, two, List.of(), START.plusDays(7), availability);
        // Monday: 2 items × 2; Wednesday: only the other item, 2; Friday: on hold, nothing.
        assertThat(weeks.get(0).prescribed()).isEqualTo(6);
        assertThat(Adherence.weeks(START, two, List.of(), START.plusDays(7)).get(0).prescribed())
                .as("without the history every due day counts").isEqualTo(12);
    }

    @Test
    void aStateReplacedAtTheSameInstantNeverHeld() {
        java.time.Instant moment = START.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
        Adherence.Availability availability = Adherence.fromHistory(List.of(
                new Adherence.StateChange(moment, false, java.util.Set.of()),
                new Adherence.StateChange(moment, true, java.util.Set.of())), java.time.ZoneOffset.UTC,
                moment.plusSeconds(86_400 * 3));
        assertThat(availability.followable(ITEM, START)).isTrue();
    }
}
