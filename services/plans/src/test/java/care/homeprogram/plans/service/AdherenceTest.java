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
}
