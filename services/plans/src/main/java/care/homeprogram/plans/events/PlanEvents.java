package care.homeprogram.plans.events;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What plan-service tells the others on {@code plan-events}: ids and schedules, no exercise names, pain scores or
 * notes, which notification-service does not need.
 */
public final class PlanEvents {
    public static final String TOPIC = "plan-events";
    public static final String PLAN_ASSIGNED = "PlanAssigned";

    private PlanEvents() {
    }

    public record ScheduledItem(UUID itemId, int startWeek, int weeks, List<DayOfWeek> daysOfWeek, int timesPerDay) {
    }

    public record PlanAssigned(UUID planId, UUID patientId, UUID therapistId, int version, LocalDate startDate,
            List<ScheduledItem> items) {
    }
}
