package care.homeprogram.plans.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import care.homeprogram.contract.Language;
import care.homeprogram.plans.service.InstrumentCatalog;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * The scores' names in the reader's language: the shipped pain NRS, PSFS and ODI rules name every score in Spanish
 * and German (a patient reads them beside the translated Questionnaire), STarT Back keeps Keele's English, and a
 * score whose rules carry no translation (an imported instrument's) reads its own title. Plain JUnit.
 */
class ScoreTitleLanguageTest {

    private static ScoringRules.ScoreRule score(String instrument, String id) {
        return InstrumentCatalog.shippedRules(instrument).scores().stream().filter(s -> s.id().equals(id))
                .findFirst().orElseThrow();
    }

    @Test
    void theShippedScoresReadInSpanishAndGerman() {
        assertThat(score("pain-nrs", "pain").title(Language.ES)).isEqualTo("Dolor (0–10)");
        assertThat(score("pain-nrs", "pain").title(Language.DE)).isEqualTo("Schmerz (0–10)");
        assertThat(score("psfs", "average").title(Language.ES)).isEqualTo("PSFS: media (0–10)");
        assertThat(score("psfs", "average").title(Language.DE)).isEqualTo("PSFS: Mittelwert (0–10)");
        assertThat(score("psfs", "activity-3").title(Language.ES)).isEqualTo("PSFS: actividad 3 (0–10)");
        assertThat(score("psfs", "activity-3").title(Language.DE)).isEqualTo("PSFS: Aktivität 3 (0–10)");
        assertThat(score("odi", "percent").title(Language.DE)).isEqualTo("ODI (% Beeinträchtigung)");
        assertThat(score("psfs", "average").title(Language.EN)).isEqualTo("PSFS average (0–10)");
    }

    @ParameterizedTest
    @EnumSource(value = Language.class, names = { "ES", "DE" })
    void everyScoreOfTheShippedRulesButStartBacksHasItsNameTranslated(Language language) {
        for (String key : List.of("pain-nrs", "psfs", "odi")) {
            for (ScoringRules.ScoreRule score : InstrumentCatalog.shippedRules(key).scores()) {
                assertThat(score.title(language)).as("%s %s in %s", key, score.id(), language).isNotBlank()
                        .isNotEqualTo(score.title());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void startBackKeepsKeelesEnglishScoreNamesInEveryLanguage(Language language) {
        assertThat(InstrumentCatalog.shippedRules("start-back").scores())
                .allSatisfy(score -> assertThat(score.titleTranslations()).isNull())
                .extracting(score -> score.title(language))
                .containsExactly("STarT Back total (0–9)", "STarT Back distress subscale (0–5)");
    }

    @Test
    void aScoreWithoutATranslationIntoTheLanguageReadsItsOwnTitle() {
        ScoringRules.ScoreRule imported = new ScoringRules.ScoreRule("total", "Synthetic total", null, List.of(),
                null, null, null, null, null, null, false, null, null, null, null, null, null, null, null);
        assertThat(imported.title(Language.ES)).isEqualTo("Synthetic total");
        ScoringRules.ScoreRule germanOnly = new ScoringRules.ScoreRule("total", "Synthetic total", null, List.of(),
                null, null, null, null, null, null, false, null, null, null, null, null, null, null,
                Map.of("de-AT", "Synthetische Summe", "es", " "));
        assertThat(germanOnly.title(Language.DE)).as("a regional tag counts").isEqualTo("Synthetische Summe");
        assertThat(germanOnly.title(Language.ES)).as("a blank translation is none").isEqualTo("Synthetic total");
    }
}
