package care.homeprogram.notifications.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Reminders in the patient's zone: daylight-saving changes, quiet hours (also across midnight), plan weeks. */
class ReminderScheduleTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final QuietWindow NO_QUIET = new QuietWindow(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
    private static final LocalDate START = LocalDate.of(2026, 1, 5); // a Monday, long before the dates below

    private static List<ReminderSchedule.Item> daily(int timesPerDay) {
        return List.of(new ReminderSchedule.Item(1, 52, Set.of(), timesPerDay));
    }

    private static List<Instant> reminders(ReminderSchedule schedule, LocalDate day, ZoneId zone,
            QuietWindow quiet, int timesPerDay) {
        return schedule.slotsOn(START, daily(timesPerDay), day, zone, quiet).stream()
                .filter(s -> s.kind() == Reminder.Kind.REMINDER).map(s -> s.dueAt().toInstant()).toList();
    }

    private static ReminderSchedule at(String first) {
        return new ReminderSchedule(LocalTime.parse(first), LocalTime.of(23, 0), Duration.ZERO, 6);
    }

    @Test
    void timesOfDayAreSpreadEvenlyBetweenTheFirstAndTheLast() {
        ReminderSchedule schedule = ReminderSchedule.defaults();
        assertThat(schedule.timesOfDay(0)).isEmpty();
        assertThat(schedule.timesOfDay(1)).containsExactly(LocalTime.of(9, 0));
        assertThat(schedule.timesOfDay(2)).containsExactly(LocalTime.of(9, 0), LocalTime.of(18, 0));
        assertThat(schedule.timesOfDay(3)).containsExactly(LocalTime.of(9, 0), LocalTime.of(13, 30),
                LocalTime.of(18, 0));
        assertThat(schedule.timesOfDay(4)).containsExactly(LocalTime.of(9, 0), LocalTime.of(12, 0),
                LocalTime.of(15, 0), LocalTime.of(18, 0));
    }

    @Test
    void nineOClockInBerlinFollowsTheOffsetAcrossTheSpringChange() {
        ReminderSchedule schedule = ReminderSchedule.defaults();
        // CET (+01:00) on Saturday, CEST (+02:00) from Sunday 29 March 2026, 02:00 → 03:00
        assertThat(reminders(schedule, LocalDate.of(2026, 3, 28), BERLIN, QuietWindow.DEFAULT, 1))
                .containsExactly(Instant.parse("2026-03-28T08:00:00Z"));
        assertThat(reminders(schedule, LocalDate.of(2026, 3, 29), BERLIN, QuietWindow.DEFAULT, 1))
                .containsExactly(Instant.parse("2026-03-29T07:00:00Z"));
        assertThat(reminders(schedule, LocalDate.of(2026, 3, 30), BERLIN, QuietWindow.DEFAULT, 2))
                .containsExactly(Instant.parse("2026-03-30T07:00:00Z"), Instant.parse("2026-03-30T16:00:00Z"));
    }

    @Test
    void nineOClockInNewYorkFollowsTheOffsetAcrossTheAutumnChange() {
        ReminderSchedule schedule = ReminderSchedule.defaults();
        // EDT (-04:00) until Sunday 1 November 2026, 02:00 → 01:00 EST (-05:00)
        assertThat(reminders(schedule, LocalDate.of(2026, 10, 31), NEW_YORK, QuietWindow.DEFAULT, 1))
                .containsExactly(Instant.parse("2026-10-31T13:00:00Z"));
        assertThat(reminders(schedule, LocalDate.of(2026, 11, 1), NEW_YORK, QuietWindow.DEFAULT, 1))
                .containsExactly(Instant.parse("2026-11-01T14:00:00Z"));
    }

    @Test
    void aLocalTimeThatDoesNotExistMovesForwardByTheGap() {
        // 02:30 does not exist on the spring-forward days: it becomes 03:30 local.
        assertThat(reminders(at("02:30"), LocalDate.of(2026, 3, 29), BERLIN, NO_QUIET, 1))
                .containsExactly(Instant.parse("2026-03-29T01:30:00Z"));
        assertThat(reminders(at("02:30"), LocalDate.of(2026, 3, 8), NEW_YORK, NO_QUIET, 1))
                .containsExactly(Instant.parse("2026-03-08T07:30:00Z"));
    }

    @Test
    void aLocalTimeThatExistsTwiceTakesTheEarlierOffsetAndIsSentOnce() {
        assertThat(reminders(at("02:30"), LocalDate.of(2026, 10, 25), BERLIN, NO_QUIET, 1))
                .containsExactly(Instant.parse("2026-10-25T00:30:00Z"));
        assertThat(reminders(at("01:30"), LocalDate.of(2026, 11, 1), NEW_YORK, NO_QUIET, 1))
                .containsExactly(Instant.parse("2026-11-01T05:30:00Z"));
    }

    @Test
    void aReminderInsideQuietHoursAcrossMidnightMovesToTheirEndTheNextMorning() {
        // 22:30 is inside 21:00–08:00: it moves to 08:00 the next day, local time.
        List<ReminderSchedule.Slot> slots = at("22:30").slotsOn(START, daily(1), LocalDate.of(2026, 11, 23), BERLIN,
                QuietWindow.DEFAULT);
        assertThat(slots).singleElement().satisfies(slot -> {
            assertThat(slot.day()).isEqualTo(LocalDate.of(2026, 11, 23));
            assertThat(slot.dueAt().toLocalDateTime()).isEqualTo(LocalDate.of(2026, 11, 24).atTime(8, 0));
        });
        // Early morning inside the same window moves to 08:00 the same day.
        assertThat(reminders(at("06:00"), LocalDate.of(2026, 11, 23), TOKYO, QuietWindow.DEFAULT, 1))
                .containsExactly(Instant.parse("2026-11-22T23:00:00Z"));
    }

    @Test
    void aPatientsLaterMorningMovesTheFirstReminderToTheEndOfTheirQuietHours() {
        QuietWindow lateRiser = new QuietWindow(LocalTime.of(22, 0), LocalTime.of(10, 0));
        assertThat(reminders(ReminderSchedule.defaults(), LocalDate.of(2026, 11, 23), NEW_YORK, lateRiser, 2))
                .containsExactly(Instant.parse("2026-11-23T15:00:00Z"), Instant.parse("2026-11-23T23:00:00Z"));
    }

    @Test
    void quietHoursThatEndInTheSpringGapEndAnHourLater() {
        QuietWindow untilHalfPastTwo = new QuietWindow(LocalTime.of(21, 0), LocalTime.of(2, 30));
        List<ReminderSchedule.Slot> slots = at("23:00").slotsOn(START, daily(1), LocalDate.of(2026, 3, 28), BERLIN,
                untilHalfPastTwo);
        assertThat(slots).singleElement().satisfies(slot -> assertThat(slot.dueAt().toInstant())
                .isEqualTo(Instant.parse("2026-03-29T01:30:00Z"))); // 03:30 CEST
    }

    @Test
    void remindersMovedToTheSameMomentBecomeOne() {
        QuietWindow daytime = new QuietWindow(LocalTime.of(8, 0), LocalTime.of(20, 0));
        assertThat(reminders(ReminderSchedule.defaults(), LocalDate.of(2026, 11, 23), BERLIN, daytime, 2))
                .containsExactly(Instant.parse("2026-11-23T19:00:00Z"));
    }

    @Test
    void oneCatchUpFourHoursAfterTheFirstReminderUnlessThatIsInQuietHours() {
        ReminderSchedule schedule = ReminderSchedule.defaults();
        List<ReminderSchedule.Slot> slots = schedule.slotsOn(START, daily(2), LocalDate.of(2026, 11, 23), BERLIN,
                QuietWindow.DEFAULT);
        assertThat(slots).extracting(ReminderSchedule.Slot::kind).containsExactly(Reminder.Kind.REMINDER,
                Reminder.Kind.CATCH_UP, Reminder.Kind.REMINDER);
        assertThat(slots.get(1).dueAt().toLocalTime()).isEqualTo(LocalTime.of(13, 0));

        ReminderSchedule evening = new ReminderSchedule(LocalTime.of(19, 0), LocalTime.of(20, 0),
                Duration.ofHours(4), 6);
        assertThat(evening.slotsOn(START, daily(1), LocalDate.of(2026, 11, 23), BERLIN, QuietWindow.DEFAULT))
                .extracting(ReminderSchedule.Slot::kind).containsExactly(Reminder.Kind.REMINDER);
    }

    @Test
    void theCatchUpCountsRealHoursAcrossTheSpringChange() {
        ReminderSchedule early = new ReminderSchedule(LocalTime.of(0, 30), LocalTime.of(1, 0), Duration.ofHours(4), 6);
        List<ReminderSchedule.Slot> slots = early.slotsOn(START, daily(1), LocalDate.of(2026, 3, 29), BERLIN,
                NO_QUIET);
        // 00:30 CET is 23:30Z; four hours later is 03:30Z, which is 05:30 CEST on the wall clock.
        assertThat(slots).extracting(s -> s.dueAt().toInstant()).containsExactly(
                Instant.parse("2026-03-28T23:30:00Z"), Instant.parse("2026-03-29T03:30:00Z"));
        assertThat(slots.get(1).dueAt().toLocalTime()).isEqualTo(LocalTime.of(5, 30));
    }

    @Test
    void thePlanWeeksAndDaysDecideHowOftenADayIsReminded() {
        LocalDate monday = LocalDate.of(2026, 11, 23);
        List<ReminderSchedule.Item> items = List.of(
                new ReminderSchedule.Item(1, 1, EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY),
                        2),
                new ReminderSchedule.Item(2, 2, Set.of(), 1));
        ReminderSchedule schedule = ReminderSchedule.defaults();
        assertThat(schedule.timesDueOn(monday, items, monday.minusDays(1))).isZero();
        assertThat(schedule.timesDueOn(monday, items, monday)).isEqualTo(2);
        assertThat(schedule.timesDueOn(monday, items, monday.plusDays(1))).isZero();
        assertThat(schedule.timesDueOn(monday, items, monday.plusDays(7))).isEqualTo(1);
        assertThat(schedule.timesDueOn(monday, items, monday.plusDays(20))).isEqualTo(1);
        assertThat(schedule.timesDueOn(monday, items, monday.plusDays(21))).isZero();
        assertThat(schedule.slotsOn(monday, items, monday.plusDays(1), BERLIN, QuietWindow.DEFAULT)).isEmpty();
    }

    @Test
    void tokyoHasNoDaylightSavingAndAnOffsetOfNineHours() {
        assertThat(reminders(ReminderSchedule.defaults(), LocalDate.of(2026, 7, 1), TOKYO, QuietWindow.DEFAULT, 1))
                .containsExactly(LocalDate.of(2026, 7, 1).atTime(0, 0).toInstant(ZoneOffset.UTC));
    }
}
