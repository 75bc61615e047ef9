package care.homeprogram.plans.events;

import care.homeprogram.plans.domain.Plan;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What plan-service tells the others on {@code plan-events} (docs/events.md): ids, schedules and reason codes; no
 * exercise names, pain scores, symptoms or notes, which notification-service does not need.
 */
public final class PlanEvents {
    public static final String TOPIC = "plan-events";
    public static final String PLAN_ASSIGNED = "PlanAssigned";
    public static final String PLAN_CHANGED = "PlanChanged";
    public static final String ITEM_PAUSED = "ItemPaused";
    public static final String ITEM_RESUMED = "ItemResumed";
    public static final String SESSION_LOGGED = "SessionLogged";
    public static final String ALERT_RAISED = "AlertRaised";
    public static final String ALERT_ACKNOWLEDGED = "AlertAcknowledged";

    private PlanEvents() {
    }

    public record ScheduledItem(UUID itemId, int startWeek, int weeks, List<DayOfWeek> daysOfWeek, int timesPerDay) {
    }

    public record PlanSchedule(UUID planId, UUID patientId, UUID therapistId, int version, LocalDate startDate,
            Plan.Status status, String reason, List<ScheduledItem> items) {
    }

    public record ItemPaused(UUID planId, UUID patientId, UUID itemId, String reasonCode) {
    }

    public record ItemResumed(UUID planId, UUID patientId, UUID itemId, UUID resumedBy) {
    }

    public record SessionLogged(UUID sessionId, UUID planId, UUID patientId, UUID itemId, OffsetDateTime performedAt) {
    }

    public record AlertRaised(UUID alertId, UUID patientId, UUID planId, UUID itemId, List<UUID> therapistIds,
            String severity, String reasonCode) {
    }

    public record AlertAcknowledged(UUID alertId, UUID patientId, UUID acknowledgedBy, OffsetDateTime acknowledgedAt) {
    }

    public static PlanSchedule schedule(Plan plan, String reason) {
        return new PlanSchedule(plan.id, plan.patientId, plan.therapistId, plan.version, plan.startDate, plan.status,
                reason, plan.items.stream().filter(i -> i.status == care.homeprogram.plans.domain.PlanItem.Status.ACTIVE)
                        .map(i -> new ScheduledItem(i.id, i.startWeek, i.dose.weeks(), i.dose.daysOfWeek(),
                                i.dose.timesPerDay()))
                        .toList());
    }
}
