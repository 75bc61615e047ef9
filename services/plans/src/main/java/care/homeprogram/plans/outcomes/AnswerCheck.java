package care.homeprogram.plans.outcomes;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;

/**
 * Answers checked against the Questionnaire they answer, as the Questionnaire states them: every answer names an item
 * of it; required items (and required items of an answered group) are answered; an integer is whole and within the
 * item's {@code minValue}/{@code maxValue}; a string is within its {@code maxLength}; a choice is one of its answer
 * options. What passes becomes the QuestionnaireResponse's items and the values the {@link Scorer} reads. Pure.
 */
public final class AnswerCheck {
    public static final String MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue";
    public static final String MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue";
    public static final String ORDINAL_VALUE = "http://hl7.org/fhir/StructureDefinition/ordinalValue";
    /** Without a stated bound a number is still held to a sane one: no scale has answers beyond it. */
    static final double ABSURD = 1_000_000;
    static final int DEFAULT_MAX_LENGTH = 500;

    /** The checked answers as response items (in the Questionnaire's order) and as values for scoring. */
    public record Checked(List<QuestionnaireResponseItemComponent> items, Map<String, Double> values) {
    }

    private AnswerCheck() {
    }

    public static Checked check(Questionnaire questionnaire, ScoringRules rules, Map<String, JsonNode> answers) {
        if (answers == null || answers.isEmpty()) {
            throw new MeasureInputException("answers", "no answers");
        }
        Set<String> known = new HashSet<>();
        collect(questionnaire.getItem(), known);
        for (String linkId : answers.keySet()) {
            if (!known.contains(linkId)) {
                throw new MeasureInputException("answers." + abbreviate(linkId), "is not a question of "
                        + questionnaire.getTitle());
            }
        }
        Map<String, Double> values = new LinkedHashMap<>();
        List<QuestionnaireResponseItemComponent> items = items(questionnaire.getItem(), rules, answers, values,
                true);
        return new Checked(items, values);
    }

    private static List<QuestionnaireResponseItemComponent> items(List<QuestionnaireItemComponent> questions,
            ScoringRules rules, Map<String, JsonNode> answers, Map<String, Double> values, boolean enforceRequired) {
        List<QuestionnaireResponseItemComponent> items = new ArrayList<>();
        for (QuestionnaireItemComponent question : questions) {
            String field = "answers." + question.getLinkId();
            if (question.getType() == Questionnaire.QuestionnaireItemType.DISPLAY) {
                continue;
            }
            if (question.getType() == Questionnaire.QuestionnaireItemType.GROUP) {
                boolean answered = anyAnswered(question.getItem(), answers);
                if (!answered) {
                    if (enforceRequired && question.getRequired()) {
                        throw new MeasureInputException(field, "is required: " + question.getText());
                    }
                    continue;
                }
                QuestionnaireResponseItemComponent group = new QuestionnaireResponseItemComponent()
                        .setLinkId(question.getLinkId()).setText(question.getText());
                group.setItem(items(question.getItem(), rules, answers, values, true));
                items.add(group);
                continue;
            }
            JsonNode answer = answers.get(question.getLinkId());
            if (answer == null || answer.isNull() || (answer.isTextual() && answer.asText().isBlank())) {
                if (enforceRequired && question.getRequired()) {
                    throw new MeasureInputException(field, "is required: " + question.getText());
                }
                continue;
            }
            Type value = value(question, answer, field);
            QuestionnaireResponseItemComponent item = new QuestionnaireResponseItemComponent()
                    .setLinkId(question.getLinkId()).setText(question.getText());
            item.addAnswer().setValue(value);
            items.add(item);
            numeric(question, value, rules).ifPresent(v -> values.put(question.getLinkId(), v));
        }
        return items;
    }

    private static Type value(QuestionnaireItemComponent question, JsonNode answer, String field) {
        return switch (question.getType()) {
            case INTEGER -> {
                if (!answer.isIntegralNumber() || !answer.canConvertToInt()) {
                    throw new MeasureInputException(field, "must be a whole number");
                }
                int v = answer.intValue();
                inRange(question, v, field);
                yield new IntegerType(v);
            }
            case DECIMAL -> {
                if (!answer.isNumber()) {
                    throw new MeasureInputException(field, "must be a number");
                }
                inRange(question, answer.doubleValue(), field);
                yield new DecimalType(answer.decimalValue());
            }
            case BOOLEAN -> {
                if (!answer.isBoolean()) {
                    throw new MeasureInputException(field, "must be true or false");
                }
                yield new BooleanType(answer.booleanValue());
            }
            case STRING, TEXT -> {
                if (!answer.isTextual()) {
                    throw new MeasureInputException(field, "must be text");
                }
                int max = question.hasMaxLength() ? question.getMaxLength() : DEFAULT_MAX_LENGTH;
                String text = answer.asText().strip();
                if (text.length() > max) {
                    throw new MeasureInputException(field, "must be at most " + max + " characters");
                }
                yield new StringType(text);
            }
            case CHOICE -> {
                if (!answer.isTextual()) {
                    throw new MeasureInputException(field, "must be the code of one of its answers");
                }
                yield option(question, answer.asText()).map(o -> (Type) o.getValueCoding().copy())
                        .orElseThrow(() -> new MeasureInputException(field, "must be one of "
                                + String.join(", ", question.getAnswerOption().stream()
                                        .map(o -> o.getValueCoding().getCode()).toList())));
            }
            default -> throw new MeasureInputException(field, "cannot be answered here");
        };
    }

    private static void inRange(QuestionnaireItemComponent question, double v, String field) {
        double min = bound(question, MIN_VALUE).orElse(-ABSURD);
        double max = bound(question, MAX_VALUE).orElse(ABSURD);
        if (v < min || v > max) {
            throw new MeasureInputException(field, "must be between " + fmt(min) + " and " + fmt(max));
        }
    }

    static Optional<Double> bound(QuestionnaireItemComponent question, String url) {
        Extension extension = question.getExtensionByUrl(url);
        if (extension == null || !(extension.getValue() instanceof IntegerType
                || extension.getValue() instanceof DecimalType)) {
            return Optional.empty();
        }
        return Optional.of(Double.parseDouble(extension.getValue().primitiveValue()));
    }

    private static Optional<Questionnaire.QuestionnaireItemAnswerOptionComponent> option(
            QuestionnaireItemComponent question, String code) {
        return question.getAnswerOption().stream()
                .filter(o -> o.hasValueCoding() && code.equals(o.getValueCoding().getCode())).findFirst();
    }

    /** What an answer is worth to the scorer; empty for answers that are not scored (text). */
    static Optional<Double> numeric(QuestionnaireItemComponent question, Type value, ScoringRules rules) {
        if (value instanceof IntegerType i) {
            return Optional.of(i.getValue().doubleValue());
        }
        if (value instanceof DecimalType d) {
            return Optional.of(d.getValue().doubleValue());
        }
        if (value instanceof BooleanType b) {
            return Optional.of(b.booleanValue() ? 1.0 : 0.0);
        }
        if (value instanceof Coding coding) {
            return codeValue(question, coding.getCode(), rules);
        }
        return Optional.empty();
    }

    /** A code's value: the rules' answerValues (item, then "*"), the option's ordinalValue, or the code as a number. */
    static Optional<Double> codeValue(QuestionnaireItemComponent question, String code, ScoringRules rules) {
        Map<String, Map<String, Double>> table = rules.answerValues() == null ? Map.of() : rules.answerValues();
        for (String key : List.of(question.getLinkId(), "*")) {
            Double v = table.getOrDefault(key, Map.of()).get(code);
            if (v != null) {
                return Optional.of(v);
            }
        }
        Optional<Double> ordinal = option(question, code).map(o -> o.getValueCoding().getExtensionByUrl(ORDINAL_VALUE))
                .filter(e -> e != null && e.getValue() != null)
                .map(e -> Double.parseDouble(e.getValue().primitiveValue()));
        if (ordinal.isPresent()) {
            return ordinal;
        }
        try {
            return Optional.of(Double.parseDouble(code));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean anyAnswered(List<QuestionnaireItemComponent> questions, Map<String, JsonNode> answers) {
        for (QuestionnaireItemComponent q : questions) {
            JsonNode a = answers.get(q.getLinkId());
            if ((a != null && !a.isNull() && !(a.isTextual() && a.asText().isBlank()))
                    || anyAnswered(q.getItem(), answers)) {
                return true;
            }
        }
        return false;
    }

    static void collect(List<QuestionnaireItemComponent> questions, Set<String> linkIds) {
        for (QuestionnaireItemComponent q : questions) {
            linkIds.add(q.getLinkId());
            collect(q.getItem(), linkIds);
        }
    }

    /** Every item by linkId, groups included. */
    public static Map<String, QuestionnaireItemComponent> byLinkId(Questionnaire questionnaire) {
        Map<String, QuestionnaireItemComponent> all = new HashMap<>();
        walk(questionnaire.getItem(), all);
        return all;
    }

    private static void walk(List<QuestionnaireItemComponent> questions, Map<String, QuestionnaireItemComponent> all) {
        for (QuestionnaireItemComponent q : questions) {
            all.put(q.getLinkId(), q);
            walk(q.getItem(), all);
        }
    }

    /** Puts the checked items into a response. */
    public static QuestionnaireResponse into(QuestionnaireResponse response, Checked checked) {
        checked.items().forEach(response::addItem);
        return response;
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}
