package care.homeprogram.plans.service;

import static org.assertj.core.api.Assertions.assertThat;

import care.homeprogram.plans.domain.Dose;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleTest {
    private static final LocalDate MONDAY_START = LocalDate.of(2026, 11, 2);
    private static final Dose WEEKDAYS_TWO_WEEKS = new Dose(1, 5, 5, null, 2,
            List.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY), 2);

    @Test
    void weeksCountFromTheStartDate() {
        assertThat(Schedule.weekOf(MONDAY_START, MONDAY_START)).isEqualTo(1);
        assertThat(Schedule.weekOf(MONDAY_START, MONDAY_START.plusDays(6))).isEqualTo(1);
        assertThat(Schedule.weekOf(MONDAY_START, MONDAY_START.plusDays(7))).isEqualTo(2);
        assertThat(Schedule.weekOf(MONDAY_START, MONDAY_START.minusDays(1))).isZero();
    }

    @Test
    void anItemIsDueOnlyOnItsDaysWithinItsWeeks() {
        assertThat(Schedule.isDue(MONDAY_START, 1, WEEKDAYS_TWO_WEEKS, MONDAY_START)).isTrue();
        assertThat(Schedule.isDue(MONDAY_START, 1, WEEKDAYS_TWO_WEEKS, MONDAY_START.plusDays(1))).isFalse();
        assertThat(Schedule.isDue(MONDAY_START, 1, WEEKDAYS_TWO_WEEKS, MONDAY_START.plusDays(11))).isTrue();
        assertThat(Schedule.isDue(MONDAY_START, 1, WEEKDAYS_TWO_WEEKS, MONDAY_START.plusDays(14))).isFalse();
    }

    @Test
    void anItemThatStartsLaterIsNotDueBeforeItsWeek() {
        assertThat(Schedule.isDue(MONDAY_START, 3, WEEKDAYS_TWO_WEEKS, MONDAY_START)).isFalse();
        assertThat(Schedule.isDue(MONDAY_START, 3, WEEKDAYS_TWO_WEEKS, MONDAY_START.plusDays(14))).isTrue();
    }
}
