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
    public static final String SESSION_CORRECTED = "SessionCorrected";
    public static final String SESSION_WITHDRAWN = "SessionWithdrawn";
    public static final String ALERT_RAISED = "AlertRaised";
    public static final String ALERT_ACKNOWLEDGED = "AlertAcknowledged";
    public static final String ALERT_REPEATED = "AlertRepeated";
    public static final String ALERT_ESCALATED = "AlertEscalated";

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

    /** The patient corrected a session they logged (the values are not in the event, as for SessionLogged). */
    public record SessionCorrected(UUID sessionId, UUID planId, UUID patientId, UUID itemId, OffsetDateTime performedAt,
            OffsetDateTime correctedAt) {
    }

    /** The patient withdrew a session they logged: it no longer counts for adherence. */
    public record SessionWithdrawn(UUID sessionId, UUID planId, UUID patientId, UUID itemId, OffsetDateTime performedAt,
            OffsetDateTime withdrawnAt) {
    }

    public record AlertRaised(UUID alertId, UUID patientId, UUID planId, UUID itemId, List<UUID> therapistIds,
            String severity, String reasonCode) {
    }

    public record AlertAcknowledged(UUID alertId, UUID patientId, UUID acknowledgedBy, OffsetDateTime acknowledgedAt) {
    }

    /**
     * The same signal was reported again while its alert was open: the alert now counts {@code occurrences}. It names
     * no recipients on purpose: a repeat is no reason to notify anyone again (unacknowledged alerts escalate instead).
     */
    public record AlertRepeated(UUID alertId, UUID patientId, UUID planId, UUID itemId, String severity,
            String reasonCode, int occurrences, OffsetDateTime lastSeenAt) {
    }

    /** Where the escalation contact step goes: the clinic's mailbox (null if none) and the role told in any case. */
    public record EscalationContact(String email, String adminRole) {
    }

    /**
     * An unacknowledged alert took an escalation step. {@code therapistIds} is the patient's care team now (not when
     * the alert was raised); {@code escalationContact} is set for the ESCALATION_CONTACT step only.
     */
    public record AlertEscalated(UUID alertId, UUID patientId, UUID planId, String severity, String reasonCode,
            String step, List<UUID> therapistIds, EscalationContact escalationContact, OffsetDateTime occurredAt) {
    }

    public static PlanSchedule schedule(Plan plan, String reason) {
        return new PlanSchedule(plan.id, plan.patientId, plan.therapistId, plan.version, plan.startDate, plan.status,
                reason, plan.items.stream().filter(i -> i.status == care.homeprogram.plans.domain.PlanItem.Status.ACTIVE)
                        .map(i -> new ScheduledItem(i.id, i.startWeek, i.dose.weeks(), i.dose.daysOfWeek(),
                                i.dose.timesPerDay()))
                        .toList());
    }
}
