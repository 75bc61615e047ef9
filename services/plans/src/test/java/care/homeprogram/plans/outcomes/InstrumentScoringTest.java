package care.homeprogram.plans.outcomes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import care.homeprogram.plans.service.InstrumentCatalog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Questionnaire;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every shipped instrument scored at its boundaries with synthetic answers, through the one generic path a response
 * takes (AnswerCheck against the Questionnaire, then Scorer with the instrument's rules document). Plain JUnit.
 */
class InstrumentScoringTest {
    private static final FhirContext FHIR = FhirContext.forR4();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private static Instrument shipped(String key) {
        return new Instrument(key, InstrumentCatalog.shippedQuestionnaire(FHIR, key),
                InstrumentCatalog.shippedRules(key), true, true);
    }

    static Instrument syntheticOdi() throws IOException {
        try (InputStream in = InstrumentScoringTest.class.getResourceAsStream(
                "/instruments/odi-synthetic.questionnaire.json")) {
            Questionnaire questionnaire = FHIR.newJsonParser().parseResource(Questionnaire.class,
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
            ScoringRules rules = InstrumentCatalog.shippedRules("odi");
            Instrument.requireScorable(questionnaire, rules, "questionnaire");
            return new Instrument("odi", questionnaire, rules, false, true);
        }
    }

    private static Map<String, Scorer.Score> score(Instrument instrument, Map<String, JsonNode> answers) {
        AnswerCheck.Checked checked = AnswerCheck.check(instrument.questionnaire(), instrument.rules(), answers);
        return Scorer.score(instrument.rules(), checked.values()).stream()
                .collect(Collectors.toMap(Scorer.Score::id, s -> s, (a, b) -> a, LinkedHashMap::new));
    }

    private static MeasureInputException refused(Instrument instrument, Map<String, JsonNode> answers) {
        try {
            score(instrument, answers);
        } catch (MeasureInputException e) {
            return e;
        }
        throw new AssertionError("accepted " + answers);
    }

    // --- pain NRS ---

    @ParameterizedTest
    @CsvSource({ "0", "10", "5" })
    void painNrsAcceptsZeroToTen(int pain) {
        assertThat(score(shipped("pain-nrs"), Map.of("pain", NODES.numberNode(pain))).get("pain").value())
                .isEqualByComparingTo(BigDecimal.valueOf(pain));
    }

    @Test
    void painNrsRefusesElevenMinusOneAFractionTextAndAbsurdNumbersNamingTheItem() {
        Instrument nrs = shipped("pain-nrs");
        for (JsonNode bad : List.of(NODES.numberNode(11), NODES.numberNode(-1), NODES.numberNode(2.5),
                NODES.textNode("five"), NODES.numberNode(Long.MAX_VALUE), NODES.numberNode(1e300))) {
            MeasureInputException e = refused(nrs, Map.of("pain", bad));
            assertThat(e.field()).as("%s", bad).isEqualTo("answers.pain");
        }
        assertThat(refused(nrs, Map.of("pain", NODES.numberNode(11))).getMessage()).contains("between 0 and 10");
        assertThat(refused(nrs, Map.of("mood", NODES.numberNode(1))).field()).isEqualTo("answers.mood");
        assertThat(refused(nrs, Map.of()).field()).isEqualTo("answers");
    }

    // --- PSFS ---

    private static Map<String, JsonNode> psfs(int... scores) {
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        for (int i = 0; i < scores.length; i++) {
            answers.put("activity-" + (i + 1) + "-name", NODES.textNode("Activity " + (i + 1)));
            answers.put("activity-" + (i + 1) + "-score", NODES.numberNode(scores[i]));
        }
        return answers;
    }

    @Test
    void psfsAveragesThreeFourOrFiveActivities() {
        Instrument psfs = shipped("psfs");
        assertThat(score(psfs, psfs(2, 3, 5)).get("average").value()).isEqualByComparingTo("3.33");
        assertThat(score(psfs, psfs(2, 3, 5, 6)).get("average").value()).isEqualByComparingTo("4");
        Map<String, Scorer.Score> five = score(psfs, psfs(0, 10, 4, 7, 8));
        assertThat(five.get("average").value()).isEqualByComparingTo("5.8");
        assertThat(five.get("activity-5").value()).isEqualByComparingTo("8");
        assertThat(score(psfs, psfs(1, 1, 1))).containsOnlyKeys("average", "activity-1", "activity-2", "activity-3");
    }

    @Test
    void psfsRefusesFewerThanThreeActivitiesAnActivityWithoutItsScoreAndScoresOutsideZeroToTen() {
        Instrument psfs = shipped("psfs");
        assertThat(refused(psfs, psfs(4, 5)).field()).isEqualTo("answers.activity-3");
        Map<String, JsonNode> nameOnly = psfs(4, 5, 6);
        nameOnly.put("activity-4-name", NODES.textNode("Gardening"));
        assertThat(refused(psfs, nameOnly).field()).isEqualTo("answers.activity-4-score");
        assertThat(refused(psfs, psfs(4, 5, 11)).field()).isEqualTo("answers.activity-3-score");
        Map<String, JsonNode> longName = psfs(4, 5, 6);
        longName.put("activity-1-name", NODES.textNode("x".repeat(121)));
        assertThat(refused(psfs, longName).field()).isEqualTo("answers.activity-1-name");
    }

    @Test
    void psfsThresholdsAreTwoOnTheAverageAndThreeOnOneActivity() {
        ScoringRules rules = InstrumentCatalog.shippedRules("psfs");
        assertThat(rules.scores()).filteredOn(s -> s.id().equals("average")).singleElement()
                .satisfies(s -> assertThat(s.minimalDetectableChange()).isEqualTo(2.0));
        assertThat(rules.scores()).filteredOn(s -> s.id().startsWith("activity-")).hasSize(5)
                .allSatisfy(s -> assertThat(s.minimalDetectableChange()).isEqualTo(3.0));
    }

    // --- STarT Back ---

    /** Items 1–8 agree (true) or disagree; item 9 one of the five bothersomeness answers. */
    private static Map<String, JsonNode> startBack(String agreed, String item9) {
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        for (int i = 1; i <= 8; i++) {
            answers.put("item-" + i, NODES.textNode(agreed.charAt(i - 1) == '1' ? "agree" : "disagree"));
        }
        answers.put("item-9", NODES.textNode(item9));
        return answers;
    }

    @ParameterizedTest(name = "{0} + item 9 {1} -> total {2}, distress {3}, {4}")
    @CsvSource({
            // total 0–3: low, whatever the distress subscale
            "00000000, not-at-all, 0, 0, low",
            "11100000, moderately, 3, 0, low",
            "00001110, not-at-all, 3, 3, low",
            "00000111, very-much, 4, 4, high", // total 4 with distress 4: high at the first total above low
            "11110000, not-at-all, 4, 0, medium", // total 4 (the boundary), distress 0
            "11101100, moderately, 5, 2, medium",
            "10001110, moderately, 4, 3, medium", // distress 3: medium
            "10001111, moderately, 5, 4, high", // distress 4: high
            "11111111, extremely, 9, 5, high",
            // item 9 counts only for very much or extremely
            "11000110, slightly, 4, 2, medium",
            "11000110, moderately, 4, 2, medium",
            "11000111, not-at-all, 5, 3, medium",
            "11000111, very-much, 6, 4, high",
            "11000111, extremely, 6, 4, high",
            "11000111, moderately, 5, 3, medium" })
    void startBackBandsFollowHill2008(String agreed, String item9, int total, int distress, String band) {
        Map<String, Scorer.Score> scores = score(shipped("start-back"), startBack(agreed, item9));
        assertThat(scores.get("total").value()).isEqualByComparingTo(BigDecimal.valueOf(total));
        assertThat(scores.get("distress").value()).isEqualByComparingTo(BigDecimal.valueOf(distress));
        assertThat(scores.get("total").band()).isEqualTo(band);
    }

    @Test
    void startBackRefusesAMissingItemAndAnAnswerNotOffered() {
        Instrument startBack = shipped("start-back");
        Map<String, JsonNode> missing = startBack("11110000", "slightly");
        missing.remove("item-6");
        assertThat(refused(startBack, missing).field()).isEqualTo("answers.item-6");
        assertThat(refused(startBack, startBack("11110000", "a lot")).field()).isEqualTo("answers.item-9");
        assertThat(refused(startBack, Map.of("item-1", NODES.numberNode(1))).field()).isEqualTo("answers.item-1");
    }

    @Test
    void startBackBandNotesAreNiceNg59PathwaysAsInformation() {
        ScoringRules.ScoreRule total = InstrumentCatalog.shippedRules("start-back").scores().getFirst();
        assertThat(total.bandNotes()).containsOnlyKeys("low", "medium", "high");
        assertThat(total.bandNotes().values()).allSatisfy(n -> assertThat(n).contains("NICE NG59")
                .contains("not a decision"));
        assertThat(total.bandNotes().get("low")).contains("self-management");
        assertThat(total.bandNotes().get("high")).contains("psychologically informed");
        assertThat(InstrumentCatalog.shippedRules("start-back").licence()).isEqualTo(ScoringRules.Licence.TERMS);
    }

    // --- ODI (synthetic questionnaire: the licensed wording is never in this repository) ---

    private static Map<String, JsonNode> odi(Integer... sections) {
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        for (int i = 0; i < sections.length; i++) {
            if (sections[i] != null) {
                answers.put("section-" + (i + 1), NODES.textNode(String.valueOf(sections[i])));
            }
        }
        return answers;
    }

    @Test
    void odiIsTheSumTimesTwoWithAllTenSections() throws IOException {
        Instrument odi = syntheticOdi();
        assertThat(score(odi, odi(0, 0, 0, 0, 0, 0, 0, 0, 0, 0)).get("percent").value()).isEqualByComparingTo("0");
        assertThat(score(odi, odi(1, 2, 3, 1, 2, 3, 1, 1, 1, 1)).get("percent").value()).isEqualByComparingTo("32");
        assertThat(score(odi, odi(5, 5, 5, 5, 5, 5, 5, 5, 5, 5)).get("percent").value()).isEqualByComparingTo("100");
    }

    @Test
    void odiWithOneSectionMissingIsScoredOverTheAnsweredSections() throws IOException {
        // 16 / (5 × 9) × 100 = 35.56 (Fairbank 2000)
        assertThat(score(syntheticOdi(), odi(1, 2, 3, 1, 2, 3, 1, 1, 2, null)).get("percent").value())
                .isEqualByComparingTo("35.56");
        assertThat(score(syntheticOdi(), odi(null, 5, 5, 5, 5, 5, 5, 5, 5, 5)).get("percent").value())
                .isEqualByComparingTo("100");
    }

    @Test
    void odiWithTwoOrMoreSectionsMissingIsNotScored() throws IOException {
        MeasureInputException e = refused(syntheticOdi(), odi(1, 2, 3, 1, 2, 3, 1, 1, null, null));
        assertThat(e.field()).isEqualTo("answers.section-9");
        assertThat(e.getMessage()).contains("at least 9 of its 10");
        assertThat(refused(syntheticOdi(), odi(1, 2, 3, 1, 2, 3, 1, 1, 6, 1)).field()).isEqualTo("answers.section-9");
    }

    @Test
    void aQuestionnaireThatDoesNotFitTheRulesIsRefusedOnImport() throws IOException {
        Questionnaire missingSection = syntheticOdi().questionnaire().copy();
        missingSection.getItem().removeLast();
        assertThatThrownBy(() -> Instrument.requireScorable(missingSection, InstrumentCatalog.shippedRules("odi"),
                "questionnaire")).isInstanceOf(MeasureInputException.class)
                .extracting(e -> ((MeasureInputException) e).field()).isEqualTo("questionnaire.item.section-10");
        Questionnaire wordCodes = syntheticOdi().questionnaire().copy();
        wordCodes.getItemFirstRep().getAnswerOptionFirstRep().getValueCoding().setCode("none");
        assertThatThrownBy(() -> Instrument.requireScorable(wordCodes, InstrumentCatalog.shippedRules("odi"),
                "questionnaire")).isInstanceOf(MeasureInputException.class);
    }

    @Test
    void everyShippedQuestionnaireFitsItsRules() {
        for (String key : InstrumentCatalog.SHIPPED) {
            Instrument instrument = shipped(key);
            Instrument.requireScorable(instrument.questionnaire(), instrument.rules(), "questionnaire");
            assertThat(instrument.rules().instrument()).isEqualTo(key);
            assertThat(instrument.rules().sources()).isNotEmpty();
        }
    }
}
