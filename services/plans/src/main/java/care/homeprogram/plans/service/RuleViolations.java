package care.homeprogram.plans.service;

import care.homeprogram.contract.Problem;
import care.homeprogram.commons.problem.ProblemException;
import care.homeprogram.plans.safety.PlanContentRules;
import java.util.List;

/**
 * A 400 problem for broken content rules: one stable {@code type} per kind of request (a plan's or template's items:
 * {@code plan-content}; a therapist's own exercise: {@code exercise-content}), the sentences in {@code detail} and one
 * entry per violation in {@code errors}, naming the request field, so a form can show each next to its field.
 */
final class RuleViolations extends ProblemException {
    static final String PLAN_CONTENT = "plan-content";
    static final String EXERCISE_CONTENT = "exercise-content";

    private final transient List<Problem.FieldError> errors;

    private RuleViolations(String slug, String title, List<PlanContentRules.Violation> violations) {
        super(400, slug, title, String.join("; ", violations.stream().map(PlanContentRules.Violation::message)
                .toList()));
        this.errors = violations.stream().map(v -> new Problem.FieldError(v.field(), v.message())).toList();
    }

    static void requireNone(String slug, String title, List<PlanContentRules.Violation> violations) {
        if (!violations.isEmpty()) {
            throw new RuleViolations(slug, title, violations);
        }
    }

    @Override
    public List<Problem.FieldError> errors() {
        return errors;
    }
}
