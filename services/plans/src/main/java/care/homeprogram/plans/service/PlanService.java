package care.homeprogram.plans.service;

import care.homeprogram.commons.outbox.Outbox;
import care.homeprogram.commons.problem.ProblemException;
import care.homeprogram.commons.security.CurrentUser;
import care.homeprogram.plans.domain.CareTeamMember;
import care.homeprogram.plans.domain.Exercise;
import care.homeprogram.plans.domain.PatientProfile;
import care.homeprogram.plans.domain.Plan;
import care.homeprogram.plans.domain.PlanItem;
import care.homeprogram.plans.domain.PlanSnapshot;
import care.homeprogram.plans.domain.PlanVersion;
import care.homeprogram.plans.domain.Template;
import care.homeprogram.plans.events.PlanEvents;
import care.homeprogram.plans.rest.CreatePlanRequest;
import care.homeprogram.plans.rest.PlanView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Treatment plans: who may see and change which, versions, and the events that tell the rest of the platform. */
@ApplicationScoped
public class PlanService {
    private static final Logger LOG = Logger.getLogger(PlanService.class);

    private final Outbox outbox;
    private final Clock clock;

    public PlanService(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public PlanView create(CurrentUser therapist, CreatePlanRequest request) {
        requireInCare(therapist, request.patientId());
        if ((request.templateId() == null) == (request.items() == null || request.items().isEmpty())) {
            throw ProblemException.badRequest("Give either templateId or items, not both and not neither");
        }
        Plan.Status status = request.status() == null ? Plan.Status.ACTIVE : request.status();
        if (status != Plan.Status.ACTIVE && status != Plan.Status.DRAFT) {
            throw ProblemException.badRequest("A new plan is ACTIVE (assigned now) or DRAFT");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Plan plan = new Plan();
        plan.id = UUID.randomUUID();
        plan.patientId = request.patientId();
        plan.therapistId = therapist.id();
        plan.status = status;
        plan.version = 1;
        plan.startDate = LocalDate.now(clock.withZone(zoneOf(request.patientId())));
        plan.createdAt = now;
        plan.updatedAt = now;
        if (request.templateId() != null) {
            Template template = Template.<Template>findByIdOptional(request.templateId())
                    .orElseThrow(() -> ProblemException.badRequest("Unknown template " + request.templateId()));
            template.items.forEach(t -> addItem(plan, t.exercise, t.startWeek, t.dose));
        } else {
            for (CreatePlanRequest.NewItem item : request.items()) {
                Exercise exercise = Exercise.<Exercise>findByIdOptional(item.exerciseId())
                        .orElseThrow(() -> ProblemException.badRequest("Unknown exercise " + item.exerciseId()));
                addItem(plan, exercise, item.startWeek() == null ? 1 : item.startWeek(), item.dose());
            }
        }
        plan.persist();
        recordVersion(plan, therapist.id(), "created");
        if (plan.status == Plan.Status.ACTIVE) {
            outbox.append(PlanEvents.TOPIC, PlanEvents.PLAN_ASSIGNED, plan.id, assigned(plan));
        }
        LOG.infof("plan %s (%s) created for patient %s by %s", plan.id, plan.status, plan.patientId, therapist.id());
        return view(plan, plan.version);
    }

    @Transactional
    public List<PlanView> ofPatient(CurrentUser therapist, UUID patientId) {
        requireInCare(therapist, patientId);
        return Plan.ofPatient(patientId).stream().map(p -> view(p, p.version)).toList();
    }

    @Transactional
    public List<PlanView> mine(CurrentUser patient) {
        return Plan.ofPatient(patient.id()).stream().map(p -> view(p, p.version)).toList();
    }

    /** The patient or a therapist in their care; anyone else gets 404 as if the plan did not exist. */
    @Transactional
    public PlanView get(CurrentUser caller, UUID planId, Integer version) {
        Plan plan = readable(caller, planId);
        if (version == null || version == plan.version) {
            return view(plan, plan.version);
        }
        if (version < 1 || version > plan.version) {
            throw ProblemException.notFound("Version " + version + " of plan " + planId);
        }
        return view(plan, version);
    }

    private Plan readable(CurrentUser caller, UUID planId) {
        Plan plan = Plan.byId(planId).orElseThrow(() -> ProblemException.notFound("Plan " + planId));
        boolean allowed = (caller.isPatient() && plan.patientId.equals(caller.id()))
                || (caller.isTherapist() && CareTeamMember.inCare(plan.patientId, caller.id()));
        if (!allowed) {
            throw ProblemException.notFound("Plan " + planId);
        }
        return plan;
    }

    private static void requireInCare(CurrentUser therapist, UUID patientId) {
        if (!CareTeamMember.inCare(patientId, therapist.id())) {
            throw ProblemException.notFound("Patient " + patientId);
        }
    }

    private static void addItem(Plan plan, Exercise exercise, int startWeek, care.homeprogram.plans.domain.Dose dose) {
        PlanItem item = new PlanItem();
        item.id = UUID.randomUUID();
        item.plan = plan;
        item.exercise = exercise;
        item.name = exercise.name;
        item.position = plan.items.size();
        item.startWeek = startWeek;
        item.dose = dose;
        plan.items.add(item);
    }

    private void recordVersion(Plan plan, UUID changedBy, String reason) {
        PlanVersion version = new PlanVersion();
        version.key = new PlanVersion.Key(plan.id, plan.version);
        version.snapshot = PlanSnapshot.of(plan);
        version.changedBy = changedBy;
        version.changedAt = OffsetDateTime.now(clock);
        version.reason = reason;
        version.persist();
    }

    private PlanView view(Plan plan, int version) {
        if (version == plan.version) {
            return PlanView.of(plan, PlanSnapshot.of(plan), version, today(plan));
        }
        PlanVersion stored = PlanVersion.of(plan.id, version)
                .orElseThrow(() -> ProblemException.notFound("Version " + version + " of plan " + plan.id));
        return PlanView.of(plan, stored.snapshot, version, null);
    }

    private PlanView.Today today(Plan plan) {
        ZoneId zone = zoneOf(plan.patientId);
        LocalDate date = LocalDate.now(clock.withZone(zone));
        List<PlanView.Due> due = plan.status != Plan.Status.ACTIVE ? List.of() : plan.items.stream()
                .filter(i -> i.status == PlanItem.Status.ACTIVE)
                .filter(i -> Schedule.isDue(plan.startDate, i.startWeek, i.dose, date))
                .map(i -> new PlanView.Due(i.id, i.name, i.dose.timesPerDay()))
                .toList();
        return new PlanView.Today(date, zone.getId(), Schedule.weekOf(plan.startDate, date), due);
    }

    private static ZoneId zoneOf(UUID patientId) {
        PatientProfile profile = PatientProfile.findById(patientId);
        return profile == null ? ZoneId.of("UTC") : ZoneId.of(profile.timeZone);
    }

    private static PlanEvents.PlanAssigned assigned(Plan plan) {
        return new PlanEvents.PlanAssigned(plan.id, plan.patientId, plan.therapistId, plan.version, plan.startDate,
                plan.items.stream().map(i -> new PlanEvents.ScheduledItem(i.id, i.startWeek, i.dose.weeks(),
                        i.dose.daysOfWeek(), i.dose.timesPerDay())).toList());
    }
}
