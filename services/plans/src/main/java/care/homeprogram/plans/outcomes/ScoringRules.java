package care.homeprogram.plans.outcomes;

import care.homeprogram.contract.Language;
import java.util.List;
import java.util.Map;

/**
 * How one instrument is scored, as data (a JSON document shipped beside its Questionnaire or imported with it): which
 * answers are worth what, which scores are computed from which items and how, how many items may be missing, the bands
 * a score falls into, and the smallest change that counts. {@link Scorer} interprets it; no instrument is code.
 *
 * @param answerValues per linkId (or {@code "*"} for every item) the value of an answer code; a code not listed here
 *        is worth its answer option's {@code ordinalValue} extension, or the code read as a number
 * @param termsVersion for {@link Licence#TERMS}: the version of the terms an admin must accept to enable it
 */
public record ScoringRules(String instrument, String title, Licence licence, String termsVersion,
        List<String> sources, String requiredItems, Map<String, Map<String, Double>> answerValues,
        List<ScoreRule> scores) {

    /** Whether the instrument may be used as shipped. */
    public enum Licence {
        /** Free to use: enabled as shipped. */
        FREE,
        /** Shipped, but disabled until an admin accepts the owner's terms. */
        TERMS,
        /** Not shipped: the clinic imports the Questionnaire it is licensed to use. */
        BRING_YOUR_OWN
    }

    /** How a score combines its items' values. */
    public enum Method {
        /** The one item's value. */
        VALUE,
        /** The sum of the answered items. */
        SUM,
        /** The mean of the answered items. */
        AVERAGE,
        /** sum / (itemMax × answered items) × 100 (with every item answered, the same as sum / (itemMax × items)). */
        PERCENT_OF_ANSWERED_MAX
    }

    /**
     * One score.
     *
     * @param minAnswered the fewest answered items to compute it (default: all but {@code maxMissing})
     * @param maxMissing the most unanswered items it may be computed without (default 0)
     * @param optional when none of its items is answered the score is left out instead of refused
     * @param bands first matching rule wins; a rule's conditions may read other scores of the same response
     * @param titleTranslations the title in other languages, by language tag ({@code es}, {@code de}): the score's
     *        name as a patient reads it beside the translated Questionnaire; none for an instrument whose owner's
     *        wording may not be translated (STarT Back) or whose rules name none (most imported ones)
     */
    public record ScoreRule(String id, String title, Method method, List<String> items, Integer minAnswered,
            Integer maxMissing, Double itemMax, Double min, Double max, String unit, boolean optional, Code code,
            Double minimalDetectableChange, Double minimalImportantChange, String changeSource, List<Band> bands,
            Map<String, String> bandNotes, String bandSource, Map<String, String> titleTranslations) {

        /**
         * The title a reader of {@code language} reads: its translation where the rules carry one (a regional tag
         * such as {@code es-MX} counts as Spanish), else the title as written (English for the shipped rules).
         */
        public String title(Language language) {
            if (titleTranslations == null) {
                return title;
            }
            return titleTranslations.entrySet().stream()
                    .filter(t -> Language.ofTag(t.getKey()).orElse(null) == language && t.getValue() != null
                            && !t.getValue().isBlank())
                    .map(Map.Entry::getValue).findFirst().orElse(title);
        }
        public int allowedMissing() {
            return minAnswered != null ? items.size() - minAnswered : maxMissing == null ? 0 : maxMissing;
        }

        /** The change that counts: the minimal detectable change, else the minimal important change. */
        public Double threshold() {
            return minimalDetectableChange != null ? minimalDetectableChange : minimalImportantChange;
        }
    }

    /** The code an Observation of the score carries. */
    public record Code(String system, String code, String display) {
    }

    /** A band the score falls into when every condition holds. */
    public record Band(String band, List<Condition> when) {
    }

    /** {@code min <= score <= max}, either bound optional. */
    public record Condition(String score, Double min, Double max) {
    }
}
