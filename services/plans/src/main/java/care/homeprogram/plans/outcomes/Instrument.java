package care.homeprogram.plans.outcomes;

import care.homeprogram.contract.Language;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;

/**
 * An outcome measure: a FHIR Questionnaire and the rules that score it.
 *
 * @param shipped true for the instruments HomeProgram ships, false for a Questionnaire an admin imported
 * @param enabled whether therapists may attach it and patients answer it
 */
public record Instrument(String key, Questionnaire questionnaire, ScoringRules rules, boolean shipped,
        boolean enabled) {

    public String title() {
        return questionnaire.hasTitle() ? questionnaire.getTitle() : rules.title();
    }

    /** The title a reader of {@code language} reads: the Questionnaire's translated where it has a translation. */
    public String title(Language language) {
        return QuestionnaireLanguage.title(questionnaire, language).orElse(rules.title());
    }

    /** The canonical {@code url|version} a QuestionnaireResponse of it names. */
    public String canonical() {
        return questionnaire.getUrl() + (questionnaire.hasVersion() ? "|" + questionnaire.getVersion() : "");
    }

    /**
     * The Questionnaire can be scored by the rules: every item a score reads is a question of it whose answers the
     * scorer can value, and every answer option of a scored choice has a value.
     *
     * @throws MeasureInputException naming the first item that does not fit
     */
    public static void requireScorable(Questionnaire questionnaire, ScoringRules rules, String field) {
        if (!questionnaire.hasUrl() || questionnaire.getUrl().length() > 255) {
            throw new MeasureInputException(field + ".url", "a Questionnaire needs a canonical url (at most 255 "
                    + "characters)");
        }
        if (rules.scores() == null || rules.scores().isEmpty()) {
            throw new MeasureInputException("scoring", "names no score");
        }
        Map<String, QuestionnaireItemComponent> items = AnswerCheck.byLinkId(questionnaire);
        Set<Questionnaire.QuestionnaireItemType> numeric = Set.of(Questionnaire.QuestionnaireItemType.INTEGER,
                Questionnaire.QuestionnaireItemType.DECIMAL, Questionnaire.QuestionnaireItemType.BOOLEAN,
                Questionnaire.QuestionnaireItemType.CHOICE);
        for (ScoringRules.ScoreRule score : rules.scores()) {
            if (score.items() == null || score.items().isEmpty() || score.method() == null) {
                throw new MeasureInputException("scoring." + score.id(), "needs a method and items");
            }
            if (score.method() == ScoringRules.Method.PERCENT_OF_ANSWERED_MAX
                    && (score.itemMax() == null || score.itemMax() <= 0)) {
                throw new MeasureInputException("scoring." + score.id(), "needs itemMax above 0");
            }
            for (String linkId : score.items()) {
                QuestionnaireItemComponent item = items.get(linkId);
                if (item == null || !numeric.contains(item.getType())) {
                    throw new MeasureInputException(field + ".item." + linkId, "the " + rules.title()
                            + " scoring needs a question with linkId " + linkId + " answered by a number or a choice");
                }
                if (item.getType() == Questionnaire.QuestionnaireItemType.CHOICE) {
                    if (!item.hasAnswerOption()) {
                        throw new MeasureInputException(field + ".item." + linkId, "a choice needs answer options");
                    }
                    for (Questionnaire.QuestionnaireItemAnswerOptionComponent option : item.getAnswerOption()) {
                        if (!option.hasValueCoding() || AnswerCheck.codeValue(item, option.getValueCoding().getCode(),
                                rules).isEmpty()) {
                            throw new MeasureInputException(field + ".item." + linkId, "every answer option needs a "
                                    + "coded value worth a number (ordinalValue extension or a numeric code)");
                        }
                    }
                }
            }
        }
    }
}
