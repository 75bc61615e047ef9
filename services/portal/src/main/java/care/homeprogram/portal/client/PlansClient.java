package care.homeprogram.portal.client;

import care.homeprogram.contract.Page;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * plan-service, called as the signed-in person ({@link AccessTokenFilter}). Timeouts, retries, the circuit breaker
 * and "temporarily unavailable" are {@link ServiceCalls}'s: here each call only says whether it reads (GET, retried)
 * or writes (never retried: a session logged twice would count twice). A refusal ({@link ServiceProblem}) passes
 * through; anything else is {@link ServiceUnavailable}.
 */
@ApplicationScoped
public class PlansClient {
    static final String SERVICE = "plan-service";

    private final PlansApi api;
    private final ServiceCalls calls;

    public PlansClient(@RestClient PlansApi api) {
        this.api = api;
        this.calls = new ServiceCalls(SERVICE);
    }

    /** The calls to plan-service, for its other API ({@link RtmClient}): one breaker per service, not per API. */
    ServiceCalls calls() {
        return calls;
    }

    /** The patient's current plans: active and on hold (plan-service leaves drafts and finished plans out). */
    public Page<Plan> mine() {
        return calls.read(() -> api.mine());
    }

    /** The patient's Today page in one read ({@link PatientDay}). */
    public PatientDay myDay() {
        return calls.read(() -> api.myDay());
    }

    /** The patient's finished plans (completed, revoked), newest first; {@link #mine} has the current ones. */
    public Page<Plan> myHistory(int page, int size) {
        return calls.read(() -> api.myHistory(page, size));
    }

    public Page<Plan> ofPatient(UUID patientId) {
        return calls.read(() -> api.ofPatient(patientId));
    }

    /**
     * The therapist's page of one patient from plan-service in one read; {@code versionsBefore} how many versions of
     * the leading plan before its current one come whole (what the page's history compares).
     */
    public PatientOverview overview(UUID patientId, int versionsBefore) {
        return calls.read(() -> api.overview(patientId, versionsBefore));
    }

    public Plan plan(UUID id, Integer version) {
        return calls.read(() -> api.plan(id, version));
    }

    public Page<PlanVersion> versions(UUID id) {
        return calls.read(() -> api.versions(id));
    }

    public Page<Session> sessions(UUID planId) {
        return calls.read(() -> api.sessions(planId));
    }

    public Adherence adherence(UUID planId) {
        return calls.read(() -> api.adherence(planId));
    }

    public Page<Alert> alerts(String status) {
        return calls.read(() -> api.alerts(status));
    }

    /** The pictures and video of a library entry the person may see (plan-service decides; else a 404 problem). */
    public java.util.List<Media> media(UUID exerciseId) {
        return calls.read(() -> api.media(exerciseId)).items();
    }

    /**
     * The pictures and video of several library entries in one read, by entry (an entry without any: an empty list);
     * plan-service answers 404 for all of them when the person may not see one.
     */
    public java.util.Map<UUID, java.util.List<Media>> media(java.util.Collection<UUID> exerciseIds) {
        java.util.List<UUID> asked = java.util.List.copyOf(new java.util.LinkedHashSet<>(exerciseIds));
        java.util.Map<UUID, java.util.List<Media>> byEntry = new java.util.HashMap<>();
        asked.forEach(id -> byEntry.put(id, new java.util.ArrayList<>()));
        for (Media m : calls.read(() -> api.mediaOf(asked)).items()) {
            byEntry.computeIfAbsent(m.exerciseId(), id -> new java.util.ArrayList<>()).add(m);
        }
        return byEntry;
    }

    public Page<Exercise> exercises() {
        return calls.read(() -> api.exercises());
    }

    public Page<Template> templates() {
        return calls.read(() -> api.templates());
    }

    /** The patient's FHIR record as plan-service wrote it (application/fhir+json), passed on unchanged. */
    public byte[] fhirRecord(UUID patientId) {
        return calls.export(() -> api.fhirRecord(patientId));
    }

    /** plan-service's audit trail (admins). */
    public Page<AuditEntry> audit(UUID patientId, String actor, int page, int size) {
        return calls.read(() -> api.audit(patientId, actor, page, size));
    }

    public Plan create(NewPlan plan) {
        return calls.write(() -> api.create(plan));
    }

    public Plan change(UUID planId, PlanChange change) {
        return calls.write(() -> api.change(planId, change));
    }

    public Plan resume(UUID planId, UUID itemId, String reason) {
        return calls.write(() -> api.resume(planId, itemId, new Reason(reason)));
    }

    /**
     * Logs a session; {@code idempotencyKey} (null: none) is the key the patient's device made for a log it kept
     * offline, so plan-service stores it once however often the device sends it.
     */
    public SafetyOutcome logSession(UUID planId, String idempotencyKey, SessionLog session) {
        return calls.write(() -> api.logSession(planId, idempotencyKey, session));
    }

    public SafetyOutcome correctSession(UUID planId, UUID sessionId, SessionCorrection correction) {
        return calls.write(() -> api.correctSession(planId, sessionId, correction));
    }

    public Session withdrawSession(UUID planId, UUID sessionId, String reason) {
        return calls.write(() -> api.withdrawSession(planId, sessionId, new Reason(reason)));
    }

    public SafetyOutcome checkIn(CheckIn checkIn) {
        return calls.write(() -> api.checkIn(checkIn));
    }

    public Plan changeThresholds(UUID planId, Plan.Thresholds thresholds, String reason) {
        return calls.write(() -> api.changeThresholds(planId, new ThresholdsChange(thresholds, reason)));
    }

    public Hydration hydration(UUID planId) {
        return calls.read(() -> api.hydration(planId));
    }

    public Hydration setHydration(UUID planId, Hydration.Change change) {
        return calls.write(() -> api.setHydration(planId, change));
    }

    public Hydration clearHydration(UUID planId) {
        return calls.write(() -> api.clearHydration(planId));
    }

    public Adherence.Dismissal dismissProgression(UUID planId, int week, String reason) {
        return calls.write(() -> api.dismissProgression(planId, new ProgressionDismissal(week, reason)));
    }

    public Exercise createExercise(ExerciseChange exercise) {
        return calls.write(() -> api.createExercise(exercise));
    }

    public Exercise changeExercise(UUID id, ExerciseChange exercise) {
        return calls.write(() -> api.changeExercise(id, exercise));
    }

    public Exercise archiveExercise(UUID id) {
        return calls.write(() -> api.archiveExercise(id));
    }

    public Template saveTemplate(TemplateChange.FromPlan template) {
        return calls.write(() -> api.saveTemplate(template));
    }

    public Template changeTemplate(UUID id, TemplateChange template) {
        return calls.write(() -> api.changeTemplate(id, template));
    }

    /** Removes a picture or the video of the therapist's own entry (204; a refusal is a ServiceProblem). */
    public void removeMedia(UUID exerciseId, UUID mediaId) {
        calls.write(() -> api.removeMedia(exerciseId, mediaId)).close();
    }

    public void deleteTemplate(UUID id) {
        // 204 No Content: the answer's status is all there is (a refusal is a ServiceProblem from ProblemMapper)
        calls.write(() -> api.deleteTemplate(id)).close();
    }

    /** Whether the patient has a calendar feed, and since when (never its link). */
    public CalendarFeed calendarFeed() {
        return calls.read(() -> api.calendarFeed());
    }

    /** A new secret link for the patient's calendar, replacing any earlier one: the only time the link is known. */
    public CalendarFeed createCalendarFeed() {
        return calls.write(() -> api.createCalendarFeed());
    }

    public void revokeCalendarFeed() {
        calls.write(() -> api.revokeCalendarFeed()).close();
    }

    public Alert acknowledge(UUID alertId) {
        return calls.write(() -> api.acknowledge(alertId));
    }

    /** The outcome-measure instruments (patients and therapists: the enabled ones; admins: all). */
    public Page<Instrument> instruments() {
        return calls.read(() -> api.instruments());
    }

    /** One instrument with its FHIR Questionnaire (a disabled one is a 404 problem unless the caller is an admin). */
    public Instrument instrument(String key) {
        return calls.read(() -> api.instrument(key));
    }

    public Instrument.Terms instrumentTerms(String key) {
        return calls.read(() -> api.instrumentTerms(key));
    }

    public Instrument.Terms enableInstrument(String key, String termsVersion) {
        return calls.write(() -> api.enableInstrument(key, new Instrument.Acceptance(true, termsVersion)));
    }

    public Instrument importInstrument(Instrument.Import instrument) {
        return calls.write(() -> api.importInstrument(instrument));
    }

    public Page<Measure.Schedule> measureSchedules(UUID planId) {
        return calls.read(() -> api.measureSchedules(planId));
    }

    public Measure.Schedule attachMeasure(UUID planId, Measure.Attach attach) {
        return calls.write(() -> api.attachMeasure(planId, attach));
    }

    /** The questionnaires the signed-in patient is asked to answer now. */
    public Page<Measure.Due> dueMeasures() {
        return calls.read(() -> api.dueMeasures());
    }

    public Measure.Result answerMeasure(UUID scheduleId, java.util.Map<String, Object> answers) {
        return calls.write(() -> api.answerMeasure(scheduleId, new Measure.Answers(answers)));
    }

    public Measure.History scores(UUID patientId) {
        return calls.read(() -> api.scores(patientId));
    }
}
