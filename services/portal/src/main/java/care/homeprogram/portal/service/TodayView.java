package care.homeprogram.portal.service;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The patient's "Today": the items due on their local date, each with how to do it and a form to log a session;
 * paused items with why; plans on hold. {@code plans} is unavailable when plan-service is down. {@code intakeDue}: the
 * patient has not answered the intake screen yet (first sign-in), so the page asks them to. {@code questionnairesDue}:
 * how many outcome-measure questionnaires the patient is asked to answer now (0 also when plan-service cannot say).
 */
public record TodayView(Section<List<PlanToday>> plans, Section<Integer> unread, SessionForm form,
        boolean intakeDue, int questionnairesDue) {

    public boolean nothingToday() {
        return plans.available() && plans.value().stream().allMatch(p -> p.due().isEmpty() && p.paused().isEmpty()
                && !p.onHold());
    }

    /**
     * {@code hydrationLitres}: the therapist's daily drink target in words ("2.5"), null when none is set;
     * {@code thresholds}: the plan's pain bands, which the page keeps on the phone so that a session logged offline
     * is judged at once by the stop rules (plan-service's decision replaces it when sent); null when unknown.
     */
    public record PlanToday(UUID planId, String date, String timeZone, int week, boolean onHold, List<Due> due,
            List<Paused> paused, String hydrationLitres, care.homeprogram.portal.client.Plan.Thresholds thresholds) {
    }

    public record Due(UUID planId, UUID itemId, String name, String dose, String summary, List<String> instructions,
            List<String> cautions, String whySafe, int timerSeconds, String timerText, boolean hold, int timesPerDay,
            long doneToday, String followUpQuestion, String noteToPatient,
            List<care.homeprogram.portal.client.Media> media) {

        public List<care.homeprogram.portal.client.Media> images() {
            return media.stream().filter(m -> !m.isVideo()).toList();
        }

        public care.homeprogram.portal.client.Media video() {
            return media.stream().filter(care.homeprogram.portal.client.Media::isVideo).findFirst().orElse(null);
        }

        public boolean hasContent() {
            return instructions != null && !instructions.isEmpty();
        }

        public boolean hasCautions() {
            return cautions != null && !cautions.isEmpty();
        }

        public boolean done() {
            return doneToday >= timesPerDay;
        }
    }

    public record Paused(String name, String reason) {
    }

    /**
     * A session form posted back with errors: which item, what was typed, and a message per field. Empty when
     * nothing was posted.
     */
    public record SessionForm(UUID itemId, Map<String, String> values, Map<String, String> errors) {
        public static final SessionForm NONE = new SessionForm(null, Map.of(), Map.of());

        public boolean isFor(UUID item) {
            return item.equals(itemId);
        }

        public String value(UUID item, String field, String otherwise) {
            return isFor(item) && values.containsKey(field) ? values.get(field) : otherwise;
        }

        public String error(UUID item, String field) {
            return isFor(item) ? errors.get(field) : null;
        }

        public boolean checked(UUID item, String symptom) {
            return isFor(item) && values.containsKey("symptom:" + symptom);
        }
    }
}
