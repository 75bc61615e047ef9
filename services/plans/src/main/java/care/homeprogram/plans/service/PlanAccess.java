package care.homeprogram.plans.service;

import care.homeprogram.commons.audit.AuditContext;
import care.homeprogram.commons.problem.ProblemException;
import care.homeprogram.commons.security.CurrentUser;
import care.homeprogram.plans.domain.Alert;
import care.homeprogram.plans.domain.CareTeamMember;
import care.homeprogram.plans.domain.Plan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * plan-service's one ownership gate: whose plans, sessions, alerts and records a caller may read or change. Every
 * read and write of the service asks it, so the rule is written once:
 * <ul>
 * <li>a patient: their own, never a draft (it stays with the therapist until it is assigned);</li>
 * <li>a therapist: the patients of their care team, drafts included;</li>
 * <li>anyone else (an admin): nobody's.</li>
 * </ul>
 * Which role may call which operation stays on the resources ({@code @RolesAllowed}); this decides whose data. A
 * denial is 404, as if the thing did not exist. The patient is named in the audit record as soon as the thing is
 * found, before the check, so a denied attempt is on the patient's record too.
 */
@ApplicationScoped
public class PlanAccess {
    private final AuditContext audit;

    public PlanAccess(AuditContext audit) {
        this.audit = audit;
    }

    /** A plan the caller may read. */
    public Plan plan(CurrentUser caller, UUID planId) {
        return allowed(caller, Plan.byId(planId), planId);
    }

    /**
     * A plan the caller may change, locked until the transaction ends (see {@link Plan#byIdLocked}): a therapist
     * editing it, a patient logging, correcting or withdrawing a session of it.
     */
    public Plan planToChange(CurrentUser caller, UUID planId) {
        return allowed(caller, Plan.byIdLocked(planId), planId);
    }

    /** The caller may see this patient's data (their plans, their record); else 404 for the patient. */
    public void requirePatient(CurrentUser caller, UUID patientId) {
        audit.concernsPatient(patientId);
        if (!mayAccess(caller, patientId)) {
            throw ProblemException.notFound("Patient " + patientId);
        }
    }

    /** The patient's plans as the caller may see them, newest first: drafts only for the care team. */
    public List<Plan> plansOf(CurrentUser caller, UUID patientId) {
        requirePatient(caller, patientId);
        return Plan.ofPatient(patientId).stream().filter(p -> seesDraft(caller, p.status)).toList();
    }

    /** A draft (a plan, or a version of it, before it was assigned) is shown to the care team only. */
    public boolean seesDraft(CurrentUser caller, Plan.Status status) {
        return status != Plan.Status.DRAFT || caller.isTherapist();
    }

    /** The alerts of the caller's patients ({@code status} null: all but merged ones), newest first. */
    public List<Alert> alerts(CurrentUser caller, Alert.Status status) {
        List<Alert> alerts = caller.isTherapist() ? Alert.forTherapist(caller.id(), status) : List.of();
        audit.concernsPatients(alerts.stream().map(a -> a.patientId).toList()); // a record per patient listed
        return alerts;
    }

    /** An alert the caller may act on (acknowledge), locked until the transaction ends. */
    public Alert alertToChange(CurrentUser caller, UUID alertId) {
        return Alert.<Alert>findByIdOptional(alertId, LockModeType.PESSIMISTIC_WRITE)
                .map(a -> attributed(a, a.patientId))
                .filter(a -> caller.isTherapist() && mayAccess(caller, a.patientId))
                .orElseThrow(() -> ProblemException.notFound("Alert " + alertId));
    }

    private Plan allowed(CurrentUser caller, Optional<Plan> found, UUID planId) {
        return found.map(p -> attributed(p, p.patientId))
                .filter(p -> mayAccess(caller, p.patientId) && seesDraft(caller, p.status))
                .orElseThrow(() -> ProblemException.notFound("Plan " + planId));
    }

    /** The patient is named in the audit record whether or not the caller may then see the thing. */
    private <T> T attributed(T found, UUID patientId) {
        audit.concernsPatient(patientId);
        return found;
    }

    private static boolean mayAccess(CurrentUser caller, UUID patientId) {
        return (caller.isPatient() && caller.id().equals(patientId))
                || (caller.isTherapist() && CareTeamMember.inCare(patientId, caller.id()));
    }
}
