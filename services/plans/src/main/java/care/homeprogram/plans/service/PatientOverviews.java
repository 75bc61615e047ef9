package care.homeprogram.plans.service;

import care.homeprogram.commons.security.CurrentUser;
import care.homeprogram.contract.Language;
import care.homeprogram.plans.api.PatientOverviewView;
import care.homeprogram.plans.api.PlanVersionView;
import care.homeprogram.plans.api.PlanView;
import care.homeprogram.plans.domain.Alert;
import care.homeprogram.plans.domain.Plan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The therapist's page of one patient in one read: the plans, the open alerts, the scores and the instruments, and for
 * the plan the page leads with its sessions, adherence, history and the versions that history compares. Each part is
 * what the separate read answers (the same services build it, the same {@link PlanAccess} rule decides), in one
 * transaction and one audit record naming the patient, instead of a dozen requests each verifying the token, checking
 * the care team and writing its own record.
 */
@ApplicationScoped
public class PatientOverviews {
    /** The most earlier versions one read returns: more is not a page's history but an export. */
    public static final int MAX_VERSIONS_BEFORE = 20;

    private final PlanAccess access;
    private final PlanService plans;
    private final PlanAdherence adherence;
    private final OutcomeService outcomes;
    private final PlanSchedule schedule;
    private final Clock clock;

    public PatientOverviews(PlanAccess access, PlanService plans, PlanAdherence adherence, OutcomeService outcomes,
            PlanSchedule schedule, Clock clock) {
        this.clock = clock;
        this.access = access;
        this.plans = plans;
        this.adherence = adherence;
        this.outcomes = outcomes;
        this.schedule = schedule;
    }

    /**
     * The overview and the patient's day it was computed on: what is due and the adherence weeks are as of the
     * patient's local {@code date} in {@code zone} ({@link KeptOverviews} keeps it no longer than that day).
     */
    public record Computed(PatientOverviewView view, ZoneId zone, LocalDate date) {
    }

    /**
     * @param versionsBefore how many versions before the current one to return whole (0 to {@link
     *                       #MAX_VERSIONS_BEFORE})
     */
    @Transactional
    public Computed of(CurrentUser therapist, UUID patientId, int versionsBefore, Language language) {
        // the care-team check (404 outside it) and the audit record's patient, before anything is read
        access.requirePatient(therapist, patientId);
        // The date before the parts: an overview computed across the patient's midnight is then kept as of the
        // earlier day, so it is computed again on the next read rather than kept a day too long.
        ZoneId zone = schedule.zoneOf(patientId);
        LocalDate date = LocalDate.now(clock.withZone(zone));
        List<PlanView> all = plans.ofPatient(therapist, patientId, language).stream()
                .sorted(Comparator.comparing(PlanView::createdAt).reversed()).toList();
        PatientOverviewView.CurrentPlan current = leading(all)
                .map(plan -> current(therapist, plan, versionsBefore, language)).orElse(null);
        return new Computed(new PatientOverviewView(patientId, all,
                AlertService.views(Alert.ofPatient(patientId, Alert.Status.OPEN)),
                outcomes.history(therapist, patientId, language), outcomes.instruments(therapist, language), current),
                zone, date);
    }

    /** The newest plan the patient follows (active, on hold), else the newest draft, else the newest of all. */
    private static Optional<PlanView> leading(List<PlanView> newestFirst) {
        return newestFirst.stream().filter(p -> p.status() == Plan.Status.ACTIVE || p.status() == Plan.Status.ON_HOLD)
                .findFirst()
                .or(() -> newestFirst.stream().filter(p -> p.status() == Plan.Status.DRAFT).findFirst())
                .or(() -> newestFirst.stream().findFirst());
    }

    private PatientOverviewView.CurrentPlan current(CurrentUser therapist, PlanView plan, int versionsBefore,
            Language language) {
        // the history first: the earlier versions are then found among the versions it loaded, without a query each
        List<PlanVersionView> versions = plans.versions(therapist, plan.id());
        List<PlanView> earlier = new ArrayList<>();
        for (int v = plan.version() - 1; v >= Math.max(1, plan.version() - versionsBefore); v--) {
            earlier.add(plans.get(therapist, plan.id(), v, language));
        }
        boolean open = plan.status() != Plan.Status.COMPLETED && plan.status() != Plan.Status.REVOKED;
        return new PatientOverviewView.CurrentPlan(plan.id(), plans.sessions(therapist, plan.id()),
                adherence.adherence(therapist, plan.id()), versions, earlier,
                open ? outcomes.schedules(therapist, plan.id()) : List.of());
    }
}
