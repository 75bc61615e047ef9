package care.homeprogram.portal.service;

import care.homeprogram.contract.Problem;
import care.homeprogram.portal.client.ServiceProblem;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * A FHIR R4 Questionnaire as a form: its items in order (a group as a fieldset with its own questions), what the
 * patient typed, and plan-service's messages next to the items they name ({@code answers.<linkId>}). plan-service owns
 * the rules (required items, ranges, lengths): the portal only renders what the Questionnaire says and sends the
 * answers given, so the two never disagree.
 */
public record QuestionnaireForm(UUID scheduleId, String title, String description, String copyright,
        List<Group> groups, Map<String, String> errors) {

    private static final String MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue";
    private static final String MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue";
    /** A range this small is a row of radio buttons (0–10 is eleven); a wider one a number field. */
    private static final int RADIO_RANGE = 10;

    /** The Questionnaire's items with the values typed ({@code values} by linkId; empty for a new form). */
    public static QuestionnaireForm of(UUID scheduleId, String title, JsonNode questionnaire,
            Map<String, String> values) {
        List<Group> groups = new ArrayList<>();
        for (JsonNode item : questionnaire.path("item")) {
            if ("group".equals(item.path("type").asText())) {
                List<Question> questions = new ArrayList<>();
                for (JsonNode child : item.path("item")) {
                    questions.add(question(child, values));
                }
                groups.add(new Group(item.path("linkId").asText(), item.path("text").asText(null),
                        item.path("required").asBoolean(false), questions));
            } else if (!"display".equals(item.path("type").asText())) {
                groups.add(new Group(item.path("linkId").asText(), null, true, List.of(question(item, values))));
            }
        }
        return new QuestionnaireForm(scheduleId, questionnaire.path("title").asText(title),
                questionnaire.path("description").asText(null), questionnaire.path("copyright").asText(null),
                groups, new LinkedHashMap<>());
    }

    private static Question question(JsonNode item, Map<String, String> values) {
        String type = item.path("type").asText();
        Integer min = extension(item, MIN_VALUE);
        Integer max = extension(item, MAX_VALUE);
        List<Option> options = new ArrayList<>();
        for (JsonNode option : item.path("answerOption")) {
            if (option.has("valueCoding")) {
                JsonNode coding = option.get("valueCoding");
                options.add(new Option(coding.path("code").asText(),
                        coding.path("display").asText(coding.path("code").asText())));
            } else if (option.has("valueString")) {
                options.add(new Option(option.get("valueString").asText(), option.get("valueString").asText()));
            } else if (option.has("valueInteger")) {
                options.add(new Option(option.get("valueInteger").asText(), option.get("valueInteger").asText()));
            }
        }
        String kind = switch (type) {
            case "integer" -> min != null && max != null && max - min <= RADIO_RANGE ? "scale" : "number";
            case "decimal" -> "number";
            case "choice", "coding" -> "choice";
            case "boolean" -> "boolean";
            case "text" -> "text";
            default -> "string";
        };
        if ("scale".equals(kind)) {
            IntStream.rangeClosed(min, max).forEach(v -> options.add(new Option(String.valueOf(v), String.valueOf(v))));
        }
        String linkId = item.path("linkId").asText();
        return new Question(linkId, item.path("text").asText(linkId), kind, type,
                item.path("required").asBoolean(false), min, max,
                item.has("maxLength") ? item.get("maxLength").asInt() : null, options,
                values.getOrDefault(linkId, ""));
    }

    private static Integer extension(JsonNode item, String url) {
        for (JsonNode extension : item.path("extension")) {
            if (url.equals(extension.path("url").asText()) && extension.has("valueInteger")) {
                return extension.get("valueInteger").asInt();
            }
        }
        return null;
    }

    /**
     * The answers to send: each item answered, as its type says (a number that is not one is sent as typed, so
     * plan-service names it). An optional group left wholly empty (PSFS's fourth and fifth activity) is left out.
     */
    public Map<String, Object> answers() {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (Group group : groups) {
            if (!group.required() && group.questions().stream().allMatch(q -> q.value().isBlank())) {
                continue;
            }
            for (Question q : group.questions()) {
                String value = q.value().strip();
                if (value.isEmpty()) {
                    continue;
                }
                answers.put(q.linkId(), switch (q.type()) {
                    case "integer" -> value.matches("-?\\d{1,9}") ? (Object) Integer.valueOf(value) : value;
                    case "decimal" -> value.matches("-?\\d{1,9}(\\.\\d{1,6})?") ? (Object) new BigDecimal(value) : value;
                    case "boolean" -> "true".equals(value) ? (Object) Boolean.TRUE
                            : "false".equals(value) ? (Object) Boolean.FALSE : value;
                    default -> value;
                });
            }
        }
        return answers;
    }

    /**
     * plan-service's refusal in the patient's words ({@link Refusals}; plan-service writes English for everyone): next
     * to each item it names, "answer this question" when it was left empty, else "not accepted, check it"; a
     * questionnaire no longer due or in use as the form's message; what names no item of this form keeps
     * plan-service's detail (no key fits).
     */
    public void reject(ServiceProblem problem, RefusalMessages words) {
        String whole = Refusals.ofQuestionnaire(problem, words);
        if (whole != null) {
            errors.putIfAbsent("form", whole);
            return;
        }
        boolean placed = false;
        for (Problem.FieldError error : problem.errors()) {
            String field = error.field() == null ? "" : error.field();
            String linkId = field.startsWith("answers.") ? field.substring("answers.".length()) : field;
            if (has(linkId)) {
                errors.putIfAbsent(linkId, answered(linkId) ? words.questionnaire_answer()
                        : words.questionnaire_unanswered());
                placed = true;
            }
        }
        if (!placed) {
            errors.putIfAbsent("form", problem.detail() == null ? words.questionnaire_notRecorded() : problem.detail());
        }
    }

    private boolean answered(String linkId) {
        return groups.stream().flatMap(g -> g.questions().stream())
                .anyMatch(q -> q.linkId().equals(linkId) && q.value() != null && !q.value().isBlank());
    }

    private boolean has(String linkId) {
        return groups.stream().flatMap(g -> g.questions().stream()).anyMatch(q -> q.linkId().equals(linkId));
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public boolean hasError(String linkId) {
        return errors.containsKey(linkId);
    }

    public String error(String linkId) {
        return errors.get(linkId);
    }

    /** The error summary in the form's order, each linking to its field. */
    public List<SummaryLine> summary() {
        List<SummaryLine> summary = new ArrayList<>();
        for (Group group : groups) {
            for (Question q : group.questions()) {
                if (errors.containsKey(q.linkId())) {
                    summary.add(new SummaryLine(q.fieldId(), (group.heading() == null ? "" : group.heading() + ": ")
                            + errors.get(q.linkId())));
                }
            }
        }
        return summary;
    }

    /** A top-level item: a group of questions with a heading, or one question on its own (no heading). */
    public record Group(String linkId, String heading, boolean required, List<Question> questions) {
    }

    /**
     * One item. {@code kind}: {@code scale} (an integer range of at most eleven values, as radio buttons),
     * {@code number}, {@code choice}, {@code boolean}, {@code text} or {@code string}.
     */
    public record Question(String linkId, String text, String kind, String type, boolean required, Integer min,
            Integer max, Integer maxLength, List<Option> options, String value) {

        /** The field's HTML id ("q-" keeps it a valid id whatever the linkId starts with). */
        public String fieldId() {
            return "q-" + linkId.replaceAll("[^A-Za-z0-9_-]", "_");
        }

        public boolean is(String option) {
            return option.equals(value);
        }
    }

    public record Option(String value, String label) {
    }

    /** An error summary line: the message and the id of the field it links to. */
    public record SummaryLine(String target, String message) {
    }
}
