package care.homeprogram.plans.service;

import care.homeprogram.commons.problem.ProblemException;
import care.homeprogram.plans.api.CreatePlanRequest;
import care.homeprogram.plans.domain.Dose;
import care.homeprogram.plans.domain.Exercise;
import care.homeprogram.plans.domain.ExerciseContent;
import care.homeprogram.plans.domain.Plan;
import care.homeprogram.plans.domain.PlanItem;
import care.homeprogram.plans.domain.PlanSnapshot;
import care.homeprogram.plans.domain.PlanVersion;
import care.homeprogram.plans.domain.Template;
import care.homeprogram.plans.domain.TemplateItem;
import care.homeprogram.plans.safety.PlanContentRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A plan's items and its versions: which library entries it prescribes and with which words, whether the content
 * rules allow them, and the version record every change leaves (who, when, why, and the plan as it then was).
 */
@ApplicationScoped
public class PlanContent {
    private final PlanContentRules contentRules;
    private final Clock clock;

    public PlanContent(PlanContentRules contentRules, Clock clock) {
        this.contentRules = contentRules;
        this.clock = clock;
    }

    /**
     * The template's items, added to a new plan. Another therapist's private template is as unknown as a made-up id:
     * 404, its existence not revealed. Built from an acute template, the plan is acute whatever the request says: the
     * therapist may end the acute phase later with a PATCH, which is then on record.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void addFromTemplate(Plan plan, UUID templateId, UUID therapistId) {
        Template template = Template.<Template>findByIdOptional(templateId)
                .filter(t -> t.usableBy(therapistId))
                .orElseThrow(() -> ProblemException.notFound("Template " + templateId));
        plan.acute = plan.acute || template.acute;
        for (TemplateItem t : template.items) {
            requireUsable(t.exercise, therapistId);
            addItem(plan, new PlanItem(), t.exercise, t.startWeek, t.dose, null, false, t.targetRegions, null);
        }
    }

    /**
     * Replaces the items; an item given with its id keeps its identity, status and history. Every item given is
     * assigned again: it takes the library entry's current words (name and content version).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replaceItems(Plan plan, List<CreatePlanRequest.NewItem> requested, UUID therapistId) {
        Map<UUID, PlanItem> existing = new HashMap<>();
        plan.items.forEach(i -> existing.put(i.id, i));
        plan.items.clear();
        for (CreatePlanRequest.NewItem n : requested) {
            if (n.id() != null && !existing.containsKey(n.id())) {
                throw ProblemException.badRequest("Item " + n.id() + " is not an item of this plan");
            }
            PlanItem item = n.id() != null ? existing.get(n.id()) : new PlanItem();
            // A colleague in the care team may keep an item built from its author's private entry (the plan is
            // theirs together), but nobody adds another therapist's private entry: that is 404, as an unknown id.
            boolean keptAsItWas = item.exercise != null && item.exercise.id.equals(n.exerciseId());
            Exercise exercise = keptAsItWas ? item.exercise : Exercise.usable(n.exerciseId(), therapistId);
            addItem(plan, item, exercise, n.startWeek() == null ? 1 : n.startWeek(), n.dose(), n.coldReason(),
                    Boolean.TRUE.equals(n.therapistConfirmed()), n.targetRegions(),
                    n.noteToPatient() == null || n.noteToPatient().isBlank() ? null : n.noteToPatient().strip());
            existing.remove(item.id);
        }
        // Items left out are kept as REMOVED, not deleted: their sessions and the plan's history still point at them.
        for (PlanItem removed : existing.values()) {
            removed.status = PlanItem.Status.REMOVED;
            removed.position = plan.items.size();
            plan.items.add(removed);
        }
    }

    /** The content rules (docs/clinical-rules.md) over the plan's items as they now are: 400 naming each breach. */
    public void requireAllowedContent(Plan plan) {
        RuleViolations.requireNone(RuleViolations.PLAN_CONTENT, "This plan prescribes something unsafe",
                contentRules.planViolations(plan.acute, plan.items.stream()
                        .filter(i -> i.status != PlanItem.Status.REMOVED)
                        .map(i -> ruleItem("items[" + i.position + "]", i.exercise, i.name, i.dose, i.coldReason,
                                i.therapistConfirmed, i.targetRegions))
                        .toList()));
    }

    /** The words the plan's items were assigned with stay readable however their library entries change later. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void keepAssignedContent(Plan plan) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        plan.items.stream().filter(i -> i.status != PlanItem.Status.REMOVED).map(i -> i.exercise).distinct()
                .forEach(e -> ExerciseContent.recordCurrent(e, now));
    }

    /** The plan as it now is, kept as its current version with who changed it, when and why. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordVersion(Plan plan, UUID changedBy, String reason) {
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

    /** A library entry the therapist may prescribe (the clinic's, or their own); another's private one is 404. */
    static void requireUsable(Exercise exercise, UUID therapistId) {
        if (!exercise.usableBy(therapistId)) {
            throw ProblemException.notFound("Exercise " + exercise.id);
        }
    }

    /** An item as the content rules see it: its own regions if the therapist chose some, else the exercise's. */
    static PlanContentRules.Item ruleItem(String field, Exercise exercise, String name, Dose dose,
            String coldReason, boolean therapistConfirmed, List<Exercise.BodyRegion> targetRegions) {
        List<Exercise.BodyRegion> regions = targetRegions == null || targetRegions.isEmpty() ? exercise.bodyRegions
                : targetRegions;
        String prescription = exercise.name + " " + exercise.summary + " " + String.join(" ", exercise.instructions);
        return new PlanContentRules.Item(field, name, prescription, exercise.category, exercise.temperature,
                Set.copyOf(regions), exercise.flags.contains(Exercise.Flag.NEVER_ON_LOW_BACK),
                dose.holdSeconds(), exercise.flags.contains(Exercise.Flag.REQUIRES_THERAPIST_CONFIRMATION),
                coldReason, therapistConfirmed);
    }

    private static void addItem(Plan plan, PlanItem item, Exercise exercise, int startWeek, Dose dose,
            String coldReason, boolean therapistConfirmed, List<Exercise.BodyRegion> targetRegions,
            String noteToPatient) {
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
        item.noteToPatient = noteToPatient;
        plan.items.add(item);
    }
}
