package care.homeprogram.portal.service;

import static org.assertj.core.api.Assertions.assertThat;

import care.homeprogram.contract.Problem;
import care.homeprogram.portal.client.ServiceProblem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A FHIR Questionnaire read as a form, the answers sent as its item types say, and refusals placed by linkId. */
class QuestionnaireFormTest {
    private static final UUID SCHEDULE = UUID.fromString("d0000000-0000-4000-8000-000000000001");
    private static final String QUESTIONNAIRE = """
            {"resourceType":"Questionnaire","title":"Screening","copyright":"© Keele University",
             "item":[
              {"linkId":"intro","text":"Thinking about the last 2 weeks","type":"display"},
              {"linkId":"item-9","text":"Overall, how bothersome has your back pain been?","type":"choice",
               "answerOption":[{"valueCoding":{"code":"not-at-all","display":"Not at all"}},
                               {"valueCoding":{"code":"extremely","display":"Extremely"}}]},
              {"linkId":"pain","text":"Pain","type":"integer",
               "extension":[{"url":"http://hl7.org/fhir/StructureDefinition/minValue","valueInteger":0},
                            {"url":"http://hl7.org/fhir/StructureDefinition/maxValue","valueInteger":10}]},
              {"linkId":"minutes","text":"Minutes walked","type":"integer",
               "extension":[{"url":"http://hl7.org/fhir/StructureDefinition/minValue","valueInteger":0},
                            {"url":"http://hl7.org/fhir/StructureDefinition/maxValue","valueInteger":600}]},
              {"linkId":"weight","text":"Weight","type":"decimal"},
              {"linkId":"working","text":"Are you working?","type":"boolean"},
              {"linkId":"extra","text":"Another activity","type":"group","required":false,"item":[
                {"linkId":"extra-name","text":"Name","type":"string","maxLength":120}]}]}
            """;

    private static QuestionnaireForm form(Map<String, String> values) throws Exception {
        JsonNode questionnaire = new ObjectMapper().readTree(QUESTIONNAIRE);
        return QuestionnaireForm.of(SCHEDULE, "Fallback", questionnaire, values);
    }

    @Test
    void itemsBecomeFieldsByTheirTypeAndDisplayItemsAreLeftOut() throws Exception {
        QuestionnaireForm form = form(Map.of());

        assertThat(form.title()).isEqualTo("Screening");
        assertThat(form.copyright()).isEqualTo("© Keele University");
        List<QuestionnaireForm.Question> questions = form.groups().stream().flatMap(g -> g.questions().stream())
                .toList();
        assertThat(questions).extracting(QuestionnaireForm.Question::linkId)
                .containsExactly("item-9", "pain", "minutes", "weight", "working", "extra-name");
        assertThat(questions).extracting(QuestionnaireForm.Question::kind)
                .containsExactly("choice", "scale", "number", "number", "boolean", "string");
        assertThat(questions.get(0).options()).extracting(QuestionnaireForm.Option::label)
                .containsExactly("Not at all", "Extremely");
        assertThat(questions.get(1).options()).hasSize(11);
        assertThat(questions.get(5).maxLength()).isEqualTo(120);
    }

    @Test
    void answersAreSentAsTheirTypesAndWhatIsNotANumberAsTyped() throws Exception {
        Map<String, Object> answers = form(Map.of("item-9", "extremely", "pain", "7", "minutes",
                "99999999999999999999", "weight", "72.5", "working", "true", "extra-name", " ")).answers();

        assertThat(answers).containsEntry("item-9", "extremely").containsEntry("pain", 7)
                // an absurd number is not parsed: plan-service gets it as typed and names it
                .containsEntry("minutes", "99999999999999999999")
                .containsEntry("working", true).doesNotContainKey("extra-name");
        assertThat(answers.get("weight")).hasToString("72.5");
    }

    @Test
    void refusalsLandNextToTheirItemsInThePatientsWordsAndTheRestOnTheForm() throws Exception {
        RefusalMessages words = EnglishMessages.of(RefusalMessages.class);
        QuestionnaireForm form = form(Map.of("pain", "12"));
        form.reject(new ServiceProblem(400, "validation", "Some answers are not valid", List.of(
                new Problem.FieldError("answers.pain", "must be at most 10"),
                new Problem.FieldError("answers.unknown", "is not an item"))), words);

        // plan-service's words are English for everyone; the patient reads the portal's, in their language
        assertThat(form.error("pain")).isEqualTo("This answer was not accepted. Please check it and answer again.");
        assertThat(form.summary()).extracting(QuestionnaireForm.SummaryLine::target).containsExactly("q-pain");
        assertThat(form.hasError("form")).isFalse();

        QuestionnaireForm other = form(Map.of());
        other.reject(new ServiceProblem(400, "validation", "Too many answers", List.of()), words);
        assertThat(other.error("form")).as("no key fits: plan-service's detail").isEqualTo("Too many answers");

        QuestionnaireForm late = form(Map.of());
        late.reject(new ServiceProblem(409, "measure-not-due", "Back check is not due", List.of()), words);
        assertThat(late.error("form")).isEqualTo("This questionnaire is not due now, so your answers were not recorded.");
    }
}
