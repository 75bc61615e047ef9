package care.homeprogram.plans.service;

import care.homeprogram.plans.domain.Dose;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Which items are due on a given local date: pure calendar arithmetic, tested without a database. */
public final class Schedule {
    private Schedule() {
    }

    /** The program week (1-based) that a date falls in; 0 before the plan starts. */
    public static int weekOf(LocalDate startDate, LocalDate date) {
        long days = ChronoUnit.DAYS.between(startDate, date);
        return days < 0 ? 0 : (int) (days / 7) + 1;
    }

    /** An item is due when the date is within its weeks and on one of its days. */
    public static boolean isDue(LocalDate startDate, int startWeek, Dose dose, LocalDate date) {
        int week = weekOf(startDate, date);
        return week >= startWeek && week < startWeek + dose.weeks() && dose.daysOfWeek().contains(date.getDayOfWeek());
    }
}
