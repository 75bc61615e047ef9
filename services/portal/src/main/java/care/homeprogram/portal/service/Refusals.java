package care.homeprogram.portal.service;

import care.homeprogram.contract.Problem;
import care.homeprogram.portal.client.ServiceProblem;
import java.util.Map;
import java.util.Set;

/**
 * plan-service's refusals of what a patient sends, in the patient's words ({@link RefusalMessages}): plan-service
 * writes its {@code detail} and field messages in English. The refusals it is known to make (docs/api.md) have a key;
 * a refusal without one keeps plan-service's own words, so the patient is never told less than it said
 * (docs/portal.md, "Languages").
 */
public final class Refusals {
    /** The fields of the session forms (log, correct, withdraw) a message can stand next to. */
    private static final Set<String> SESSION_FORM_FIELDS = Set.of("painBefore", "painAfter", "symptoms", "setsDone",
            "repsDone", "note", "reason", "confirm");

    private Refusals() {
    }

    /** A session log or change refused as a whole, by plan-service's problem type; null for a type without a key. */
    public static String ofSession(ServiceProblem problem, RefusalMessages words) {
        return switch (problem.type() == null ? "" : problem.type()) {
            case "plan-not-active" -> words.session_planNotActive();
            case "item-paused" -> words.session_itemPaused();
            default -> null;
        };
    }

    /**
     * The errors of a refused session form: each of plan-service's field errors next to the form's field it names
     * ({@code symptoms[1]}, {@code correction.painAfter}: the last part, without an index), in the patient's words;
     * a field the form does not show, and a refusal without field errors, above the form. Where no key fits,
     * plan-service's message or detail; without one either, "not accepted".
     */
    public static void intoSessionForm(ServiceProblem problem, RefusalMessages words, Map<String, String> errors) {
        String whole = ofSession(problem, words);
        if (whole != null) {
            errors.put("form", whole);
            return;
        }
        for (Problem.FieldError e : problem.errors()) {
            String path = e.field() == null ? "" : e.field().replaceAll("\\[\\d+]$", "");
            String field = path.substring(path.lastIndexOf('.') + 1);
            String message = sessionField(field, words);
            if (SESSION_FORM_FIELDS.contains(field)) {
                errors.putIfAbsent(field, message == null ? e.message() : message);
            } else {
                errors.putIfAbsent("form", message == null ? e.message() : message);
            }
        }
        if (errors.isEmpty()) {
            errors.put("form", problem.detail() == null ? words.session_notAccepted() : problem.detail());
        }
    }

    /** A session field's refusal in the patient's words; null for a field without a key. */
    static String sessionField(String field, RefusalMessages words) {
        return switch (field) {
            case "painBefore", "painAfter" -> words.field_pain();
            case "setsDone" -> words.field_sets();
            case "repsDone" -> words.field_reps();
            case "symptoms" -> words.field_symptoms();
            case "note" -> words.field_note();
            case "reason" -> words.field_reason();
            case "performedAt" -> words.field_performedAt();
            case "itemId" -> words.field_item();
            default -> null;
        };
    }

    /** A questionnaire's answers refused as a whole, by plan-service's problem type; null for a type without a key. */
    public static String ofQuestionnaire(ServiceProblem problem, RefusalMessages words) {
        return switch (problem.type() == null ? "" : problem.type()) {
            case "measure-not-due" -> words.questionnaire_notDue();
            case "instrument-disabled" -> words.questionnaire_notInUse();
            default -> null;
        };
    }
}
