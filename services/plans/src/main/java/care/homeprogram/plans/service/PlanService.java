package care.homeprogram.plans.service;

import care.homeprogram.commons.outbox.Outbox;
import care.homeprogram.commons.problem.ProblemException;
import care.homeprogram.commons.security.CurrentUser;
import care.homeprogram.plans.config.SafetyConfig;
import care.homeprogram.plans.domain.CareTeamMember;
import care.homeprogram.plans.domain.Dose;
import care.homeprogram.plans.domain.Exercise;
import care.homeprogram.plans.domain.ExerciseContent;
import care.homeprogram.plans.domain.PatientProfile;
import care.homeprogram.plans.domain.Plan;
import care.homeprogram.plans.domain.PlanItem;
import care.homeprogram.plans.domain.PlanSnapshot;
import care.homeprogram.plans.domain.PlanVersion;
import care.homeprogram.plans.domain.SessionChange;
import care.homeprogram.plans.domain.SessionLog;
import care.homeprogram.plans.domain.Template;
import care.homeprogram.plans.domain.TemplateItem;
import care.homeprogram.plans.events.PlanEvents;
import care.homeprogram.plans.rest.AdherenceView;
import care.homeprogram.plans.rest.CreatePlanRequest;
import care.homeprogram.plans.rest.PlanVersionView;
import care.homeprogram.plans.rest.PlanView;
import care.homeprogram.plans.rest.SaveTemplateRequest;
import care.homeprogram.plans.rest.SessionView;
import care.homeprogram.plans.rest.TemplateView;
import care.homeprogram.plans.rest.UpdatePlanRequest;
import care.homeprogram.plans.safety.PlanContentRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Treatment plans: who may see and change which, the lifecycle, versions (every change keeps the one before), what
 * a plan may prescribe, and the events that tell the rest of the platform.
 */
@ApplicationScoped
public class PlanService {
    private static final Logger LOG = Logger.getLogger(PlanService.class);

    private final Outbox outbox;
    private final SafetyConfig config;
    private final Clock clock;
    private final IntakeGate intake;
    private final PlanContentRules contentRules;

    public PlanService(Outbox outbox, SafetyConfig config, Clock clock, IntakeGate intake,
            PlanContentRules contentRules) {
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
        this.intake = intake;
        this.contentRules = contentRules;
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
        plan.safetyThresholds = request.safetyThresholds();
        plan.acute = Boolean.TRUE.equals(request.acute());
        if (request.templateId() != null) {
            Template template = Template.<Template>findByIdOptional(request.templateId())
                    .orElseThrow(() -> ProblemException.badRequest("Unknown template " + request.templateId()));
            // Built from an acute template, the plan is acute whatever the request says: the therapist may end the
            // acute phase later with a PATCH, which is then on record.
            plan.acute = plan.acute || template.acute;
            for (TemplateItem t : template.items) {
                addItem(plan, new PlanItem(), t.exercise, t.startWeek, t.dose, null, false, t.targetRegions);
            }
        } else {
            replaceItems(plan, request.items());
        }
        requireAllowedContent(plan);
        if (status == Plan.Status.ACTIVE) {
            intake.requireForActivation(plan, therapist, request.intakeSignOff());
        }
        plan.persist();
        keepAssignedContent(plan);
        recordVersion(plan, therapist.id(), "created");
        if (plan.status == Plan.Status.ACTIVE) {
            outbox.append(PlanEvents.TOPIC, PlanEvents.PLAN_ASSIGNED, plan.id, PlanEvents.schedule(plan, "assigned"));
        }
        LOG.infof("plan %s (%s) created for patient %s by %s", plan.id, plan.status, plan.patientId, therapist.id());
        return view(plan, plan.version);
    }

    /** Status, items and thresholds in one change: a new version with who, when and why. */
    @Transactional
    public PlanView update(CurrentUser therapist, UUID planId, UpdatePlanRequest request) {
        Plan plan = ofTherapist(therapist, planId);
        if (request.status() == null && request.items() == null && request.safetyThresholds() == null
                && request.acute() == null) {
            throw ProblemException.badRequest("Nothing to change: give status, items, safetyThresholds or acute");
        }
        Plan.Status before = plan.status;
        if ((request.items() != null || request.acute() != null)
                && (plan.status == Plan.Status.COMPLETED || plan.status == Plan.Status.REVOKED)) {
            throw ProblemException.conflict("plan-closed", "A " + plan.status + " plan cannot be edited");
        }
        if (request.items() != null) {
            replaceItems(plan, request.items());
        }
        if (request.acute() != null) {
            plan.acute = request.acute();
        }
        if (request.items() != null || request.acute() != null) {
            requireAllowedContent(plan);
            keepAssignedContent(plan);
        }
        if (request.safetyThresholds() != null) {
            plan.safetyThresholds = request.safetyThresholds();
        }
        if (request.status() != null && request.status() != plan.status) {
            if (!plan.status.canMoveTo(request.status())) {
                throw ProblemException.conflict("invalid-transition", "A plan cannot go from " + plan.status
                        + " to " + request.status() + " (draft → active ⇄ on-hold → completed | revoked)");
            }
            if (request.status() == Plan.Status.ACTIVE) {
                intake.requireForActivation(plan, therapist, request.intakeSignOff());
                if (plan.activatedAt == null) {
                    // The program starts the day it is assigned, not the day its draft was begun.
                    plan.startDate = LocalDate.now(clock.withZone(zoneOf(plan.patientId)));
                }
            }
            plan.status = request.status();
        }
        plan.version++;
        plan.updatedAt = OffsetDateTime.now(clock);
        recordVersion(plan, therapist.id(), request.reason());
        String type = before == Plan.Status.DRAFT && plan.status == Plan.Status.ACTIVE ? PlanEvents.PLAN_ASSIGNED
                : PlanEvents.PLAN_CHANGED;
        outbox.append(PlanEvents.TOPIC, type, plan.id, PlanEvents.schedule(plan, request.reason()));
        LOG.infof("plan %s changed to version %d (%s) by %s", plan.id, plan.version, plan.status, therapist.id());
        return view(plan, plan.version);
    }

    /** A change made elsewhere in plan-service (the hydration target): a new version, announced like any other. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordChange(Plan plan, UUID changedBy, String reason) {
        plan.version++;
        plan.updatedAt = OffsetDateTime.now(clock);
        recordVersion(plan, changedBy, reason);
        outbox.append(PlanEvents.TOPIC, PlanEvents.PLAN_CHANGED, plan.id, PlanEvents.schedule(plan, reason));
    }

    /** Called by the safety rules in the session's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void pauseItemBySafetyRule(Plan plan, PlanItem item, String reasons, String reasonCode) {
        item.status = PlanItem.Status.PAUSED;
        item.pausedReason = reasons;
        item.amberFollowUpPending = false;
        plan.version++;
        plan.updatedAt = OffsetDateTime.now(clock);
        recordVersion(plan, plan.patientId, "safety rule paused " + item.name + ": " + reasons);
        outbox.append(PlanEvents.TOPIC, PlanEvents.ITEM_PAUSED, plan.id,
                new PlanEvents.ItemPaused(plan.id, plan.patientId, item.id, reasonCode));
    }

    /** Emergency red flags: the plan goes on hold until a therapist decides. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void holdForEmergency(Plan plan) {
        plan.status = Plan.Status.ON_HOLD;
        plan.version++;
        plan.updatedAt = OffsetDateTime.now(clock);
        String reason = "on hold: emergency red flags reported in a check-in";
        recordVersion(plan, plan.patientId, reason);
        outbox.append(PlanEvents.TOPIC, PlanEvents.PLAN_CHANGED, plan.id, PlanEvents.schedule(plan, reason));
    }

    /** New intake flags after activation: on hold until a therapist signs them off (see {@link IntakeGate}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void holdPendingIntakeSignOff(Plan plan, List<String> flags) {
        plan.status = Plan.Status.ON_HOLD;
        plan.version++;
        plan.updatedAt = OffsetDateTime.now(clock);
        String reason = "on hold: intake screening flagged " + String.join(", ", flags)
                + " after activation; a therapist's sign-off is needed";
        recordVersion(plan, plan.patientId, reason);
        outbox.append(PlanEvents.TOPIC, PlanEvents.PLAN_CHANGED, plan.id, PlanEvents.schedule(plan, reason));
    }

    @Transactional
    public PlanView resumeItem(CurrentUser therapist, UUID planId, UUID itemId, String reason) {
        Plan plan = ofTherapist(therapist, planId);
        PlanItem item = plan.item(itemId).orElseThrow(() -> ProblemException.notFound("Item " + itemId));
        if (item.status != PlanItem.Status.PAUSED) {
            throw ProblemException.conflict("item-not-paused", item.name + " is not paused");
        }
        item.status = PlanItem.Status.ACTIVE;
        item.pausedReason = null;
        plan.version++;
        plan.updatedAt = OffsetDateTime.now(clock);
        recordVersion(plan, therapist.id(), "resumed " + item.name + ": " + reason);
        outbox.append(PlanEvents.TOPIC, PlanEvents.ITEM_RESUMED, plan.id,
                new PlanEvents.ItemResumed(plan.id, plan.patientId, item.id, therapist.id()));
        return view(plan, plan.version);
    }

    @Transactional
    public List<PlanView> ofPatient(CurrentUser therapist, UUID patientId) {
        requireInCare(therapist, patientId);
        return Plan.ofPatient(patientId).stream().map(p -> view(p, p.version)).toList();
    }

    @Transactional
    public List<PlanView> mine(CurrentUser patient) {
        return Plan.ofPatient(patient.id()).stream().filter(p -> p.status != Plan.Status.DRAFT)
                .map(p -> view(p, p.version)).toList();
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
        PlanView old = view(plan, version);
        if (caller.isPatient() && old.status() == Plan.Status.DRAFT) {
            throw ProblemException.notFound("Version " + version + " of plan " + planId);
        }
        return old;
    }

    @Transactional
    public List<PlanVersionView> versions(CurrentUser caller, UUID planId) {
        Plan plan = readable(caller, planId);
        return PlanVersion.<PlanVersion>list("key.planId = ?1 order by key.version desc", plan.id).stream()
                .filter(v -> !caller.isPatient() || v.snapshot.status() != Plan.Status.DRAFT)
                .map(PlanVersionView::of).toList();
    }

    /** Every session, withdrawn ones too (marked so), each with its corrections: who, when, why and the values before. */
    @Transactional
    public List<SessionView> sessions(CurrentUser caller, UUID planId) {
        Plan plan = readable(caller, planId);
        List<SessionLog> sessions = SessionLog.ofPlan(plan.id);
        Map<UUID, List<SessionChange>> changes = SessionChange.ofSessions(sessions.stream().map(s -> s.id).toList())
                .stream().collect(Collectors.groupingBy(c -> c.sessionId));
        return sessions.stream().map(s -> SessionView.of(s, changes.getOrDefault(s.id, List.of()))).toList();
    }

    @Transactional
    public SessionView session(CurrentUser caller, UUID planId, UUID sessionId) {
        Plan plan = readable(caller, planId);
        SessionLog session = SessionLog.<SessionLog>findByIdOptional(sessionId).filter(s -> s.planId.equals(plan.id))
                .orElseThrow(() -> ProblemException.notFound("Session " + sessionId));
        return SessionView.of(session, SessionChange.ofSessions(List.of(session.id)));
    }

    @Transactional
    public AdherenceView adherence(CurrentUser caller, UUID planId) {
        Plan plan = readable(caller, planId);
        ZoneId zone = zoneOf(plan.patientId);
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
                                .map(PlanSnapshot.Item::id).collect(java.util.stream.Collectors.toSet())))
                .toList();
        List<Adherence.Week> weeks = Adherence.weeks(plan.startDate, items, sessions, today,
                Adherence.fromHistory(history, zone, clock.instant()));
        boolean paused = plan.items.stream().anyMatch(i -> i.status == PlanItem.Status.PAUSED);
        return new AdherenceView(plan.id, weeks,
                Adherence.progression(weeks, today, config.progressionMinAdherence(), paused));
    }

    @Transactional
    public TemplateView saveAsTemplate(CurrentUser therapist, SaveTemplateRequest request) {
        Plan plan = ofTherapist(therapist, request.planId());
        Template template = new Template();
        template.id = UUID.randomUUID();
        template.slug = "custom-" + template.id;
        template.name = request.name();
        template.description = request.description() == null ? "Saved from a plan" : request.description();
        template.condition = "CUSTOM";
        template.ownerTherapistId = therapist.id();
        template.acute = plan.acute;
        for (PlanItem item : plan.items) {
            if (item.status == PlanItem.Status.REMOVED) {
                continue; // taken out of the plan: not part of the program being saved
            }
            TemplateItem t = new TemplateItem();
            t.id = UUID.randomUUID();
            t.template = template;
            t.exercise = item.exercise;
            t.position = item.position;
            t.startWeek = item.startWeek;
            t.dose = item.dose;
            t.targetRegions = item.targetRegions;
            template.items.add(t);
        }
        // The template is built from the plan as it is now: check it as a new plan from it would be checked.
        RuleViolations.requireNone(RuleViolations.PLAN_CONTENT, "This template prescribes something unsafe",
                contentRules.planViolations(template.acute, template.items.stream()
                        .map(t -> ruleItem("items[" + t.position + "]", t.exercise, t.exercise.name, t.dose, null,
                                true, t.targetRegions))
                        .toList()).stream()
                        // A cold reason and a confirmation are given per patient, when a plan is built from it.
                        .filter(v -> v.rule() != PlanContentRules.Rule.COLD_WITHOUT_ACUTE_FLARE_UP
                                && v.rule() != PlanContentRules.Rule.NEEDS_CONFIRMATION)
                        .toList());
        template.persist();
        return TemplateView.of(template);
    }

    /**
     * The patient (never a draft: it stays with the therapist until assigned) or a therapist in their care; anyone
     * else gets 404 as if the plan did not exist.
     */
    private Plan readable(CurrentUser caller, UUID planId) {
        Plan plan = Plan.byId(planId).orElseThrow(() -> ProblemException.notFound("Plan " + planId));
        boolean allowed = (caller.isPatient() && plan.patientId.equals(caller.id()) && plan.status != Plan.Status.DRAFT)
                || (caller.isTherapist() && CareTeamMember.inCare(plan.patientId, caller.id()));
        if (!allowed) {
            throw ProblemException.notFound("Plan " + planId);
        }
        return plan;
    }

    private static Plan ofTherapist(CurrentUser therapist, UUID planId) {
        return Plan.byIdLocked(planId).filter(p -> CareTeamMember.inCare(p.patientId, therapist.id()))
                .orElseThrow(() -> ProblemException.notFound("Plan " + planId));
    }

    private static void requireInCare(CurrentUser therapist, UUID patientId) {
        if (!CareTeamMember.inCare(patientId, therapist.id())) {
            throw ProblemException.notFound("Patient " + patientId);
        }
    }

    private void requireAllowedContent(Plan plan) {
        RuleViolations.requireNone(RuleViolations.PLAN_CONTENT, "This plan prescribes something unsafe",
                contentRules.planViolations(plan.acute, plan.items.stream()
                        .filter(i -> i.status != PlanItem.Status.REMOVED)
                        .map(i -> ruleItem("items[" + i.position + "]", i.exercise, i.name, i.dose, i.coldReason,
                                i.therapistConfirmed, i.targetRegions))
                        .toList()));
    }

    /** An item as the content rules see it: its own regions if the therapist chose some, else the exercise's. */
    private static PlanContentRules.Item ruleItem(String field, Exercise exercise, String name, Dose dose,
            String coldReason, boolean therapistConfirmed, List<Exercise.BodyRegion> targetRegions) {
        List<Exercise.BodyRegion> regions = targetRegions == null || targetRegions.isEmpty() ? exercise.bodyRegions
                : targetRegions;
        String prescription = exercise.name + " " + exercise.summary + " " + String.join(" ", exercise.instructions);
        return new PlanContentRules.Item(field, name, prescription, exercise.category, exercise.temperature,
                java.util.Set.copyOf(regions), exercise.flags.contains(Exercise.Flag.NEVER_ON_LOW_BACK),
                dose.holdSeconds(), exercise.flags.contains(Exercise.Flag.REQUIRES_THERAPIST_CONFIRMATION),
                coldReason, therapistConfirmed);
    }

    /**
     * Replaces the items; an item given with its id keeps its identity, status and history. Every item given is
     * assigned again: it takes the library entry's current words (name and content version).
     */
    private static void replaceItems(Plan plan, List<CreatePlanRequest.NewItem> requested) {
        Map<UUID, PlanItem> existing = new HashMap<>();
        plan.items.forEach(i -> existing.put(i.id, i));
        plan.items.clear();
        for (CreatePlanRequest.NewItem n : requested) {
            Exercise exercise = Exercise.<Exercise>findByIdOptional(n.exerciseId())
                    .orElseThrow(() -> ProblemException.badRequest("Unknown exercise " + n.exerciseId()));
            PlanItem item = n.id() != null && existing.containsKey(n.id()) ? existing.get(n.id()) : new PlanItem();
            if (n.id() != null && !existing.containsKey(n.id())) {
                throw ProblemException.badRequest("Item " + n.id() + " is not an item of this plan");
            }
            addItem(plan, item, exercise, n.startWeek() == null ? 1 : n.startWeek(), n.dose(), n.coldReason(),
                    Boolean.TRUE.equals(n.therapistConfirmed()), n.targetRegions());
            existing.remove(item.id);
        }
        // Items left out are kept as REMOVED, not deleted: their sessions and the plan's history still point at them.
        for (PlanItem removed : existing.values()) {
            removed.status = PlanItem.Status.REMOVED;
            removed.position = plan.items.size();
            plan.items.add(removed);
        }
    }

    private static void addItem(Plan plan, PlanItem item, Exercise exercise, int startWeek, Dose dose,
            String coldReason, boolean therapistConfirmed, List<Exercise.BodyRegion> targetRegions) {
        if (item.id == null) {
            item.id = UUID.randomUUID();
        }
        item.plan = plan;
        item.exercise = exercise;
        item.name = exercise.name;
        item.exerciseContentVersion = exercise.contentVersion;
        item.position = plan.items.size();
        item.startWeek = startWeek;
        item.dose = dose;
        item.coldReason = coldReason;
        item.therapistConfirmed = therapistConfirmed;
        item.targetRegions = targetRegions == null ? List.of() : List.copyOf(targetRegions);
        plan.items.add(item);
    }

    /** The words the plan's items were assigned with stay readable however their library entries change later. */
    private void keepAssignedContent(Plan plan) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        plan.items.stream().filter(i -> i.status != PlanItem.Status.REMOVED).map(i -> i.exercise).distinct()
                .forEach(e -> ExerciseContent.recordCurrent(e, now));
    }

    private void recordVersion(Plan plan, UUID changedBy, String reason) {
        PlanVersion version = new PlanVersion();
        version.key = new PlanVersion.Key(plan.id, plan.version);
        version.snapshot = PlanSnapshot.of(plan);
        version.changedBy = changedBy;
        version.changedAt = OffsetDateTime.now(clock);
        version.reason = reason.length() > 500 ? reason.substring(0, 500) : reason;
        version.persist();
        // Every change of status or items goes through here: keep what non-adherence needs in step with it.
        if (plan.status == Plan.Status.ACTIVE && plan.activatedAt == null) {
            plan.activatedAt = version.changedAt;
        }
        AdherenceAlerter.trackPause(plan, version.changedAt);
    }

    private PlanView view(Plan plan, int version) {
        if (version == plan.version) {
            return PlanView.of(plan, PlanSnapshot.of(plan), version, today(plan), PlanService::content);
        }
        PlanVersion stored = PlanVersion.of(plan.id, version)
                .orElseThrow(() -> ProblemException.notFound("Version " + version + " of plan " + plan.id));
        return PlanView.of(plan, stored.snapshot, version, null, PlanService::content);
    }

    private PlanView.Today today(Plan plan) {
        ZoneId zone = zoneOf(plan.patientId);
        LocalDate date = LocalDate.now(clock.withZone(zone));
        List<PlanView.Due> due = plan.status != Plan.Status.ACTIVE ? List.of() : plan.items.stream()
                .filter(i -> i.status == PlanItem.Status.ACTIVE)
                .filter(i -> Schedule.isDue(plan.startDate, i.startWeek, i.dose, date))
                .map(i -> new PlanView.Due(i.id, i.name, i.dose.timesPerDay(),
                        i.amberFollowUpPending ? SafetyService.FOLLOW_UP_QUESTION : null))
                .toList();
        return new PlanView.Today(date, zone.getId(), Schedule.weekOf(plan.startDate, date), due);
    }

    /** The words the item showed at that version: its content version, else (older history) the entry's words now. */
    private static ExerciseContent content(PlanSnapshot.Item item) {
        if (item.exerciseContentVersion() != null) {
            ExerciseContent kept = ExerciseContent.of(item.exerciseId(), item.exerciseContentVersion());
            if (kept != null) {
                return kept;
            }
        }
        Exercise exercise = Exercise.findById(item.exerciseId());
        return exercise == null ? null : ExerciseContent.current(exercise);
    }

    private static ZoneId zoneOf(UUID patientId) {
        PatientProfile profile = PatientProfile.findById(patientId);
        return profile == null ? ZoneId.of("UTC") : ZoneId.of(profile.timeZone);
    }
}
