package care.homeprogram.plans.service;

import care.homeprogram.plans.api.PlanView;
import care.homeprogram.plans.domain.PatientProfile;
import care.homeprogram.plans.domain.Plan;
import care.homeprogram.plans.domain.PlanItem;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * A plan's calendar as the patient lives it: their time zone, their local date, and what is due on it ({@link
 * Schedule} holds the pure rules: program week, due days).
 */
@ApplicationScoped
public class PlanSchedule {
    private final Clock clock;

    public PlanSchedule(Clock clock) {
        this.clock = clock;
    }

    /** The patient's local date now: a plan starts, and its days turn, at the patient's midnight. */
    public LocalDate localDate(UUID patientId) {
        return LocalDate.now(clock.withZone(zoneOf(patientId)));
    }

    /** What is due on the patient's current local date (nothing while the plan is not active), asked in that language. */
    public PlanView.Today today(Plan plan, care.homeprogram.contract.Language language) {
        ZoneId zone = zoneOf(plan.patientId);
        LocalDate date = LocalDate.now(clock.withZone(zone));
        List<PlanView.Due> due = dueOn(plan, date).stream()
                .map(i -> new PlanView.Due(i.id, i.name, i.dose.timesPerDay(),
                        i.amberFollowUpPending ? SafetyService.followUpQuestion(language) : null))
                .toList();
        return new PlanView.Today(date, zone.getId(), Schedule.weekOf(plan.startDate, date), due);
    }

    /**
     * The items due on a local date: active items of an active plan within their weeks and on their days. The Today
     * page and the calendar feed both ask this.
     */
    public static List<PlanItem> dueOn(Plan plan, LocalDate date) {
        return plan.status != Plan.Status.ACTIVE ? List.of() : plan.items.stream()
                .filter(i -> i.status == PlanItem.Status.ACTIVE)
                .filter(i -> Schedule.isDue(plan.startDate, i.startWeek, i.dose, date))
                .toList();
    }

    /** The patient's time zone from their profile; UTC until patient-service has told us. */
    public ZoneId zoneOf(UUID patientId) {
        PatientProfile profile = PatientProfile.findById(patientId);
        return profile == null ? ZoneId.of("UTC") : ZoneId.of(profile.timeZone);
    }
}
