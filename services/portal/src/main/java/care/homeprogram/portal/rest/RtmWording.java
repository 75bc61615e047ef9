package care.homeprogram.portal.rest;

import care.homeprogram.contract.Problem;
import care.homeprogram.portal.client.ServiceProblem;
import care.homeprogram.portal.service.Forms;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * plan-service's RTM refusals in the therapist's words, and the month the RTM pages are asked for. A refusal the
 * portal knows by its type gets a sentence saying what to do; any other keeps plan-service's own explanation.
 */
final class RtmWording {
    private static final Map<String, String> PROBLEMS = Map.of(
            "rtm-consent-missing", "Record the patient's consent to remote monitoring first: the setup, the timer "
                    + "and time entries need it.",
            "rtm-consent-recorded", "The patient's consent is already recorded: it is recorded once.",
            "rtm-setup-recorded", "The setup and education (98975) is already recorded for this patient.",
            "rtm-timer-running", "Your timer for this patient is already running: stop it before starting another.",
            "rtm-timer-not-running", "You have no timer running for this patient (it may have been stopped in "
                    + "another window). Start it again, or enter the time below.");

    private RtmWording() {
    }

    static String problem(ServiceProblem problem) {
        return PROBLEMS.getOrDefault(problem.type(), problem.detail());
    }

    /**
     * plan-service's field errors next to the form's fields ({@code fields}: the API's name → the form's), anything
     * else as the form's message.
     */
    static void reject(Forms form, ServiceProblem problem, Map<String, String> fields) {
        boolean placed = false;
        for (Problem.FieldError error : problem.errors()) {
            String field = error.field() == null ? "" : error.field();
            String formField = fields.get(field.substring(field.lastIndexOf('.') + 1));
            if (formField != null) {
                form.reject(formField, capitalise(error.message()));
                placed = true;
            }
        }
        if (!placed) {
            form.reject("form", problem(problem));
        }
    }

    /** A month written {@code YYYY-MM}; anything else is a 400 page saying how to write it. */
    static YearMonth month(String text) {
        if (text.matches("\\d{4}-\\d{2}")) {
            try {
                return YearMonth.parse(text);
            } catch (DateTimeParseException e) {
                // a month 13: the same answer as any other text
            }
        }
        throw new ServiceProblem(400, "validation", "The month must be written as YYYY-MM, for example 2026-12.",
                List.of(new Problem.FieldError("month", "must be written as YYYY-MM")));
    }

    private static String capitalise(String message) {
        return message == null || message.isEmpty() ? "Invalid"
                : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}
