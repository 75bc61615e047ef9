package care.homeprogram.contract.events;

import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * What plan-service tells the others on {@code plan-events} (docs/events.md): ids, schedules and reason codes; no
 * exercise names, pain scores, symptoms or notes, which no consumer needs. {@code @NotNull} marks what a consumer
 * cannot do without: an event lacking it is dead-lettered.
 */
public final class PlanEvents {
    public static final String TOPIC = "plan-events";

    public static final EventType<PlanSchedule> PLAN_ASSIGNED = type("PlanAssigned", PlanSchedule.class);
    public static final EventType<PlanSchedule> PLAN_CHANGED = type("PlanChanged", PlanSchedule.class);
    public static final EventType<ItemPaused> ITEM_PAUSED = type("ItemPaused", ItemPaused.class);
    public static final EventType<ItemResumed> ITEM_RESUMED = type("ItemResumed", ItemResumed.class);
    public static final EventType<SessionLogged> SESSION_LOGGED = type("SessionLogged", SessionLogged.class);
    public static final EventType<SessionCorrected> SESSION_CORRECTED = type("SessionCorrected",
            SessionCorrected.class);
    public static final EventType<SessionWithdrawn> SESSION_WITHDRAWN = type("SessionWithdrawn",
            SessionWithdrawn.class);
    public static final EventType<AlertRaised> ALERT_RAISED = type("AlertRaised", AlertRaised.class);
    public static final EventType<AlertRepeated> ALERT_REPEATED = type("AlertRepeated", AlertRepeated.class);
    public static final EventType<AlertEscalated> ALERT_ESCALATED = type("AlertEscalated", AlertEscalated.class);
    public static final EventType<AlertAcknowledged> ALERT_ACKNOWLEDGED = type("AlertAcknowledged",
            AlertAcknowledged.class);
    public static final EventType<MeasureDue> MEASURE_DUE = type("MeasureDue", MeasureDue.class);

    /** Every event of the topic, for the contract tests and the docs. */
    public static final List<EventType<?>> ALL = List.of(PLAN_ASSIGNED, PLAN_CHANGED, ITEM_PAUSED, ITEM_RESUMED,
            SESSION_LOGGED, SESSION_CORRECTED, SESSION_WITHDRAWN, ALERT_RAISED, ALERT_REPEATED, ALERT_ESCALATED,
            ALERT_ACKNOWLEDGED, MEASURE_DUE);

    private PlanEvents() {
    }

    private static <T> EventType<T> type(String name, Class<T> data) {
        return new EventType<>(TOPIC, name, 1, data);
    }

    public record ScheduledItem(UUID itemId, int startWeek, int weeks, List<DayOfWeek> daysOfWeek, int timesPerDay) {
    }

    /**
     * A plan version's schedule. The therapist's reason for a change is free text that may name symptoms or
     * diagnoses: it stays in plan-service's version history and never travels.
     */
    public record PlanSchedule(@NotNull UUID planId, @NotNull UUID patientId, UUID therapistId, int version,
            LocalDate startDate, PlanStatus status, List<ScheduledItem> items) {
    }

    public record ItemPaused(@NotNull UUID planId, UUID patientId, @NotNull UUID itemId, String reasonCode) {
    }

    public record ItemResumed(@NotNull UUID planId, UUID patientId, @NotNull UUID itemId, UUID resumedBy) {
    }

    public record SessionLogged(UUID sessionId, @NotNull UUID planId, @NotNull UUID patientId, UUID itemId,
            @NotNull OffsetDateTime performedAt) {
    }

    /** The patient corrected a session they logged (the values are not in the event, as for SessionLogged). */
    public record SessionCorrected(UUID sessionId, UUID planId, UUID patientId, UUID itemId, OffsetDateTime performedAt,
            OffsetDateTime correctedAt) {
    }

    /** The patient withdrew a session they logged: it no longer counts for adherence. */
    public record SessionWithdrawn(UUID sessionId, UUID planId, UUID patientId, UUID itemId, OffsetDateTime performedAt,
            OffsetDateTime withdrawnAt) {
    }

    /** A new alert, once: {@code planId} is null for a check-in's alert (it concerns the patient, not a plan). */
    public record AlertRaised(@NotNull UUID alertId, UUID patientId, UUID planId, UUID itemId, List<UUID> therapistIds,
            AlertSeverity severity, String reasonCode) {
    }

    /**
     * The same signal was reported again while its alert was open: the alert now counts {@code occurrences}. It names
     * no recipients on purpose: a repeat is no reason to notify anyone again (unacknowledged alerts escalate instead).
     */
    public record AlertRepeated(UUID alertId, UUID patientId, UUID planId, UUID itemId, AlertSeverity severity,
            String reasonCode, int occurrences, OffsetDateTime lastSeenAt) {
    }

    /** Where the escalation contact step goes: the clinic's mailbox (null if none) and the role told in any case. */
    public record EscalationContact(String email, String adminRole) {
    }

    /**
     * An unacknowledged alert took an escalation step. {@code therapistIds} is the patient's care team now (not when
     * the alert was raised); {@code escalationContact} is set for the ESCALATION_CONTACT step only.
     */
    public record AlertEscalated(@NotNull UUID alertId, UUID patientId, UUID planId, AlertSeverity severity,
            String reasonCode, @NotNull EscalationStep step, List<UUID> therapistIds,
            EscalationContact escalationContact, OffsetDateTime occurredAt) {
    }

    public record AlertAcknowledged(@NotNull UUID alertId, UUID patientId, UUID acknowledgedBy,
            OffsetDateTime acknowledgedAt) {
    }

    /**
     * An occasion of an outcome measure attached to a plan became due for the patient: {@code INTAKE},
     * {@code WEEK_<n>} (program week n) or {@code DISCHARGE}, due from {@code dueFrom} (the patient's local date).
     * Once per (schedule, occasion). It names no instrument and carries no answer or score: a consumer only needs to
     * know that someone is asked something, the questionnaire itself is read in the portal.
     */
    public record MeasureDue(@NotNull UUID patientId, @NotNull UUID planId, @NotNull UUID scheduleId,
            @NotNull String occasion, LocalDate dueFrom) {
    }
}
