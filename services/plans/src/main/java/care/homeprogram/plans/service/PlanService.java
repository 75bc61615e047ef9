package care.homeprogram.plans.service;

import care.homeprogram.contract.Language;
import care.homeprogram.commons.problem.ProblemException;
import care.homeprogram.commons.security.CurrentUser;
import care.homeprogram.contract.Page;
import care.homeprogram.plans.api.PlanVersionView;
import care.homeprogram.plans.api.PlanView;
import care.homeprogram.plans.api.SessionView;
import care.homeprogram.plans.config.SafetyConfig;
import care.homeprogram.plans.domain.Exercise;
import care.homeprogram.plans.domain.ExerciseContent;
import care.homeprogram.plans.domain.Plan;
import care.homeprogram.plans.domain.PlanSnapshot;
import care.homeprogram.plans.domain.PlanVersion;
import care.homeprogram.plans.domain.SessionChange;
import care.homeprogram.plans.domain.SessionLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Treatment plans as their readers see them: a patient's plans, one plan at a version, its history and its sessions.
 * Who may read which is {@link PlanAccess}; changes are {@link PlanLifecycle} (status, items, pauses) with
 * {@link PlanContent} (items and versions); the calendar is {@link PlanSchedule}, adherence {@link PlanAdherence}
 * and saving a plan as a template {@link LibraryService}.
 */
@ApplicationScoped
public class PlanService {
    private final PlanAccess access;
    private final PlanSchedule schedule;
    private final SafetyConfig safety;
    private final LibraryContentCache library;
    private final LibraryTranslations translations;

    public PlanService(PlanAccess access, PlanSchedule schedule, SafetyConfig safety, LibraryContentCache library,
            LibraryTranslations translations) {
        this.access = access;
        this.schedule = schedule;
        this.safety = safety;
        this.library = library;
        this.translations = translations;
    }

    @Transactional
    public List<PlanView> ofPatient(CurrentUser therapist, UUID patientId, Language language) {
        access.requirePatient(therapist, patientId);
        return Plan.ofPatientWithItems(patientId, Plan.ALL).stream().filter(p -> access.seesDraft(therapist, p.status))
                .map(p -> view(p, p.version, language)).toList();
    }

    /**
     * The plans the patient's screen shows: active and on hold, newest first (a draft stays with the therapist until
     * it is assigned; finished plans are {@link #myHistory}). The patient's hot read: the plans with their items and
     * library entries in one query, the library's words from {@link LibraryContentCache}, the time zone in one more.
     * {@link PatientScreens} keeps the answer while it is current.
     */
    @Transactional
    public MyScreen mine(CurrentUser patient, Language language) {
        access.requirePatient(patient, patient.id());
        // The date before the plans: a screen computed across the patient's midnight is then kept as of the earlier
        // day, so it is computed again on the next read rather than kept a day too long.
        java.time.ZoneId zone = schedule.zoneOf(patient.id());
        java.time.LocalDate date = schedule.localDate(patient.id());
        boolean[] currentWords = { false };
        List<PlanView> plans = Plan.ofPatientWithItems(patient.id(), Plan.CURRENT).stream()
                .map(p -> view(p, p.version, language, item -> {
                    ExerciseContent kept = keptContent(item);
                    if (kept == null) {
                        currentWords[0] = true;
                        return currentContent(item);
                    }
                    return kept;
                })).toList();
        return new MyScreen(plans, zone, date, !currentWords[0]);
    }

    /**
     * What {@link #mine} answered and until when it holds: the plans as of the patient's local {@code date} in
     * {@code zone}; {@code onlyKeptWords}: every item showed the words kept for its content version (which never
     * change), none an entry's current words (which an edit of the library changes without touching the plan).
     */
    public record MyScreen(List<PlanView> plans, java.time.ZoneId zone, java.time.LocalDate date,
            boolean onlyKeptWords) {
    }

    /** The patient's finished plans (completed, revoked), newest first, one page at a time. */
    @Transactional
    public Page<PlanView> myHistory(CurrentUser patient, int offset, int size, Language language) {
        access.requirePatient(patient, patient.id());
        List<PlanView> plans = Plan.ofPatient(patient.id(), Plan.FINISHED, offset, size).stream()
                .map(p -> view(p, p.version, language)).toList();
        return new Page<>(plans, Plan.countOfPatient(patient.id(), Plan.FINISHED));
    }

    /** The patient or a therapist in their care; anyone else gets 404 as if the plan did not exist. */
    @Transactional
    public PlanView get(CurrentUser caller, UUID planId, Integer version, Language language) {
        Plan plan = access.plan(caller, planId);
        if (version == null || version == plan.version) {
            return view(plan, plan.version, language);
        }
        if (version < 1 || version > plan.version) {
            throw ProblemException.notFound("Version " + version + " of plan " + planId);
        }
        PlanView old = view(plan, version, language);
        if (!access.seesDraft(caller, old.status())) {
            throw ProblemException.notFound("Version " + version + " of plan " + planId);
        }
        return old;
    }

    @Transactional
    public List<PlanVersionView> versions(CurrentUser caller, UUID planId) {
        Plan plan = access.plan(caller, planId);
        return PlanVersion.<PlanVersion>list("key.planId = ?1 order by key.version desc", plan.id).stream()
                .filter(v -> access.seesDraft(caller, v.snapshot.status()))
                .map(PlanVersionView::of).toList();
    }

    /** Every session, withdrawn ones too (marked so), each with its corrections: who, when, why and the values before. */
    @Transactional
    public List<SessionView> sessions(CurrentUser caller, UUID planId) {
        Plan plan = access.plan(caller, planId);
        List<SessionLog> sessions = SessionLog.ofPlan(plan.id);
        Map<UUID, List<SessionChange>> changes = SessionChange.ofSessions(sessions.stream().map(s -> s.id).toList())
                .stream().collect(Collectors.groupingBy(c -> c.sessionId));
        return sessions.stream().map(s -> SessionView.of(s, changes.getOrDefault(s.id, List.of()))).toList();
    }

    @Transactional
    public SessionView session(CurrentUser caller, UUID planId, UUID sessionId) {
        Plan plan = access.plan(caller, planId);
        SessionLog session = SessionLog.<SessionLog>findByIdOptional(sessionId).filter(s -> s.planId.equals(plan.id))
                .orElseThrow(() -> ProblemException.notFound("Session " + sessionId));
        return SessionView.of(session, SessionChange.ofSessions(List.of(session.id)));
    }

    /** The plan at that version as its readers see it, in English (the words as written). */
    public PlanView view(Plan plan, int version) {
        return view(plan, version, Language.EN);
    }

    /**
     * The plan at that version as its readers see it; the current one with what is due today. The library's words
     * are in that language where a translation of those very words is shipped ({@link LibraryTranslations}); a
     * therapist's own entries and notes stay as written.
     */
    public PlanView view(Plan plan, int version, Language language) {
        return view(plan, version, language, this::content);
    }

    private PlanView view(Plan plan, int version, Language language,
            java.util.function.Function<PlanSnapshot.Item, ExerciseContent> content) {
        java.util.function.Function<PlanSnapshot.Item, ExerciseContent> words = i -> translations.content(
                content.apply(i), language);
        if (version == plan.version) {
            return PlanView.of(plan, PlanSnapshot.of(plan), version, schedule.today(plan, language), words,
                    safety.thresholdsFor(plan.safetyThresholds), safety.thresholds());
        }
        PlanVersion stored = PlanVersion.of(plan.id, version)
                .orElseThrow(() -> ProblemException.notFound("Version " + version + " of plan " + plan.id));
        return PlanView.of(plan, stored.snapshot, version, null, words,
                safety.thresholdsFor(plan.safetyThresholds), safety.thresholds());
    }

    /** The words the item showed at that version: its content version, else (older history) the entry's words now. */
    private ExerciseContent content(PlanSnapshot.Item item) {
        ExerciseContent kept = keptContent(item);
        return kept != null ? kept : currentContent(item);
    }

    /** The words kept for the item's content version, or null if none were kept (older history). */
    private ExerciseContent keptContent(PlanSnapshot.Item item) {
        return item.exerciseContentVersion() == null ? null
                : library.get(item.exerciseId(), item.exerciseContentVersion());
    }

    private static ExerciseContent currentContent(PlanSnapshot.Item item) {
        Exercise exercise = Exercise.findById(item.exerciseId());
        return exercise == null ? null : ExerciseContent.current(exercise);
    }
}
