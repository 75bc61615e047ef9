package care.homeprogram.plans.service;

import care.homeprogram.commons.problem.ProblemException;
import care.homeprogram.commons.security.CurrentUser;
import care.homeprogram.plans.client.IntakeStatus;
import care.homeprogram.plans.client.PatientsClient;
import care.homeprogram.plans.domain.Plan;
import care.homeprogram.plans.safety.AlertSpec;
import care.homeprogram.plans.safety.Severity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Intake screening gates a plan's activation (docs/clinical-rules.md, "Intake gates activation"). At activation the
 * screen is asked of patient-service itself, with the therapist's token, not read from the projection: a flag
 * recorded a moment ago must not be missed. A patient never screened gets no active plan; flags that need a
 * sign-off need the therapist's {@code intakeSignOff} for exactly those flags; if patient-service cannot answer,
 * activation is refused, never allowed. Flags recorded after activation put the patient's active plans on hold
 * until a therapist signs them off, with a HIGH alert to the care team.
 */
@ApplicationScoped
public class IntakeGate {
    public static final String INTAKE_FLAGS_AFTER_ACTIVATION = "INTAKE_FLAGS_AFTER_ACTIVATION";
    private static final Logger LOG = Logger.getLogger(IntakeGate.class);

    private final PatientsClient patients;
    private final Instance<JsonWebToken> token;
    private final Clock clock;
    private final PlanLifecycle plans;
    private final AlertService alerts;

    /** PlanLifecycle asks this gate at activation and this gate asks it to hold plans: both are proxied beans. */
    public IntakeGate(PatientsClient patients, Instance<JsonWebToken> token, Clock clock, PlanLifecycle plans,
            AlertService alerts) {
        this.patients = patients;
        this.token = token;
        this.clock = clock;
        this.plans = plans;
        this.alerts = alerts;
    }

    /**
     * Refuses the activation of the plan unless patient-service confirms a screen whose flags are signed off; records
     * the sign-off (who, when, which flags) on the plan when the therapist gives it.
     */
    public void requireForActivation(Plan plan, CurrentUser therapist, Boolean signOff) {
        PatientsClient.IntakeLookup lookup = patients.intake(plan.patientId, token.get().getRawToken());
        if (!lookup.available()) {
            throw new ProblemException(503, "intake-unavailable", "Intake screening could not be checked",
                    "patient-service did not answer, so this patient's intake screening could not be confirmed and "
                            + "the plan was not activated. Try again in a minute, or save the plan as a draft.");
        }
        IntakeStatus intake = lookup.status()
                .orElseThrow(() -> ProblemException.notFound("Patient " + plan.patientId));
        if (intake.screenedAt() == null) {
            throw ProblemException.conflict("intake-screening-required", "This patient has no intake screening "
                    + "yet: record it (the patient at first sign-in, or you on their page) before the plan becomes "
                    + "active; you can save the plan as a draft meanwhile");
        }
        if (!intake.requiresSignOff() || plan.intakeSignedOffFlags.containsAll(intake.flagsOrNone())) {
            return;
        }
        if (!Boolean.TRUE.equals(signOff)) {
            throw ProblemException.conflict("intake-sign-off-required", "This patient's intake screening flagged "
                    + String.join(", ", intake.flagsOrNone()) + ": confirm you have reviewed them (intakeSignOff: "
                    + "true) before the plan becomes active");
        }
        plan.intakeSignedOffBy = therapist.id();
        plan.intakeSignedOffAt = OffsetDateTime.now(clock);
        plan.intakeSignedOffFlags = new ArrayList<>(intake.flagsOrNone());
    }

    /**
     * A screen recorded after activation (IntakeScreened): every active plan of the patient whose sign-off does not
     * cover the new flags goes on hold, with a HIGH alert asking the care team to review them. Runs in the event's
     * transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int flagsRecorded(UUID patientId, List<String> flags, boolean requiresSignOff) {
        if (!requiresSignOff) {
            return 0;
        }
        int held = 0;
        for (Plan plan : Plan.ofPatient(patientId)) {
            if (plan.status != Plan.Status.ACTIVE || plan.intakeSignedOffFlags.containsAll(flags)) {
                continue;
            }
            plans.holdPendingIntakeSignOff(plan, flags);
            alerts.raise(patientId, plan.id, null, new AlertSpec(Severity.HIGH, INTAKE_FLAGS_AFTER_ACTIVATION,
                    "Intake screening recorded after activation flagged " + String.join(", ", flags)
                            + ": the plan is on hold until you review the flags and reactivate it with your sign-off"));
            held++;
        }
        if (held > 0) {
            LOG.infof("intake flags of patient %s after activation: %d plan(s) on hold", patientId, held);
        }
        return held;
    }
}
