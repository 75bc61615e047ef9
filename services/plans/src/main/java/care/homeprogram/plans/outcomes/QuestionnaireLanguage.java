package care.homeprogram.plans.outcomes;

import care.homeprogram.contract.Language;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemAnswerOptionComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;

/**
 * A Questionnaire's wording in a reader's language, by FHIR's own mechanism: the translation extension
 * ({@value #TRANSLATION}: {@code lang} and {@code content}) on the wording's primitive elements ({@code _title},
 * {@code _text}, {@code _display}...), so a translated Questionnaire stays one valid resource with one canonical URL,
 * and the answers (linkIds and codes) are the same whichever language the questions were read in.
 *
 * <p>The wording a patient reads is localized: the title, description and copyright, each item's text and prefix,
 * and each coded answer option's display. Values that are answers themselves (a {@code valueString} option) never
 * are: the answer must match the Questionnaire whichever language it was read in.
 */
public final class QuestionnaireLanguage {
    public static final String TRANSLATION = "http://hl7.org/fhir/StructureDefinition/translation";

    private QuestionnaireLanguage() {
    }

    /**
     * The Questionnaire as a reader of {@code language} reads it. In the language it is written in (its
     * {@code language}, English when it names none) it is returned as it is, translations included, for a FHIR client
     * to choose from. Otherwise a copy: each wording element with a translation into {@code language} reads that
     * translation, one without keeps its original words (the fallback is per element), and the translation extensions
     * are left out of the copy, since they translate words it no longer holds.
     */
    public static Questionnaire in(Questionnaire questionnaire, Language language) {
        if (writtenIn(questionnaire) == language) {
            return questionnaire;
        }
        Questionnaire copy = questionnaire.copy();
        localize(copy.getTitleElement(), language);
        localize(copy.getDescriptionElement(), language);
        localize(copy.getCopyrightElement(), language);
        localizeItems(copy.getItem(), language);
        return copy;
    }

    /** The title as a reader of {@code language} reads it, if the Questionnaire has one. */
    public static Optional<String> title(Questionnaire questionnaire, Language language) {
        if (!questionnaire.hasTitle()) {
            return Optional.empty();
        }
        if (writtenIn(questionnaire) == language) {
            return Optional.of(questionnaire.getTitle());
        }
        return Optional.of(translation(questionnaire.getTitleElement(), language).orElse(questionnaire.getTitle()));
    }

    /** The translation of one element into {@code language} ({@code es-MX} counts as Spanish), if it has one. */
    public static Optional<String> translation(PrimitiveType<?> element, Language language) {
        for (Extension translation : element.getExtensionsByUrl(TRANSLATION)) {
            Extension lang = translation.getExtensionByUrl("lang");
            Extension content = translation.getExtensionByUrl("content");
            if (lang != null && content != null && lang.hasValue() && content.hasValue()
                    && Language.ofTag(lang.getValue().primitiveValue()).orElse(null) == language
                    && !content.getValue().primitiveValue().isBlank()) {
                return Optional.of(content.getValue().primitiveValue());
            }
        }
        return Optional.empty();
    }

    /** The language the Questionnaire's own words are in: its {@code language}, English when it names none. */
    private static Language writtenIn(Questionnaire questionnaire) {
        return questionnaire.hasLanguage() ? Language.ofTag(questionnaire.getLanguage()).orElse(null) : Language.EN;
    }

    private static void localizeItems(List<QuestionnaireItemComponent> items, Language language) {
        for (QuestionnaireItemComponent item : items) {
            localize(item.getTextElement(), language);
            localize(item.getPrefixElement(), language);
            for (QuestionnaireItemAnswerOptionComponent option : item.getAnswerOption()) {
                if (option.hasValueCoding()) {
                    localize(option.getValueCoding().getDisplayElement(), language);
                }
            }
            localizeItems(item.getItem(), language);
        }
    }

    private static void localize(PrimitiveType<?> element, Language language) {
        if (!element.hasExtension()) {
            return;
        }
        Optional<String> translated = translation(element, language);
        element.getExtension().removeIf(e -> TRANSLATION.equals(e.getUrl()));
        translated.ifPresent(element::setValueAsString);
    }
}
