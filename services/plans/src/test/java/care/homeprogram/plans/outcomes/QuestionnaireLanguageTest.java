package care.homeprogram.plans.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import care.homeprogram.contract.Language;
import care.homeprogram.plans.service.InstrumentCatalog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The outcome measures' wording in the reader's language through FHIR's translation extension: the shipped pain NRS
 * and PSFS read fully in Spanish and German, an imported Questionnaire reads what it carries and keeps its original
 * words elsewhere, and the answers (linkIds, codes) are the same in every language, so a response read in one scores
 * exactly as in English. Plain JUnit.
 */
class QuestionnaireLanguageTest {
    private static final FhirContext FHIR = FhirContext.forR4();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static Questionnaire shipped(String key) {
        return InstrumentCatalog.shippedQuestionnaire(FHIR, key);
    }

    /** Every wording element a patient reads: title, description, then each item's text, depth first. */
    private static List<String> wording(Questionnaire questionnaire) {
        List<String> words = new ArrayList<>(List.of(questionnaire.getTitle(), questionnaire.getDescription()));
        addTexts(questionnaire.getItem(), words);
        return words;
    }

    private static void addTexts(List<QuestionnaireItemComponent> items, List<String> words) {
        for (QuestionnaireItemComponent item : items) {
            words.add(item.getText());
            item.getAnswerOption().forEach(o -> words.add(o.getValueCoding().getDisplay()));
            addTexts(item.getItem(), words);
        }
    }

    /** What answers are given against: the items' linkIds, types, bounds and answer codes, in order. */
    private static String answerShape(Questionnaire questionnaire) {
        StringBuilder shape = new StringBuilder();
        AnswerCheck.byLinkId(questionnaire).forEach((linkId, item) -> {
            shape.append(linkId).append(':').append(item.getType()).append(':').append(item.getRequired())
                    .append(':').append(item.getMaxLength());
            item.getExtension().forEach(e -> shape.append(':').append(e.getUrl()).append('=')
                    .append(e.getValue().primitiveValue()));
            item.getAnswerOption().forEach(o -> shape.append(':').append(o.getValueCoding().getSystem()).append('|')
                    .append(o.getValueCoding().getCode()));
            shape.append('\n');
        });
        return shape.toString();
    }

    private static String json(Questionnaire questionnaire) {
        return FHIR.newJsonParser().encodeResourceToString(questionnaire);
    }

    @Test
    void thePainScaleReadsInSpanishAndGermanWithUsted() {
        Questionnaire spanish = QuestionnaireLanguage.in(shipped("pain-nrs"), Language.ES);
        assertThat(spanish.getTitle()).isEqualTo("Escala numérica de dolor (0–10)");
        assertThat(spanish.getItemFirstRep().getText()).isEqualTo("En una escala de 0 (sin dolor) a 10 (el peor "
                + "dolor imaginable), ¿cuánto dolor ha tenido usted de media en las últimas 24 horas?");
        Questionnaire german = QuestionnaireLanguage.in(shipped("pain-nrs"), Language.DE);
        assertThat(german.getTitle()).isEqualTo("Numerische Schmerzskala (0–10)");
        assertThat(german.getItemFirstRep().getText()).isEqualTo("Wie stark waren Ihre Schmerzen in den letzten 24 "
                + "Stunden im Durchschnitt, auf einer Skala von 0 (keine Schmerzen) bis 10 (stärkste vorstellbare "
                + "Schmerzen)?");
    }

    @Test
    void thePsfsReadsInSpanishAndGermanItemByItem() {
        Questionnaire spanish = QuestionnaireLanguage.in(shipped("psfs"), Language.ES);
        assertThat(spanish.getTitle()).isEqualTo("Escala Funcional Específica del Paciente");
        assertThat(spanish.getItem()).extracting(QuestionnaireItemComponent::getText).containsExactly("Actividad 1",
                "Actividad 2", "Actividad 3", "Actividad 4 (opcional)", "Actividad 5 (opcional)");
        assertThat(spanish.getItem().get(3).getItem()).extracting(QuestionnaireItemComponent::getText).containsExactly(
                "Una actividad que usted no puede realizar o que le resulta difícil realizar debido a su problema",
                "¿En qué medida puede realizarla hoy, de 0 (incapaz de realizar la actividad) a 10 (capaz de "
                        + "realizarla al mismo nivel que antes de la lesión o del problema)?");
        Questionnaire german = QuestionnaireLanguage.in(shipped("psfs"), Language.DE);
        assertThat(german.getTitle()).isEqualTo("Patientenspezifische Funktionsskala");
        assertThat(german.getItem()).extracting(QuestionnaireItemComponent::getText).containsExactly("Aktivität 1",
                "Aktivität 2", "Aktivität 3", "Aktivität 4 (optional)", "Aktivität 5 (optional)");
        assertThat(german.getItem().getFirst().getItem()).extracting(QuestionnaireItemComponent::getText)
                .containsExactly("Eine Aktivität, die Sie wegen Ihres Problems nicht ausführen können oder bei der "
                        + "Sie Schwierigkeiten haben", "Wie gut können Sie sie heute ausführen, von 0 (nicht in der "
                        + "Lage, die Aktivität auszuführen) bis 10 (in der Lage, sie genauso gut auszuführen wie vor "
                        + "der Verletzung oder dem Problem)?");
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = { "ES", "DE" })
    void everyWordOfTheShippedFreeInstrumentsIsTranslatedAndNothingAnAnswerDependsOnChanges(Language language) {
        for (String key : List.of("pain-nrs", "psfs")) {
            Questionnaire english = shipped(key);
            Questionnaire translated = QuestionnaireLanguage.in(english, language);
            List<String> englishWords = wording(english);
            List<String> translatedWords = wording(translated);
            assertThat(translatedWords).as(key).hasSameSizeAs(englishWords).doesNotContainNull();
            for (int i = 0; i < englishWords.size(); i++) {
                assertThat(translatedWords.get(i)).as("%s %s: %s", key, language, englishWords.get(i)).isNotBlank()
                        .isNotEqualTo(englishWords.get(i));
            }
            assertThat(answerShape(translated)).as(key).isEqualTo(answerShape(english));
            assertThat(translated.getUrl() + "|" + translated.getVersion())
                    .isEqualTo(english.getUrl() + "|" + english.getVersion());
            assertThat(json(translated)).as("the copy carries no translations of words it no longer holds")
                    .doesNotContain(QuestionnaireLanguage.TRANSLATION);
        }
    }

    @Test
    void englishIsTheQuestionnaireAsWrittenWithItsTranslationsAndLocalizingLeavesTheOriginalAlone() {
        Questionnaire psfs = shipped("psfs");
        String before = json(psfs);
        QuestionnaireLanguage.in(psfs, Language.DE);
        assertThat(json(psfs)).isEqualTo(before);
        assertThat(QuestionnaireLanguage.in(psfs, Language.EN)).isSameAs(psfs);
        assertThat(psfs.getTitle()).isEqualTo("Patient-Specific Functional Scale");
        assertThat(psfs.getTitleElement().getExtensionsByUrl(QuestionnaireLanguage.TRANSLATION)).hasSize(2);
    }

    @Test
    void startBackKeepsKeelesEnglishWordingInEveryLanguage() {
        Questionnaire startBack = shipped("start-back");
        for (Language language : Language.values()) {
            assertThat(wording(QuestionnaireLanguage.in(startBack, language))).isEqualTo(wording(startBack));
        }
    }

    /**
     * A clinic's imported copy carrying a licensed translation of some of its wording (a synthetic one here): the
     * translated elements read in Spanish (a regional tag counts), the rest keeps the original words, and the same
     * coded answers score the same.
     */
    @Test
    void anImportedQuestionnaireReadsItsOwnTranslationsFallsBackPerElementAndScoresTheSame() throws IOException {
        Instrument english = InstrumentScoringTest.syntheticOdi();
        Questionnaire carrying = english.questionnaire().copy();
        translate(carrying.getTitleElement(), "es-MX", "Cuestionario sintético (solo pruebas)");
        QuestionnaireItemComponent first = carrying.getItemFirstRep();
        translate(first.getTextElement(), "es", "Sección sintética 1");
        first.getAnswerOption().forEach(o -> translate(o.getValueCoding().getDisplayElement(), "es",
                "Afirmación sintética " + o.getValueCoding().getCode()));

        Questionnaire spanish = QuestionnaireLanguage.in(carrying, Language.ES);
        assertThat(spanish.getTitle()).isEqualTo("Cuestionario sintético (solo pruebas)");
        assertThat(QuestionnaireLanguage.title(carrying, Language.ES)).hasValue(spanish.getTitle());
        assertThat(spanish.getItemFirstRep().getText()).isEqualTo("Sección sintética 1");
        assertThat(spanish.getItemFirstRep().getAnswerOption()).extracting(o -> o.getValueCoding().getDisplay())
                .containsExactly("Afirmación sintética 0", "Afirmación sintética 1", "Afirmación sintética 2",
                        "Afirmación sintética 3", "Afirmación sintética 4", "Afirmación sintética 5");
        assertThat(spanish.getItem().get(1).getText()).isEqualTo(english.questionnaire().getItem().get(1).getText());
        assertThat(QuestionnaireLanguage.in(carrying, Language.DE).getItemFirstRep().getText())
                .isEqualTo("Synthetic section 1 (not the licensed wording)");
        assertThat(answerShape(spanish)).isEqualTo(answerShape(english.questionnaire()));

        Map<String, JsonNode> answers = new LinkedHashMap<>();
        int[] values = { 1, 2, 3, 1, 2, 3, 1, 1, 2 };
        for (int i = 0; i < values.length; i++) {
            answers.put("section-" + (i + 1), NODES.textNode(String.valueOf(values[i])));
        }
        assertThat(scores(new Instrument("odi", spanish, english.rules(), false, true), answers))
                .isEqualTo(scores(english, answers)).containsEntry("percent", "35.56");
    }

    private static Map<String, String> scores(Instrument instrument, Map<String, JsonNode> answers) {
        AnswerCheck.Checked checked = AnswerCheck.check(instrument.questionnaire(), instrument.rules(), answers);
        Map<String, String> scores = new LinkedHashMap<>();
        Scorer.score(instrument.rules(), checked.values())
                .forEach(s -> scores.put(s.id(), s.value().toPlainString()));
        return scores;
    }

    private static void translate(PrimitiveType<?> element, String lang, String content) {
        Extension translation = element.addExtension().setUrl(QuestionnaireLanguage.TRANSLATION);
        translation.addExtension("lang", new org.hl7.fhir.r4.model.CodeType(lang));
        translation.addExtension("content", new StringType(content));
    }
}
