package care.homeprogram.notifications.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * When a patient is reminded of a plan: pure calendar arithmetic in the patient's own time zone, tested without a
 * database. One reminder per time of day on each plan-day (not one per item: fewer, clearer messages), as many
 * times a day as the most frequent item due that day, spread evenly from {@code firstAt} to {@code lastAt} local
 * time (1 → 09:00; 2 → 09:00, 18:00; 3 → 09:00, 13:30, 18:00 …). A reminder inside quiet hours moves to their end;
 * a local time that does not exist (spring forward) moves forward by the gap; an ambiguous one (fall back) takes
 * the earlier offset. Reminders of one plan-day that land on the same instant collapse into one. At most one
 * catch-up nudge a day, {@code catchUpAfter} after the first reminder, and none if that falls into quiet hours or
 * on the next day.
 */
public final class ReminderSchedule {
    /** What the schedule needs of a plan item: its weeks, its days and how often a day. */
    public record Item(int startWeek, int weeks, Set<DayOfWeek> daysOfWeek, int timesPerDay) {
        /** No days given means every day. */
        public boolean isDueOn(LocalDate startDate, LocalDate day) {
            int week = weekOf(startDate, day);
            return week >= startWeek && week < startWeek + weeks
                    && (daysOfWeek.isEmpty() || daysOfWeek.contains(day.getDayOfWeek()));
        }
    }

    /** One message to materialise: the plan-day it belongs to, its slot that day, its kind and when it is due. */
    public record Slot(LocalDate day, int slot, Reminder.Kind kind, ZonedDateTime dueAt) {
    }

    private final LocalTime firstAt;
    private final LocalTime lastAt;
    private final Duration catchUpAfter;
    private final int maxTimesPerDay;

    public ReminderSchedule(LocalTime firstAt, LocalTime lastAt, Duration catchUpAfter, int maxTimesPerDay) {
        if (lastAt.isBefore(firstAt)) {
            throw new IllegalArgumentException("the last reminder of a day (" + lastAt + ") comes before the first ("
                    + firstAt + ")");
        }
        this.firstAt = firstAt;
        this.lastAt = lastAt;
        this.catchUpAfter = catchUpAfter;
        this.maxTimesPerDay = Math.max(1, maxTimesPerDay);
    }

    /** The defaults of docs/notifications.md: 09:00 to 18:00, a catch-up 4 h after the first, at most 6 a day. */
    public static ReminderSchedule defaults() {
        return new ReminderSchedule(LocalTime.of(9, 0), LocalTime.of(18, 0), Duration.ofHours(4), 6);
    }

    /** The program week (1-based) a date falls in; 0 before the plan starts. */
    public static int weekOf(LocalDate startDate, LocalDate day) {
        long days = ChronoUnit.DAYS.between(startDate, day);
        return days < 0 ? 0 : (int) (days / 7) + 1;
    }

    /** How many reminders a plan-day gets: the most frequent item due that day, capped; 0 when nothing is due. */
    public int timesDueOn(LocalDate startDate, List<Item> items, LocalDate day) {
        int times = items.stream().filter(item -> item.isDueOn(startDate, day)).mapToInt(Item::timesPerDay).max()
                .orElse(0);
        return Math.min(times, maxTimesPerDay);
    }

    /** The local times of day for {@code times} reminders, evenly spread from the first to the last. */
    public List<LocalTime> timesOfDay(int times) {
        List<LocalTime> result = new ArrayList<>();
        if (times <= 0) {
            return result;
        }
        if (times == 1) {
            result.add(firstAt);
            return result;
        }
        long span = Duration.between(firstAt, lastAt).toMinutes();
        for (int i = 0; i < times; i++) {
            result.add(firstAt.plusMinutes(span * i / (times - 1)));
        }
        return result;
    }

    /** Every reminder (and the catch-up nudge) of one plan-day, in due order. */
    public List<Slot> slotsOn(LocalDate startDate, List<Item> items, LocalDate day, ZoneId zone, QuietWindow quiet) {
        List<Slot> slots = new ArrayList<>();
        Set<java.time.Instant> taken = new HashSet<>();
        List<LocalTime> times = timesOfDay(timesDueOn(startDate, items, day));
        for (int slot = 0; slot < times.size(); slot++) {
            ZonedDateTime dueAt = quiet.shiftOut(ZonedDateTime.of(day, times.get(slot), zone));
            if (taken.add(dueAt.toInstant())) {
                slots.add(new Slot(day, slot, Reminder.Kind.REMINDER, dueAt));
            }
        }
        if (!slots.isEmpty() && catchUpAfter.isPositive()) {
            ZonedDateTime catchUp = slots.get(0).dueAt().plus(catchUpAfter);
            if (!quiet.contains(catchUp) && catchUp.toLocalDate().equals(day) && taken.add(catchUp.toInstant())) {
                slots.add(new Slot(day, 0, Reminder.Kind.CATCH_UP, catchUp));
            }
        }
        slots.sort(java.util.Comparator.comparing(Slot::dueAt));
        return slots;
    }
}
