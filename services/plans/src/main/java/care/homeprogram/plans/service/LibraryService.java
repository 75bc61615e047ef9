package care.homeprogram.plans.service;

import care.homeprogram.commons.problem.ProblemException;
import care.homeprogram.commons.security.CurrentUser;
import care.homeprogram.plans.domain.Exercise;
import care.homeprogram.plans.domain.ExerciseContent;
import care.homeprogram.plans.rest.ExerciseRequest;
import care.homeprogram.plans.rest.ExerciseView;
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
 * changed by a new library version (seed/library.json), not by hand. Every edit bumps the entry's content version,
 * and every content version is kept ({@link ExerciseContent}).
 */
@ApplicationScoped
public class LibraryService {
    private final PlanContentRules rules;
    private final Clock clock;

    public LibraryService(PlanContentRules rules, Clock clock) {
        this.rules = rules;
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

    @Transactional
    public ExerciseView update(CurrentUser therapist, UUID id, ExerciseRequest request) {
        Exercise exercise = Exercise.<Exercise>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Exercise " + id));
        if (exercise.ownerTherapistId == null) {
            throw new ProblemException(403, "seeded-entry", "Not allowed",
                    "Seeded library entries come from the clinic's guide; create your own variant instead");
        }
        if (!exercise.ownerTherapistId.equals(therapist.id())) {
            throw ProblemException.notFound("Exercise " + id);
        }
        apply(exercise, request);
        keepContent(exercise);
        return ExerciseView.of(exercise);
    }

    /**
     * An edit is a new content version, kept beside the earlier ones: plans assigned with an earlier version keep
     * showing its words until the therapist assigns the item again.
     */
    private void keepContent(Exercise exercise) {
        Exercise.flush();
        ExerciseContent.recordCurrent(exercise, OffsetDateTime.now(clock));
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
        exercise.contentVersion++;
    }

    private static String slug(String name) {
        String slug = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.length() > 60 ? slug.substring(0, 60) : slug;
    }
}
