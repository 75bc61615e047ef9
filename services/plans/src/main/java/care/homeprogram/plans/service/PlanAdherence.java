package care.homeprogram.plans.service;

import care.homeprogram.commons.security.CurrentUser;
import care.homeprogram.plans.api.AdherenceView;
import care.homeprogram.plans.config.SafetyConfig;
import care.homeprogram.plans.domain.Plan;
import care.homeprogram.plans.domain.PlanItem;
import care.homeprogram.plans.domain.PlanSnapshot;
import care.homeprogram.plans.domain.PlanVersion;
import care.homeprogram.plans.domain.ProgressionDismissal;
import care.homeprogram.plans.domain.SessionLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A plan's adherence per program week, from its counted sessions and its history (weeks on hold or with an item
 * paused count less), and whether progression is suggested ({@link Adherence} holds the arithmetic).
 */
@ApplicationScoped
public class PlanAdherence {
    private final PlanAccess access;
    private final PlanSchedule schedule;
    private final SafetyConfig config;
    private final Clock clock;

    public PlanAdherence(PlanAccess access, PlanSchedule schedule, SafetyConfig config, Clock clock) {
        this.access = access;
        this.schedule = schedule;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public AdherenceView adherence(CurrentUser caller, UUID planId) {
        Plan plan = access.plan(caller, planId);
        ZoneId zone = schedule.zoneOf(plan.patientId);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<Adherence.ItemSchedule> items = plan.items.stream()
                .filter(i -> i.status != PlanItem.Status.REMOVED)
                .map(i -> new Adherence.ItemSchedule(i.id, i.startWeek, i.dose)).toList();
        List<Adherence.SessionFact> sessions = SessionLog.countedOfPlan(plan.id).stream()
                .map(s -> new Adherence.SessionFact(s.itemId, s.performedAt.atZoneSameInstant(zone).toLocalDate(),
                        s.trafficLight))
                .toList();
        List<Adherence.StateChange> history = PlanVersion.<PlanVersion>list("key.planId = ?1 order by key.version",
                        plan.id).stream()
                .map(v -> new Adherence.StateChange(v.changedAt.toInstant(),
                        v.snapshot.status() == Plan.Status.ACTIVE || v.snapshot.status() == Plan.Status.DRAFT,
                        v.snapshot.items().stream().filter(i -> i.status() == PlanItem.Status.PAUSED)
                                .map(PlanSnapshot.Item::id).collect(Collectors.toSet())))
                .toList();
        List<Adherence.Week> weeks = Adherence.weeks(plan.startDate, items, sessions, today,
                Adherence.fromHistory(history, zone, clock.instant()));
        boolean paused = plan.items.stream().anyMatch(i -> i.status == PlanItem.Status.PAUSED);
        Adherence.Progression progression = Adherence.progression(weeks, today, config.progressionMinAdherence(),
                paused);
        AdherenceView.Dismissal dismissal = progression.week() == null ? null
                : ProgressionDismissal.of(plan.id, progression.week()).map(PlanAdherence::view).orElse(null);
        return new AdherenceView(plan.id, weeks, progression, dismissal);
    }

    /**
     * A therapist of the care team dismisses the progression suggested after a week: kept with who and why, so no
     * colleague is offered it again. Dismissing a week again keeps the first dismissal.
     */
    @Transactional
    public AdherenceView.Dismissal dismissProgression(CurrentUser therapist, UUID planId, int week, String reason) {
        Plan plan = access.planToChange(therapist, planId);
        ProgressionDismissal dismissal = ProgressionDismissal.of(plan.id, week).orElseGet(() -> {
            ProgressionDismissal d = new ProgressionDismissal();
            d.key = new ProgressionDismissal.Key(plan.id, week);
            d.dismissedBy = therapist.id();
            d.dismissedAt = java.time.OffsetDateTime.now(clock);
            d.reason = reason.strip();
            d.persist();
            return d;
        });
        return view(dismissal);
    }

    private static AdherenceView.Dismissal view(ProgressionDismissal d) {
        return new AdherenceView.Dismissal(d.key.week(), d.dismissedBy, d.dismissedAt, d.reason);
    }
}
