package care.homeprogram.plans.outcomes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one scorer: applies an instrument's {@link ScoringRules} to the values of its answered items. Pure; the
 * published rules it implements are in docs/clinical-rules.md.
 */
public final class Scorer {
    /** One computed score, with the band it falls into (or null). */
    public record Score(String id, BigDecimal value, String band) {
    }

    private Scorer() {
    }

    /**
     * Every score of the rules, in their order. {@code values}: linkId to the answer's value (see
     * {@link AnswerCheck#values}); an item absent is unanswered.
     *
     * @throws MeasureInputException when a score has more unanswered items than its rule allows
     */
    public static List<Score> score(ScoringRules rules, Map<String, Double> values) {
        Map<String, BigDecimal> computed = new LinkedHashMap<>();
        for (ScoringRules.ScoreRule rule : rules.scores()) {
            value(rule, values).ifPresent(v -> computed.put(rule.id(), v));
        }
        List<Score> scores = new ArrayList<>();
        for (ScoringRules.ScoreRule rule : rules.scores()) {
            BigDecimal value = computed.get(rule.id());
            if (value != null) {
                scores.add(new Score(rule.id(), value, band(rule, computed)));
            }
        }
        return scores;
    }

    private static Optional<BigDecimal> value(ScoringRules.ScoreRule rule, Map<String, Double> values) {
        List<Double> answered = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String item : rule.items()) {
            Double v = values.get(item);
            if (v == null) {
                missing.add(item);
            } else {
                answered.add(v);
            }
        }
        if (answered.isEmpty() && rule.optional()) {
            return Optional.empty();
        }
        if (missing.size() > rule.allowedMissing() || answered.isEmpty()) {
            throw new MeasureInputException("answers." + missing.getFirst(), rule.title() + " needs at least "
                    + (rule.items().size() - rule.allowedMissing()) + " of its " + rule.items().size()
                    + " items answered; unanswered: " + String.join(", ", missing));
        }
        double sum = answered.stream().mapToDouble(Double::doubleValue).sum();
        double value = switch (rule.method()) {
            case VALUE -> answered.getFirst();
            case SUM -> sum;
            case AVERAGE -> sum / answered.size();
            case PERCENT_OF_ANSWERED_MAX -> sum / (rule.itemMax() * answered.size()) * 100;
        };
        // Two decimals: an average of five 0–10 items is exact at two, a percentage is shown as the tools publish it.
        return Optional.of(BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros());
    }

    private static String band(ScoringRules.ScoreRule rule, Map<String, BigDecimal> computed) {
        if (rule.bands() == null) {
            return null;
        }
        for (ScoringRules.Band band : rule.bands()) {
            if (band.when().stream().allMatch(c -> holds(c, computed))) {
                return band.band();
            }
        }
        return null;
    }

    private static boolean holds(ScoringRules.Condition condition, Map<String, BigDecimal> computed) {
        BigDecimal v = computed.get(condition.score());
        if (v == null) {
            return false;
        }
        return (condition.min() == null || v.doubleValue() >= condition.min())
                && (condition.max() == null || v.doubleValue() <= condition.max());
    }
}
