package care.homeprogram.plans.service;

import care.homeprogram.commons.problem.ProblemException;
import care.homeprogram.commons.security.CurrentUser;
import care.homeprogram.plans.domain.PatientProfile;
import care.homeprogram.plans.domain.Plan;
import care.homeprogram.plans.safety.HydrationRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * The patient's daily drink target on their plan (docs/clinical-rules.md, rule 8): only a therapist in the care team
 * sets it, only after confirming the fluid-restriction caution, within the configured bounds; each change is a new
 * plan version. The guide's 3–4 L is offered to the therapist as a suggestion, withheld for a patient whose intake
 * shows a fluid or salt restriction, and never set by itself.
 */
@ApplicationScoped
public class HydrationService {
    public static final String CAUTION = "Check for a fluid or salt restriction before setting a target: heart or "
            + "kidney disease, high blood pressure, or a doctor's advice to limit fluids or salt. Confirm with "
            + "fluidRestrictionChecked: true.";

    /** A plan's target and what the therapist needs to set it. */
    public record Hydration(UUID planId, BigDecimal targetLitres, HydrationRules.Suggestion suggestion,
            List<String> restrictions, BigDecimal minLitres, BigDecimal maxLitres, String caution) {
    }

    private final HydrationRules rules;
    private final PlanLifecycle plans;

    /** Whose plans the caller may set a target on (field-injected: the constructor stays as it is). */
    @Inject
    PlanAccess access;

    public HydrationService(HydrationRules rules, PlanLifecycle plans) {
        this.rules = rules;
        this.plans = plans;
    }

    @Transactional
    public Hydration get(CurrentUser therapist, UUID planId) {
        return view(access.planToChange(therapist, planId));
    }

    @Transactional
    public Hydration set(CurrentUser therapist, UUID planId, BigDecimal litres, Boolean restrictionChecked,
            String reason) {
        Plan plan = open(access.planToChange(therapist, planId));
        HydrationRules.Problem problem = rules.check(litres, Boolean.TRUE.equals(restrictionChecked)).orElse(null);
        if (problem == HydrationRules.Problem.CONFIRMATION_MISSING) {
            throw new ProblemException(400, "hydration-caution-not-confirmed", "Fluid-restriction caution not confirmed",
                    CAUTION + restrictionNote(plan));
        }
        if (problem == HydrationRules.Problem.OUT_OF_RANGE) {
            throw ProblemException.invalidField("targetLitres", "must be between "
                    + rules.minLitres().toPlainString() + " and " + rules.maxLitres().toPlainString() + " litres");
        }
        BigDecimal target = litres.stripTrailingZeros();
        if (plan.hydrationTargetLitres == null || plan.hydrationTargetLitres.compareTo(target) != 0) {
            plan.hydrationTargetLitres = litres;
            plans.recordChange(plan, therapist.id(), "hydration target " + target.toPlainString() + " L a day: "
                    + reason);
        }
        return view(plan);
    }

    @Transactional
    public Hydration clear(CurrentUser therapist, UUID planId) {
        Plan plan = open(access.planToChange(therapist, planId));
        if (plan.hydrationTargetLitres != null) {
            plan.hydrationTargetLitres = null;
            plans.recordChange(plan, therapist.id(), "hydration target removed");
        }
        return view(plan);
    }

    private Hydration view(Plan plan) {
        List<String> flags = intakeFlags(plan.patientId);
        return new Hydration(plan.id, plan.hydrationTargetLitres, rules.suggestion(flags).orElse(null),
                rules.restrictions(flags), rules.minLitres(), rules.maxLitres(), CAUTION);
    }

    private String restrictionNote(Plan plan) {
        List<String> restrictions = rules.restrictions(intakeFlags(plan.patientId));
        return restrictions.isEmpty() ? ""
                : " This patient's intake shows " + String.join(", ", restrictions) + ".";
    }

    private static List<String> intakeFlags(UUID patientId) {
        PatientProfile profile = PatientProfile.findById(patientId);
        return profile == null ? List.of() : profile.intakeFlags;
    }

    private static Plan open(Plan plan) {
        if (plan.status == Plan.Status.COMPLETED || plan.status == Plan.Status.REVOKED) {
            throw ProblemException.conflict("plan-closed", "A " + plan.status + " plan cannot be edited");
        }
        return plan;
    }
}
