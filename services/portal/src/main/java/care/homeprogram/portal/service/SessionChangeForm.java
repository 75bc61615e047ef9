package care.homeprogram.portal.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The form to correct or withdraw one of the patient's own sessions: the values as entered (or as logged, at first),
 * the messages next to fields ({@code form} for the whole form), and {@code closed}, set when plan-service said the
 * session can no longer be changed: then the page says why instead of showing the form.
 */
public record SessionChangeForm(UUID planId, UUID sessionId, String item, String when, Map<String, String> values,
        Map<String, String> errors, String closed) {

    /** The field names in the order they appear, so the error summary reads top to bottom. */
    private static final List<String> ORDER = List.of("painBefore", "painAfter", "symptoms", "setsDone", "repsDone",
            "note", "reason", "confirm", "form");

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public boolean hasError(String field) {
        return errors.containsKey(field);
    }

    public String error(String field) {
        return errors.get(field);
    }

    public boolean hasErrors() {
        return errors.keySet().stream().anyMatch(f -> !"form".equals(f));
    }

    /** The error summary: each message with the id of the field it links to. */
    public List<Problem> summary() {
        Map<String, String> sorted = new LinkedHashMap<>();
        ORDER.stream().filter(errors::containsKey).forEach(f -> sorted.put(f, errors.get(f)));
        errors.forEach(sorted::putIfAbsent);
        List<Problem> out = new ArrayList<>();
        sorted.forEach((field, message) -> {
            if (!"form".equals(field)) {
                // a group of checkboxes has no id of its own: the link goes to its first box
                String first = "symptom-" + Wording.SYMPTOMS.keySet().iterator().next();
                out.add(new Problem("symptoms".equals(field) ? first : field, message));
            }
        });
        return out;
    }

    /** The stop symptoms with the session form's wording, ticked as entered. */
    public List<Symptom> symptoms() {
        return Wording.SYMPTOMS.entrySet().stream()
                .map(e -> new Symptom(e.getKey(), e.getValue(), values.containsKey("symptom:" + e.getKey())))
                .toList();
    }

    public record Problem(String target, String message) {
    }

    public record Symptom(String code, String label, boolean checked) {
    }
}
