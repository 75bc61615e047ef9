package care.homeprogram.plans.events;

import care.homeprogram.contract.events.AlertSeverity;
import care.homeprogram.contract.events.EscalationStep;
import care.homeprogram.contract.events.PlanEvents.PlanSchedule;
import care.homeprogram.contract.events.PlanEvents.ScheduledItem;
import care.homeprogram.contract.events.PlanStatus;
import care.homeprogram.plans.domain.Plan;
import care.homeprogram.plans.domain.PlanItem;
import care.homeprogram.plans.safety.Severity;

/**
 * plan-service's side of the event contract: from its entities and domain values to the shared records of
 * {@code care.homeprogram.contract.events.PlanEvents}. The domain enums map by name; {@code EventContractTest} fails
 * as soon as one of them has a value the contract lacks.
 */
public final class PlanEventData {
    private PlanEventData() {
    }

    /**
     * A version's schedule, as consumers need it. The therapist's reason for a change is free text that may name
     * symptoms or diagnoses: it stays in plan-service's version history and never travels (docs/events.md).
     */
    public static PlanSchedule schedule(Plan plan) {
        return new PlanSchedule(plan.id, plan.patientId, plan.therapistId, plan.version, plan.startDate,
                status(plan.status),
                plan.items.stream().filter(i -> i.status == PlanItem.Status.ACTIVE)
                        .map(i -> new ScheduledItem(i.id, i.startWeek, i.dose.weeks(), i.dose.daysOfWeek(),
                                i.dose.timesPerDay()))
                        .toList());
    }

    public static PlanStatus status(Plan.Status status) {
        return status == null ? null : PlanStatus.valueOf(status.name());
    }

    public static AlertSeverity severity(Severity severity) {
        return severity == null ? null : AlertSeverity.valueOf(severity.name());
    }

    public static EscalationStep step(care.homeprogram.plans.safety.EscalationStep step) {
        return step == null ? null : EscalationStep.valueOf(step.name());
    }
}
