package care.homeprogram.plans.service;

import care.homeprogram.commons.outbox.Outbox;
import care.homeprogram.commons.problem.ProblemException;
import care.homeprogram.commons.security.CurrentUser;
import care.homeprogram.plans.config.SafetyConfig;
import care.homeprogram.plans.domain.CheckIn;
import care.homeprogram.plans.domain.Plan;
import care.homeprogram.plans.domain.PlanItem;
import care.homeprogram.plans.domain.SessionLog;
import care.homeprogram.plans.events.PlanEvents;
import care.homeprogram.plans.rest.CheckInOutcome;
import care.homeprogram.plans.rest.CheckInRequest;
import care.homeprogram.plans.rest.LogSessionRequest;
import care.homeprogram.plans.rest.SessionOutcome;
import care.homeprogram.plans.safety.AlertSpec;
import care.homeprogram.plans.safety.CheckInRules;
import care.homeprogram.plans.safety.Decision;
import care.homeprogram.plans.safety.RedFlag;
import care.homeprogram.plans.safety.SafetyOutcome;
import care.homeprogram.plans.safety.SessionRules;
import care.homeprogram.plans.safety.Symptom;
import care.homeprogram.plans.safety.Thresholds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Applies the safety rules to sessions and check-ins and carries out what they decide, in one transaction. */
@ApplicationScoped
public class SafetyService {
    private static final Logger LOG = Logger.getLogger(SafetyService.class);
    static final String FOLLOW_UP_QUESTION = "Last time your pain was in the amber band. Did it settle within 24 hours "
            + "and was it back to your usual level the next morning? (settledSinceLastSession: true or false)";
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final PlanService plans;
    private final AlertService alerts;
    private final Outbox outbox;
    private final SafetyConfig config;
    private final Clock clock;

    public SafetyService(PlanService plans, AlertService alerts, Outbox outbox, SafetyConfig config, Clock clock) {
        this.plans = plans;
        this.alerts = alerts;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    @Transactional
    public SessionOutcome logSession(CurrentUser patient, UUID planId, LogSessionRequest request) {
        // A draft stays with the therapist: to the patient it does not exist.
        Plan plan = Plan.byId(planId).filter(p -> p.patientId.equals(patient.id()) && p.status != Plan.Status.DRAFT)
                .orElseThrow(() -> ProblemException.notFound("Plan " + planId));
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
        Thresholds thresholds = plan.safetyThresholds != null ? plan.safetyThresholds : config.thresholds();
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
        outbox.append(PlanEvents.TOPIC, PlanEvents.SESSION_LOGGED, plan.patientId, new PlanEvents.SessionLogged(
                session.id, plan.id, plan.patientId, item.id, session.performedAt));
        if (outcome.decision() == Decision.ITEM_PAUSED) {
            String reasonCode = outcome.alerts().isEmpty() ? "SAFETY_RULE" : outcome.alerts().get(0).reasonCode();
            plans.pauseItemBySafetyRule(plan, item, String.join(", ", outcome.reasons()), reasonCode);
        }
        for (AlertSpec spec : outcome.alerts()) {
            alerts.raise(plan.patientId, plan.id, item.id, spec);
        }
        LOG.infof("session %s on plan %s item %s: %s %s", session.id, plan.id, item.id, outcome.decision(),
                outcome.trafficLight());
        String followUp = item.amberFollowUpPending && settled == null && !outcome.askTomorrowIfSettled()
                ? FOLLOW_UP_QUESTION : null;
        return new SessionOutcome(session.id, outcome.decision(), outcome.reasons(), outcome.guidance(),
                outcome.trafficLight(), item.id, item.status, !outcome.alerts().isEmpty(), followUp);
    }

    @Transactional
    public CheckInOutcome checkIn(CurrentUser patient, CheckInRequest request) {
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
        LOG.infof("check-in %s of patient %s: %s", checkIn.id, patient.id(), outcome.decision());
        return new CheckInOutcome(checkIn.id, outcome.decision(), outcome.reasons(), outcome.guidance(), onHold,
                !outcome.alerts().isEmpty());
    }

    private static ProblemException invalid(String field, String message) {
        return ProblemException.invalidField(field, message);
    }
}
