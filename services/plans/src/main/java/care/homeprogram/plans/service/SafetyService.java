package care.homeprogram.plans.service;

import care.homeprogram.contract.Language;
import care.homeprogram.commons.outbox.Outbox;
import care.homeprogram.commons.problem.ProblemException;
import care.homeprogram.commons.security.CurrentUser;
import care.homeprogram.plans.api.CheckInOutcome;
import care.homeprogram.plans.api.CheckInRequest;
import care.homeprogram.plans.api.LogSessionRequest;
import care.homeprogram.plans.api.SessionCorrection;
import care.homeprogram.plans.api.SessionOutcome;
import care.homeprogram.plans.config.SafetyConfig;
import care.homeprogram.plans.config.SessionsConfig;
import care.homeprogram.plans.domain.CheckIn;
import care.homeprogram.plans.domain.Plan;
import care.homeprogram.plans.domain.PlanItem;
import care.homeprogram.plans.domain.SessionChange;
import care.homeprogram.plans.domain.SessionLog;
import care.homeprogram.contract.events.PlanEvents;
import care.homeprogram.plans.safety.AlertSpec;
import care.homeprogram.plans.safety.CheckInRules;
import care.homeprogram.plans.safety.Decision;
import care.homeprogram.plans.safety.Guidance;
import care.homeprogram.plans.safety.GuidanceText;
import care.homeprogram.plans.safety.RedFlag;
import care.homeprogram.plans.safety.SafetyOutcome;
import care.homeprogram.plans.safety.SessionRules;
import care.homeprogram.plans.safety.Symptom;
import care.homeprogram.plans.safety.Thresholds;
import care.homeprogram.plans.safety.TrafficLight;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Applies the safety rules to sessions and check-ins and carries out what they decide, in one transaction. */
@ApplicationScoped
public class SafetyService {
    private static final Logger LOG = Logger.getLogger(SafetyService.class);
    /** Asked after an amber session, in the patient's language (the message catalogue's follow-up). */
    static String followUpQuestion(Language language) {
        return GuidanceText.of(Guidance.FOLLOW_UP).in(language);
    }
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final PlanLifecycle plans;
    private final AlertService alerts;
    private final Outbox outbox;
    private final SafetyConfig config;
    private final SessionsConfig sessions;
    private final Clock clock;

    /** Whose plans the caller may log sessions on (field-injected: the constructor stays as it is). */
    @Inject
    PlanAccess access;

    /** Offline logs sent again with their Idempotency-Key (field-injected, like access). */
    @Inject
    SessionIdempotency idempotency;

    public SafetyService(PlanLifecycle plans, AlertService alerts, Outbox outbox, SafetyConfig config,
            SessionsConfig sessions, Clock clock) {
        this.plans = plans;
        this.alerts = alerts;
        this.outbox = outbox;
        this.config = config;
        this.sessions = sessions;
        this.clock = clock;
    }

    @Transactional
    public SessionOutcome logSession(CurrentUser patient, UUID planId, LogSessionRequest request) {
        return logSession(patient, planId, request, null, Language.EN);
    }

    /**
     * Logs a session once per {@code idempotencyKey} (null: no key, every call is a new session). The key is
     * claimed after the plan is locked and before anything is checked: a log sent again returns what the first one
     * answered, even when that answer paused the item it names.
     */
    @Transactional
    public SessionOutcome logSession(CurrentUser patient, UUID planId, LogSessionRequest request,
            String idempotencyKey, Language language) {
        SessionIdempotency.requireWellFormed(idempotencyKey);
        Plan plan = access.planToChange(patient, planId);
        if (idempotencyKey != null) {
            var earlier = idempotency.claim(patient.id(), idempotencyKey, planId, request);
            if (earlier.isPresent()) {
                LOG.infof("session log on plan %s replayed for its idempotency key", plan.id);
                return earlier.get();
            }
        }
        SessionOutcome outcome = judgeAndStore(plan, request, language);
        if (idempotencyKey != null) {
            idempotency.remember(patient.id(), idempotencyKey, outcome);
        }
        return outcome;
    }

    private SessionOutcome judgeAndStore(Plan plan, LogSessionRequest request, Language language) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (request.performedAt().isAfter(now.plus(CLOCK_SKEW))) {
            throw invalid("performedAt", "must not be in the future");
        }
        if (request.performedAt().isBefore(now.minusDays(config.sessionMaxAgeDays()))) {
            throw invalid("performedAt", "must be within the last " + config.sessionMaxAgeDays() + " days");
        }
        PlanItem item = plan.item(request.itemId())
                .orElseThrow(() -> invalid("itemId", "is not an item of this plan"));
        if (plan.status != Plan.Status.ACTIVE) {
            throw ProblemException.conflict("plan-not-active", "This plan is " + plan.status
                    + ": sessions can be logged only while it is active");
        }
        if (item.status == PlanItem.Status.PAUSED) {
            throw ProblemException.conflict("item-paused", item.name + " is paused (" + item.pausedReason
                    + "); your therapist will resume it when it is safe");
        }

        Set<Symptom> symptoms = request.symptoms() == null || request.symptoms().isEmpty()
                ? EnumSet.noneOf(Symptom.class) : EnumSet.copyOf(request.symptoms());
        Integer baseline = plan.baselinePain != null ? plan.baselinePain : request.painBefore();
        Boolean settled = item.amberFollowUpPending ? request.settledSinceLastSession() : null;
        Thresholds thresholds = config.thresholdsFor(plan.safetyThresholds);
        SafetyOutcome outcome = SessionRules.evaluate(request.painAfter(), symptoms, baseline, settled, thresholds);

        SessionLog session = new SessionLog();
        session.id = UUID.randomUUID();
        session.planId = plan.id;
        session.itemId = item.id;
        session.patientId = plan.patientId;
        session.performedAt = request.performedAt();
        session.setsDone = request.setsDone();
        session.repsDone = request.repsDone();
        session.painBefore = request.painBefore();
        session.painAfter = request.painAfter();
        session.symptoms = List.copyOf(symptoms);
        session.note = request.note();
        session.settledSinceLast = settled;
        session.decision = outcome.decision();
        session.trafficLight = outcome.trafficLight();
        session.reasons = outcome.reasons();
        session.createdAt = now;
        session.persist();

        if (plan.baselinePain == null) {
            plan.baselinePain = request.painBefore();
        }
        if (settled != null) {
            item.amberFollowUpPending = false;
        }
        if (outcome.askTomorrowIfSettled()) {
            item.amberFollowUpPending = true;
        }
        outbox.append(PlanEvents.SESSION_LOGGED, plan.patientId, new PlanEvents.SessionLogged(
                session.id, plan.id, plan.patientId, item.id, session.performedAt));
        if (outcome.decision() == Decision.ITEM_PAUSED) {
            String reasonCode = outcome.alerts().isEmpty() ? "SAFETY_RULE" : outcome.alerts().get(0).reasonCode();
            plans.pauseItemBySafetyRule(plan, item, String.join(", ", outcome.reasons()), reasonCode);
        }
        for (AlertSpec spec : outcome.alerts()) {
            alerts.raise(plan.patientId, plan.id, item.id, spec);
        }
        // What the patient reported and what it meant (traffic light, pause) is clinical: the record has it, the log not.
        LOG.infof("session %s logged on plan %s item %s", session.id, plan.id, item.id);
        String followUp = item.amberFollowUpPending && settled == null && !outcome.askTomorrowIfSettled()
                ? followUpQuestion(language) : null;
        return new SessionOutcome(session.id, outcome.decision(), outcome.reasons(), outcome.text().in(language),
                outcome.trafficLight(), item.id, item.status, !outcome.alerts().isEmpty(), followUp);
    }

    /**
     * The patient who logged a session corrects it, within the correction window: the values before are kept with
     * who, when and why, and the safety rules judge the corrected values as they would a new session. A correction
     * can pause the item and raise alerts, but never clears either: an alert stays until a therapist acknowledges it,
     * a paused item until a therapist resumes it. An alert is raised only for what the session had not reported yet
     * (a new symptom, a new band): correcting a note does not report the same pain again.
     */
    @Transactional
    public SessionOutcome correct(CurrentUser patient, UUID planId, UUID sessionId, SessionCorrection correction,
            Language language) {
        Plan plan = access.planToChange(patient, planId);
        SessionLog session = sessionLocked(plan, sessionId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (session.withdrawn()) {
            throw ProblemException.conflict("session-withdrawn", "This session was withdrawn at " + session.withdrawnAt
                    + " and can no longer be corrected");
        }
        requireCorrectable(session, now);
        PlanItem item = plan.items.stream().filter(i -> i.id.equals(session.itemId)).findFirst().orElseThrow();
        boolean latestOfItem = SessionLog.latestCountedOfItem(item.id).map(s -> s.id.equals(session.id)).orElse(false);

        // What this session has reported so far, as logged and as corrected since: reported once is enough.
        Set<String> reportedBefore = new HashSet<>(session.reasons);
        SessionChange.ofSessions(List.of(session.id)).forEach(c -> reportedBefore.addAll(c.previous.reasons()));
        recordChange(session, SessionChange.Kind.CORRECTED, patient, now, correction.reason());
        if (setTheBaseline(session)) {
            plan.baselinePain = correction.painBefore();
        }
        Set<Symptom> symptoms = correction.symptoms() == null || correction.symptoms().isEmpty()
                ? EnumSet.noneOf(Symptom.class) : EnumSet.copyOf(correction.symptoms());
        Integer baseline = plan.baselinePain != null ? plan.baselinePain : correction.painBefore();
        Thresholds thresholds = config.thresholdsFor(plan.safetyThresholds);
        SafetyOutcome outcome = SessionRules.evaluate(correction.painAfter(), symptoms, baseline,
                session.settledSinceLast, thresholds);
        List<AlertSpec> added = outcome.alerts().stream().filter(a -> outcome.reasons().stream()
                .filter(r -> !reportedBefore.contains(r))
                .anyMatch(r -> r.equals(a.reasonCode()) || r.startsWith(a.reasonCode() + ":"))).toList();

        session.setsDone = correction.setsDone();
        session.repsDone = correction.repsDone();
        session.painBefore = correction.painBefore();
        session.painAfter = correction.painAfter();
        session.symptoms = List.copyOf(symptoms);
        session.note = correction.note();
        session.decision = outcome.decision();
        session.trafficLight = outcome.trafficLight();
        session.reasons = outcome.reasons();
        session.correctedAt = now;

        if (latestOfItem && item.status == PlanItem.Status.ACTIVE) {
            // The follow-up asks about the item's latest session: it follows that session's corrected band.
            item.amberFollowUpPending = outcome.askTomorrowIfSettled();
        }
        outbox.append(PlanEvents.SESSION_CORRECTED, plan.patientId, new PlanEvents.SessionCorrected(
                session.id, plan.id, plan.patientId, item.id, session.performedAt, now));
        boolean closed = plan.status == Plan.Status.COMPLETED || plan.status == Plan.Status.REVOKED;
        if (outcome.decision() == Decision.ITEM_PAUSED && item.status == PlanItem.Status.ACTIVE && !added.isEmpty()
                && !closed) {
            plans.pauseItemBySafetyRule(plan, item, "corrected session: " + String.join(", ", outcome.reasons()),
                    added.get(0).reasonCode());
        }
        for (AlertSpec spec : added) {
            alerts.raise(plan.patientId, plan.id, item.id, spec);
        }
        LOG.infof("session %s on plan %s item %s corrected by the patient", session.id, plan.id, item.id);
        GuidanceText guidance = outcome.text();
        if (item.status == PlanItem.Status.PAUSED && outcome.decision() != Decision.ITEM_PAUSED) {
            guidance = guidance.then(Guidance.STILL_PAUSED);
        } else if (item.status != PlanItem.Status.PAUSED && outcome.decision() == Decision.ITEM_PAUSED) {
            // Nothing new: a therapist resumed the item after this very report; pausing it again would do so silently.
            guidance = GuidanceText.of(Guidance.ALREADY_REVIEWED);
        }
        return new SessionOutcome(session.id, outcome.decision(), outcome.reasons(), guidance.in(language),
                outcome.trafficLight(),
                item.id, item.status, !added.isEmpty(), null);
    }

    /**
     * The patient who logged a session withdraws it, within the correction window: it stays in the history, marked
     * withdrawn with who, when and why, but no longer counts for adherence or pain history. What it set off stays:
     * its alerts until a therapist acknowledges them, a pause until a therapist resumes the item. Withdrawing again
     * changes nothing (the first withdrawal stays).
     */
    @Transactional
    public void withdraw(CurrentUser patient, UUID planId, UUID sessionId, String reason) {
        Plan plan = access.planToChange(patient, planId);
        SessionLog session = sessionLocked(plan, sessionId);
        if (session.withdrawn()) {
            return;
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        requireCorrectable(session, now);
        PlanItem item = plan.items.stream().filter(i -> i.id.equals(session.itemId)).findFirst().orElseThrow();
        boolean latestOfItem = SessionLog.latestCountedOfItem(item.id).map(s -> s.id.equals(session.id)).orElse(false);
        boolean setTheBaseline = setTheBaseline(session);

        recordChange(session, SessionChange.Kind.WITHDRAWN, patient, now, reason);
        session.withdrawnAt = now;
        if (setTheBaseline) {
            // The baseline is the pain before the first session: now the first one that counts, or the next logged.
            SessionLog.<SessionLog>find("planId = ?1 and withdrawnAt is null order by createdAt, id", plan.id)
                    .firstResultOptional().ifPresentOrElse(first -> plan.baselinePain = first.painBefore,
                            () -> plan.baselinePain = null);
        }
        if (latestOfItem && session.trafficLight == TrafficLight.AMBER && item.status == PlanItem.Status.ACTIVE) {
            // No question about pain after a session that is withdrawn.
            item.amberFollowUpPending = false;
        }
        outbox.append(PlanEvents.SESSION_WITHDRAWN, plan.patientId, new PlanEvents.SessionWithdrawn(
                session.id, plan.id, plan.patientId, item.id, session.performedAt, now));
        LOG.infof("session %s on plan %s withdrawn by the patient", session.id, plan.id);
    }

    @Transactional
    public CheckInOutcome checkIn(CurrentUser patient, CheckInRequest request, Language language) {
        EnumMap<RedFlag, Boolean> answers = new EnumMap<>(RedFlag.class);
        for (RedFlag flag : RedFlag.values()) {
            answers.put(flag, Boolean.TRUE.equals(request.answers().get(flag)));
        }
        SafetyOutcome outcome = CheckInRules.evaluate(answers);
        CheckIn checkIn = new CheckIn();
        checkIn.id = UUID.randomUUID();
        checkIn.patientId = patient.id();
        checkIn.answers = answers;
        checkIn.decision = outcome.decision();
        checkIn.createdAt = OffsetDateTime.now(clock);
        checkIn.persist();

        List<UUID> onHold = new ArrayList<>();
        if (outcome.decision() == Decision.SEEK_CARE_NOW) {
            // Locked: of two emergency check-ins at the same moment, the second waits and finds the plans on hold.
            for (Plan plan : Plan.activeOfLocked(patient.id())) {
                plans.holdForEmergency(plan);
                onHold.add(plan.id);
            }
        }
        // A check-in is about the patient, not a plan: its alert names none, so a repeat (the plans are on hold by
        // then) finds the same open alert. The plans put on hold are in the outcome and in each plan's history.
        for (AlertSpec spec : outcome.alerts()) {
            alerts.raise(patient.id(), null, null, spec);
        }
        LOG.infof("check-in %s of patient %s recorded", checkIn.id, patient.id());
        return new CheckInOutcome(checkIn.id, outcome.decision(), outcome.reasons(), outcome.text().in(language), onHold,
                !outcome.alerts().isEmpty());
    }

    /** Locked: a correction and a withdrawal of the same session at the same moment happen one after the other. */
    private static SessionLog sessionLocked(Plan plan, UUID sessionId) {
        return SessionLog.<SessionLog>findByIdOptional(sessionId, LockModeType.PESSIMISTIC_WRITE)
                .filter(s -> s.planId.equals(plan.id))
                .orElseThrow(() -> ProblemException.notFound("Session " + sessionId));
    }

    private void requireCorrectable(SessionLog session, OffsetDateTime now) {
        Duration window = sessions.correctionWindow();
        if (now.isAfter(session.createdAt.plus(window))) {
            throw ProblemException.conflict("correction-window-closed", "A session can be corrected or withdrawn "
                    + "within " + describe(window) + " of logging it; this one was logged at " + session.createdAt
                    + ". Tell your therapist if something in it was wrong.");
        }
    }

    private static String describe(Duration window) {
        return window.toMinutes() % 60 == 0 ? window.toHours() + " hours" : window.toMinutes() + " minutes";
    }

    /** The plan's baseline is the pain before its first session that counts: is this the one? */
    private static boolean setTheBaseline(SessionLog session) {
        return SessionLog.<SessionLog>find("planId = ?1 and withdrawnAt is null order by createdAt, id", session.planId)
                .firstResultOptional().map(first -> first.id.equals(session.id)).orElse(false);
    }

    private static void recordChange(SessionLog session, SessionChange.Kind kind, CurrentUser patient,
            OffsetDateTime now, String reason) {
        SessionChange change = new SessionChange();
        change.id = UUID.randomUUID();
        change.sessionId = session.id;
        change.change = kind;
        change.previous = SessionChange.Values.of(session);
        change.changedBy = patient.id();
        change.changedAt = now;
        change.reason = reason;
        change.persist();
    }

    private static ProblemException invalid(String field, String message) {
        return ProblemException.invalidField(field, message);
    }
}
