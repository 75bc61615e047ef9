package care.homeprogram.plans.service;

import care.homeprogram.commons.problem.ProblemException;
import care.homeprogram.commons.security.CurrentUser;
import care.homeprogram.plans.api.ExerciseRequest;
import care.homeprogram.plans.api.ExerciseView;
import care.homeprogram.plans.api.SaveTemplateRequest;
import care.homeprogram.plans.api.TemplateRequest;
import care.homeprogram.plans.api.TemplateView;
import care.homeprogram.plans.domain.Exercise;
import care.homeprogram.plans.domain.ExerciseContent;
import care.homeprogram.plans.domain.LibraryCorrection;
import care.homeprogram.plans.domain.Plan;
import care.homeprogram.plans.domain.PlanItem;
import care.homeprogram.plans.domain.Template;
import care.homeprogram.plans.domain.TemplateItem;
import care.homeprogram.plans.safety.PlanContentRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Therapists add and edit their own library entries; the clinic's seeded entries are data from the home-care guide,
 * changed by a new seed version of the entry in seed/library.json or by a clinical lead (a therapist an admin
 * designated), each correction recorded with who made it; other therapists cannot change them (403
 * {@code seeded-entry}). Every edit bumps the entry's content
 * version, and every content version is kept ({@link ExerciseContent}). Therapists also save a plan's program as a template
 * of their own, for the next patient, edit and delete it, and archive an entry they no longer use.
 */
@ApplicationScoped
public class LibraryService {
    private final PlanContentRules rules;
    private final PlanAccess access;
    private final Clock clock;

    public LibraryService(PlanContentRules rules, PlanAccess access, Clock clock) {
        this.rules = rules;
        this.access = access;
        this.clock = clock;
    }

    @Transactional
    public ExerciseView create(CurrentUser therapist, ExerciseRequest request) {
        Exercise exercise = new Exercise();
        exercise.id = UUID.randomUUID();
        exercise.slug = slug(request.name()) + "-" + exercise.id.toString().substring(0, 8);
        exercise.ownerTherapistId = therapist.id();
        exercise.contentVersion = 0;
        apply(exercise, request);
        exercise.persist();
        keepContent(exercise);
        return ExerciseView.of(exercise);
    }

    /** The owner edits their entry; a clinical lead corrects a seeded one. */
    @Transactional
    public ExerciseView update(CurrentUser therapist, UUID id, ExerciseRequest request) {
        Exercise exercise = editable(therapist, id);
        if (exercise.ownerTherapistId == null) {
            return correctSeeded(therapist, exercise, request);
        }
        apply(exercise, request);
        keepContent(exercise);
        return ExerciseView.of(exercise);
    }

    /**
     * A clinical lead's correction of a seeded entry, as a new seed version is applied: the words as they read until
     * now stay on record (plans assigned with them keep showing them), the new ones are a new content version recorded
     * as made by the lead. The entry stays the clinic's: its sharing is not the lead's to change.
     */
    private ExerciseView correctSeeded(CurrentUser lead, Exercise exercise, ExerciseRequest request) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Exercise.flush();
        ExerciseContent.recordCurrent(exercise, now);
        boolean shared = exercise.sharedWithClinic;
        apply(exercise, request);
        exercise.sharedWithClinic = shared;
        Exercise.flush();
        ExerciseContent.recordCorrected(exercise, now, lead.username());
        LibraryCorrection.record(LibraryCorrection.Kind.EXERCISE, exercise.id, exercise.slug, exercise.contentVersion,
                now, lead.id(), lead.username());
        return ExerciseView.of(exercise);
    }

    @Transactional
    public TemplateView saveAsTemplate(CurrentUser therapist, SaveTemplateRequest request) {
        Plan plan = access.planToChange(therapist, request.planId());
        Template template = new Template();
        template.id = UUID.randomUUID();
        template.slug = "custom-" + template.id;
        template.name = request.name();
        template.description = request.description() == null ? "Saved from a plan" : request.description();
        template.condition = "CUSTOM";
        template.ownerTherapistId = therapist.id();
        template.sharedWithClinic = Boolean.TRUE.equals(request.sharedWithClinic());
        template.acute = plan.acute;
        for (PlanItem item : plan.items) {
            if (item.status == PlanItem.Status.REMOVED) {
                continue; // taken out of the plan: not part of the program being saved
            }
            // A plan in a shared care team may hold a colleague's private entry; it is not the caller's to reuse.
            PlanContent.requireUsable(item.exercise, therapist.id());
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
        requireAllowed(template);
        template.persist();
        return TemplateView.of(template);
    }

    /**
     * The owner archives their entry: it is no longer listed nor added anew to a plan; plans and templates that hold
     * it keep it, with the words they were assigned. Archiving again changes nothing (the first archival stays).
     */
    @Transactional
    public ExerciseView archive(CurrentUser therapist, UUID id) {
        Exercise exercise = owned(therapist, id);
        if (exercise.archivedAt == null) {
            exercise.archivedAt = OffsetDateTime.now(clock);
            exercise.archivedBy = therapist.id();
        }
        return ExerciseView.of(exercise);
    }

    /**
     * The owner's template gets a new name, description, sharing and items, checked as saving it from a plan is. A
     * clinical lead corrects a seeded template the same way (its sharing stays: it is the clinic's), with the clinic's
     * entries only, and the correction is recorded with who made it.
     */
    @Transactional
    public TemplateView updateTemplate(CurrentUser therapist, UUID id, TemplateRequest request) {
        Template template = editableTemplate(therapist, id);
        boolean seeded = template.ownerTherapistId == null;
        java.util.Map<UUID, Exercise> kept = new java.util.HashMap<>();
        template.items.forEach(t -> kept.put(t.exercise.id, t.exercise));
        template.name = request.name();
        template.description = request.description() == null || request.description().isBlank()
                ? template.description : request.description();
        if (!seeded) {
            template.sharedWithClinic = Boolean.TRUE.equals(request.sharedWithClinic());
        }
        if (request.acute() != null) {
            template.acute = request.acute();
        }
        template.items.clear();
        Template.flush(); // the old rows go before the new ones take their positions
        for (TemplateRequest.Item requested : request.items()) {
            // An entry the template already holds stays in it even if its author archived it since; a new one must
            // be usable (the clinic's or the caller's own, not archived).
            Exercise exercise = kept.containsKey(requested.exerciseId())
                    && kept.get(requested.exerciseId()).usableBy(therapist.id())
                    ? kept.get(requested.exerciseId()) : Exercise.usable(requested.exerciseId(), therapist.id());
            if (seeded && exercise.ownerTherapistId != null && !kept.containsKey(exercise.id)) {
                // Every therapist uses the clinic's templates: a therapist's own entry would show to all through it.
                throw new ProblemException(400, "clinic-entries-only", "Invalid request",
                        "items[" + template.items.size() + "].exerciseId: the clinic's templates hold the clinic's "
                                + "seeded exercises only");
            }
            TemplateItem t = new TemplateItem();
            t.id = UUID.randomUUID();
            t.template = template;
            t.exercise = exercise;
            t.position = template.items.size();
            t.startWeek = requested.startWeek() == null ? 1 : requested.startWeek();
            t.dose = requested.dose();
            t.targetRegions = requested.targetRegions() == null ? List.of() : List.copyOf(requested.targetRegions());
            template.items.add(t);
        }
        requireAllowed(template);
        if (seeded) {
            LibraryCorrection.record(LibraryCorrection.Kind.TEMPLATE, template.id, template.slug, null,
                    OffsetDateTime.now(clock), therapist.id(), therapist.username());
        }
        return TemplateView.of(template);
    }

    /** The owner deletes their template; plans built from it are unchanged (a plan copies its items). */
    @Transactional
    public void deleteTemplate(CurrentUser therapist, UUID id) {
        ownedTemplate(therapist, id).delete();
    }

    /** The caller's own entry, or a seeded one if the caller is a clinical lead. */
    private static Exercise editable(CurrentUser therapist, UUID id) {
        if (therapist.isClinicalLead()) {
            Exercise exercise = Exercise.<Exercise>findByIdOptional(id).orElse(null);
            if (exercise != null && exercise.ownerTherapistId == null) {
                return exercise;
            }
        }
        return owned(therapist, id);
    }

    /** The caller's own template, or a seeded one if the caller is a clinical lead. */
    private static Template editableTemplate(CurrentUser therapist, UUID id) {
        if (therapist.isClinicalLead()) {
            Template template = Template.<Template>findByIdOptional(id).orElse(null);
            if (template != null && template.ownerTherapistId == null) {
                return template;
            }
        }
        return ownedTemplate(therapist, id);
    }

    private static Exercise owned(CurrentUser therapist, UUID id) {
        Exercise exercise = Exercise.<Exercise>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Exercise " + id));
        if (exercise.ownerTherapistId == null) {
            throw new ProblemException(403, "seeded-entry", "Not allowed",
                    "Seeded library entries come from the clinic's guide and are corrected by a clinical lead; create "
                            + "your own variant instead");
        }
        if (!exercise.ownerTherapistId.equals(therapist.id())) {
            throw ProblemException.notFound("Exercise " + id);
        }
        return exercise;
    }

    /**
     * A template the caller owns. The clinic's seeded templates are 403 {@code seeded-entry}; another therapist's,
     * shared or not, is 404 (only its owner changes it).
     */
    private static Template ownedTemplate(CurrentUser therapist, UUID id) {
        Template template = Template.<Template>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Template " + id));
        if (template.ownerTherapistId == null) {
            throw new ProblemException(403, "seeded-entry", "Not allowed",
                    "The clinic's templates come from its guide; save your own variant from a plan instead");
        }
        if (!template.ownerTherapistId.equals(therapist.id())) {
            throw ProblemException.notFound("Template " + id);
        }
        return template;
    }

    /**
     * An edit is a new content version, kept beside the earlier ones: plans assigned with an earlier version keep
     * showing its words until the therapist assigns the item again.
     */
    private void keepContent(Exercise exercise) {
        Exercise.flush();
        ExerciseContent.recordCurrent(exercise, OffsetDateTime.now(clock));
    }

    /** A template's items as a new plan from it would be checked; 400 {@code plan-content} naming each breach. */
    private void requireAllowed(Template template) {
        RuleViolations.requireNone(RuleViolations.PLAN_CONTENT, "This template prescribes something unsafe",
                rules.planViolations(template.acute, template.items.stream()
                        .map(t -> PlanContent.ruleItem("items[" + t.position + "]", t.exercise, t.exercise.name,
                                t.dose, null, true, t.targetRegions))
                        .toList()).stream()
                        // A cold reason and a confirmation are given per patient, when a plan is built from it.
                        .filter(v -> v.rule() != PlanContentRules.Rule.COLD_WITHOUT_ACUTE_FLARE_UP
                                && v.rule() != PlanContentRules.Rule.NEEDS_CONFIRMATION)
                        .toList());
    }

    private void apply(Exercise exercise, ExerciseRequest request) {
        List<Exercise.Flag> flags = request.flags() == null ? List.of() : request.flags();
        List<Exercise.BodyRegion> regions = request.bodyRegions() == null ? List.of()
                : List.copyOf(new java.util.LinkedHashSet<>(request.bodyRegions()));
        // What the patient is told to do; cautions may rightly warn against bed rest, so only the sayings are
        // checked in them.
        String prescription = request.name() + " " + request.summary() + " " + String.join(" ", request.instructions());
        String allText = prescription + " " + String.join(" ", request.cautions()) + " " + request.whySafe();
        RuleViolations.requireNone(RuleViolations.EXERCISE_CONTENT, "This exercise prescribes something unsafe",
                rules.exerciseViolations(new PlanContentRules.Entry(request.name(), request.category(),
                        request.temperature(), java.util.Set.copyOf(regions),
                        flags.contains(Exercise.Flag.NEVER_ON_LOW_BACK), prescription, allText)));
        exercise.name = request.name();
        exercise.category = request.category();
        exercise.summary = request.summary();
        exercise.instructions = request.instructions();
        exercise.cautions = request.cautions();
        exercise.whySafe = request.whySafe();
        exercise.defaultDose = request.defaultDose();
        exercise.flags = flags;
        exercise.sources = request.sources() == null ? List.of() : request.sources();
        exercise.temperature = request.temperature();
        exercise.bodyRegions = regions;
        exercise.sharedWithClinic = Boolean.TRUE.equals(request.sharedWithClinic());
        exercise.contentVersion++;
    }

    private static String slug(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.length() > 60 ? slug.substring(0, 60) : slug;
    }
}
