package care.homeprogram.plans.service;

import care.homeprogram.commons.outbox.Outbox;
import care.homeprogram.commons.problem.ProblemException;
import care.homeprogram.commons.security.CurrentUser;
import care.homeprogram.plans.api.CreatePlanRequest;
import care.homeprogram.plans.api.PlanView;
import care.homeprogram.plans.api.UpdatePlanRequest;
import care.homeprogram.plans.domain.Plan;
import care.homeprogram.plans.domain.PlanItem;
import care.homeprogram.contract.events.EventType;
import care.homeprogram.contract.events.PlanEvents;
import care.homeprogram.plans.events.PlanEventData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * A plan's lifecycle: created (draft or assigned), changed, paused and put on hold by the safety rules, resumed,
 * ended (draft → active ⇄ on-hold → completed | revoked), with the intake sign-off at activation. Every change is a
 * new version ({@link PlanContent#recordVersion}) and an event that tells the rest of the platform.
 */
@ApplicationScoped
public class PlanLifecycle {
    private static final Logger LOG = Logger.getLogger(PlanLifecycle.class);

    private final PlanAccess access;
    private final PlanContent content;
    private final PlanSchedule schedule;
    private final PlanService plans;
    private final IntakeGate intake;
    private final Outbox outbox;
    private final Clock clock;

    public PlanLifecycle(PlanAccess access, PlanContent content, PlanSchedule schedule, PlanService plans,
            IntakeGate intake, Outbox outbox, Clock clock) {
        this.access = access;
        this.content = content;
        this.schedule = schedule;
        this.plans = plans;
        this.intake = intake;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public PlanView create(CurrentUser therapist, CreatePlanRequest request) {
        access.requirePatient(therapist, request.patientId());
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
        plan.startDate = schedule.localDate(request.patientId());
        plan.createdAt = now;
        plan.updatedAt = now;
        plan.safetyThresholds = request.safetyThresholds();
        plan.acute = Boolean.TRUE.equals(request.acute());
        if (request.templateId() != null) {
            content.addFromTemplate(plan, request.templateId(), therapist.id());
        } else {
            content.replaceItems(plan, request.items(), therapist.id());
        }
        content.requireAllowedContent(plan);
        if (status == Plan.Status.ACTIVE) {
            intake.requireForActivation(plan, therapist, request.intakeSignOff());
        }
        plan.persist();
        content.keepAssignedContent(plan);
        content.recordVersion(plan, therapist.id(), "created");
        if (plan.status == Plan.Status.ACTIVE) {
            outbox.append(PlanEvents.PLAN_ASSIGNED, plan.id, PlanEventData.schedule(plan));
        }
        LOG.infof("plan %s (%s) created for patient %s by %s", plan.id, plan.status, plan.patientId, therapist.id());
        return plans.view(plan, plan.version);
    }

    /** Status, items and thresholds in one change: a new version with who, when and why. */
    @Transactional
    public PlanView update(CurrentUser therapist, UUID planId, UpdatePlanRequest request) {
        Plan plan = access.planToChange(therapist, planId);
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
            content.replaceItems(plan, request.items(), therapist.id());
        }
        if (request.acute() != null) {
            plan.acute = request.acute();
        }
        if (request.items() != null || request.acute() != null) {
            content.requireAllowedContent(plan);
            content.keepAssignedContent(plan);
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
                    plan.startDate = schedule.localDate(plan.patientId);
                }
            }
            plan.status = request.status();
        }
        newVersion(plan, therapist.id(), request.reason());
        EventType<PlanEvents.PlanSchedule> type = before == Plan.Status.DRAFT && plan.status == Plan.Status.ACTIVE
                ? PlanEvents.PLAN_ASSIGNED : PlanEvents.PLAN_CHANGED;
        outbox.append(type, plan.id, PlanEventData.schedule(plan));
        LOG.infof("plan %s changed to version %d (%s) by %s", plan.id, plan.version, plan.status, therapist.id());
        return plans.view(plan, plan.version);
    }

    /** A change made elsewhere in plan-service (the hydration target): a new version, announced like any other. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordChange(Plan plan, UUID changedBy, String reason) {
        newVersion(plan, changedBy, reason);
        outbox.append(PlanEvents.PLAN_CHANGED, plan.id, PlanEventData.schedule(plan));
    }

    /** Called by the safety rules in the session's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void pauseItemBySafetyRule(Plan plan, PlanItem item, String reasons, String reasonCode) {
        item.status = PlanItem.Status.PAUSED;
        item.pausedReason = reasons;
        item.amberFollowUpPending = false;
        newVersion(plan, plan.patientId, "safety rule paused " + item.name + ": " + reasons);
        outbox.append(PlanEvents.ITEM_PAUSED, plan.id,
                new PlanEvents.ItemPaused(plan.id, plan.patientId, item.id, reasonCode));
    }

    /** Emergency red flags: the plan goes on hold until a therapist decides. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void holdForEmergency(Plan plan) {
        plan.status = Plan.Status.ON_HOLD;
        newVersion(plan, plan.patientId, "on hold: emergency red flags reported in a check-in");
        outbox.append(PlanEvents.PLAN_CHANGED, plan.id, PlanEventData.schedule(plan));
    }

    /** New intake flags after activation: on hold until a therapist signs them off (see {@link IntakeGate}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void holdPendingIntakeSignOff(Plan plan, List<String> flags) {
        plan.status = Plan.Status.ON_HOLD;
        newVersion(plan, plan.patientId, "on hold: intake screening flagged " + String.join(", ", flags)
                + " after activation; a therapist's sign-off is needed");
        outbox.append(PlanEvents.PLAN_CHANGED, plan.id, PlanEventData.schedule(plan));
    }

    @Transactional
    public PlanView resumeItem(CurrentUser therapist, UUID planId, UUID itemId, String reason) {
        Plan plan = access.planToChange(therapist, planId);
        PlanItem item = plan.item(itemId).orElseThrow(() -> ProblemException.notFound("Item " + itemId));
        if (item.status != PlanItem.Status.PAUSED) {
            throw ProblemException.conflict("item-not-paused", item.name + " is not paused");
        }
        item.status = PlanItem.Status.ACTIVE;
        item.pausedReason = null;
        newVersion(plan, therapist.id(), "resumed " + item.name + ": " + reason);
        outbox.append(PlanEvents.ITEM_RESUMED, plan.id,
                new PlanEvents.ItemResumed(plan.id, plan.patientId, item.id, therapist.id()));
        return plans.view(plan, plan.version);
    }

    /** The next version of the plan, as it now is, by whom and why. */
    private void newVersion(Plan plan, UUID changedBy, String reason) {
        plan.version++;
        plan.updatedAt = OffsetDateTime.now(clock);
        content.recordVersion(plan, changedBy, reason);
    }
}
