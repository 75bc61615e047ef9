package care.homeprogram.plans.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** When a measure is due: intake, every N weeks (the latest occasion only), discharge. */
class MeasureOccasionsTest {
    private static final LocalDate START = LocalDate.parse("2026-03-02");

    @Test
    void intakeIsDueFromTheStartUntilAnswered() {
        assertThat(MeasureOccasions.due(START, true, false, true, null, false, START, Set.of()))
                .hasValue(new MeasureOccasions.Occasion("INTAKE", START));
        assertThat(MeasureOccasions.due(START, true, false, true, null, false, START.minusDays(1), Set.of()))
                .isEmpty();
        assertThat(MeasureOccasions.due(START, true, false, true, null, false, START, Set.of("INTAKE"))).isEmpty();
    }

    @Test
    void everyTwoWeeksIsDueAtWeekTwoAndFourOnlyTheLatest() {
        assertThat(MeasureOccasions.due(START, true, false, false, 2, false, START.plusDays(13), Set.of())).isEmpty();
        assertThat(MeasureOccasions.due(START, true, false, false, 2, false, START.plusWeeks(2), Set.of()))
                .hasValue(new MeasureOccasions.Occasion("WEEK_2", START.plusWeeks(2)));
        assertThat(MeasureOccasions.due(START, true, false, false, 2, false, START.plusWeeks(5), Set.of()))
                .hasValue(new MeasureOccasions.Occasion("WEEK_4", START.plusWeeks(4)));
        assertThat(MeasureOccasions.due(START, true, false, false, 2, false, START.plusWeeks(5), Set.of("WEEK_4")))
                .isEmpty();
    }

    @Test
    void dischargeIsDueOnceThePlanIsCompletedAndNothingElseThen() {
        LocalDate today = START.plusWeeks(6);
        assertThat(MeasureOccasions.due(START, false, true, true, 2, true, today, Set.of()))
                .hasValue(new MeasureOccasions.Occasion("DISCHARGE", today));
        assertThat(MeasureOccasions.due(START, false, true, true, 2, false, today, Set.of())).isEmpty();
        assertThat(MeasureOccasions.due(START, true, false, false, null, true, today, Set.of())).isEmpty();
    }
}
