package care.homeprogram.portal;

import static care.homeprogram.testing.DemoUsers.PAT;
import static care.homeprogram.testing.DemoUsers.TARA;
import static org.assertj.core.api.Assertions.assertThat;

import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.StandInService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The outcome-measure pages with the real sign-in and plan-service's stand-in ({@link PlanServiceStub}): the patient
 * answers a questionnaire rendered from its FHIR Questionnaire and sees plan-service's refusals next to the items they
 * name; the therapist attaches a measure and reads the score trends with the threshold and the STarT Back pathway
 * note; the admin accepts an instrument's terms and imports a Questionnaire; plan-service failing is never a 500.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PORTAL"))
@QuarkusTestResource(value = PlanServiceStub.class, restrictToAnnotatedClass = true)
class OutcomeMeasurePagesTest {
    private static final String SCHEDULE = "d0000000-0000-4000-8000-000000000001";
    private static final String PLAN = "d1000000-0000-4000-8000-000000000001";
    /** A PSFS-like Questionnaire: an activity group (name and 0–10 score), an optional one, and a choice item. */
    private static final String INSTRUMENT = """
            {"key":"psfs","title":"Patient-Specific Functional Scale","licence":"FREE","shipped":true,"enabled":true,
             "scores":[{"id":"average","title":"Average score","min":0,"max":10,"minimalDetectableChange":2}],
             "questionnaire":{"resourceType":"Questionnaire","title":"Patient-Specific Functional Scale",
              "item":[
               {"linkId":"activity-1","text":"Activity 1","type":"group","required":true,"item":[
                 {"linkId":"activity-1-name","text":"An activity you have difficulty with","type":"string",
                  "required":true,"maxLength":120},
                 {"linkId":"activity-1-score","text":"How well can you do it today?","type":"integer","required":true,
                  "extension":[{"url":"http://hl7.org/fhir/StructureDefinition/minValue","valueInteger":0},
                               {"url":"http://hl7.org/fhir/StructureDefinition/maxValue","valueInteger":10}]}]},
               {"linkId":"activity-2","text":"Activity 2 (optional)","type":"group","required":false,"item":[
                 {"linkId":"activity-2-name","text":"Another activity","type":"string","required":true},
                 {"linkId":"activity-2-score","text":"How well can you do that today?","type":"integer",
                  "required":true}]},
               {"linkId":"spread","text":"Has your pain spread down your leg?","type":"choice","required":true,
                "answerOption":[{"valueCoding":{"code":"disagree","display":"Disagree"}},
                                {"valueCoding":{"code":"agree","display":"Agree"}}]}]}}
            """;
    private static final String DUE = """
            {"items":[{"scheduleId":"%s","planId":"%s","instrument":"psfs","title":"Patient-Specific Functional Scale",
             "occasion":"WEEK_4","dueFrom":"2026-12-01"}],"total":1}
            """.formatted(SCHEDULE, PLAN);

    @TestHTTPResource("/")
    URL portal;

    @AfterEach
    void reset() {
        PlanServiceStub.resetMeasures();
        PlanServiceStub.mine = "{\"items\":[],\"total\":0}";
    }

    private static void psfsDue() {
        PlanServiceStub.due = DUE;
        PlanServiceStub.instrument = INSTRUMENT;
    }

    @Test
    void todayPromptsForADueQuestionnaireWhichIsAnsweredWithItsScoreShown() throws Exception {
        Browser pat = signedIn("pat");
        PlanServiceStub.mine = "{\"items\":[" + plan() + "],\"total\":1}";
        assertThat(pat.get(uri("/today")).body()).doesNotContain("waiting for you");
        psfsDue();
        assertThat(pat.get(uri("/today")).body()).contains("A questionnaire is waiting for you")
                .contains("href=\"/questionnaires\"");
        HttpResponse<String> list = pat.get(uri("/questionnaires"));
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("Patient-Specific Functional Scale").contains("Week 4")
                .contains("href=\"/questionnaires/" + SCHEDULE + "\"");

        HttpResponse<String> form = pat.get(uri("/questionnaires/" + SCHEDULE));
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body())
                .contains("<legend><strong>Activity 1</strong></legend>")
                .contains("<label for=\"q-activity-1-name\">An activity you have difficulty with</label>")
                .contains("maxlength=\"120\"")
                // 0–10 as eleven radio buttons in a fieldset named by the question
                .contains("<legend>How well can you do it today?</legend>")
                .contains("type=\"radio\" name=\"activity-1-score\" value=\"0\"")
                .contains("type=\"radio\" name=\"activity-1-score\" value=\"10\"")
                // an integer without a range is a number field; a choice is radio buttons with its labels
                .contains("id=\"q-activity-2-score\" name=\"activity-2-score\" type=\"number\"")
                .contains("value=\"agree\"> Agree</label>");
        PlanServiceStub.answering = new PlanServiceStub.Answer(201, """
                {"responseId":"d2000000-0000-4000-8000-000000000001","scheduleId":"%s","instrument":"psfs",
                 "occasion":"WEEK_4","answeredAt":"2026-12-02T10:00:00Z",
                 "scores":[{"id":"average","title":"Average score","value":4.50}]}
                """.formatted(SCHEDULE));

        HttpResponse<String> answered = pat.post(uri("/questionnaires/" + SCHEDULE), with(form,
                Map.of("activity-1-name", "Climbing stairs", "activity-1-score", "4", "activity-2-name", "",
                        "activity-2-score", "", "spread", "agree")));

        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(answered.body()).contains("Thank you").contains("Average score").contains("<dd>4.5</dd>");
        assertThat(PlanServiceStub.lastMeasureWrite)
                .startsWith("POST /api/measures/schedules/" + SCHEDULE + "/responses ")
                .contains("\"activity-1-name\":\"Climbing stairs\"").contains("\"activity-1-score\":4")
                .contains("\"spread\":\"agree\"")
                // the optional activity left empty is not sent
                .doesNotContain("activity-2");
    }

    @Test
    void aRefusedAnswerIsShownNextToItsItemInThePatientsWordsWithAnErrorSummary() throws Exception {
        psfsDue();
        Browser pat = signedIn("pat");
        HttpResponse<String> form = pat.get(uri("/questionnaires/" + SCHEDULE));
        PlanServiceStub.answering = new PlanServiceStub.Answer(400, """
                {"type":"https://homeprogram.care/problems/validation","title":"Invalid","status":400,
                 "detail":"Some answers are not valid","errors":[
                   {"field":"answers.activity-1-name","message":"is required"},
                   {"field":"answers.spread","message":"must be one of the answers offered"}]}
                """);

        HttpResponse<String> refused = pat.post(uri("/questionnaires/" + SCHEDULE), with(form,
                Map.of("activity-1-score", "12", "activity-1-name", "", "spread", "agree")));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("<title>Error: Patient-Specific Functional Scale")
                .contains("Please check your answers")
                // the portal's words (in the patient's language), not plan-service's English
                .contains("<a href=\"#q-activity-1-name\">Activity 1: Please answer this question.</a>")
                .contains("<a href=\"#q-spread\">This answer was not accepted. Please check it and answer again.</a>")
                .contains("<p class=\"field__error\" id=\"q-activity-1-name-error\">Please answer this question.</p>")
                .doesNotContain("Is required")
                .contains("aria-invalid=\"true\" aria-describedby=\"q-activity-1-name-error\"")
                // what was typed is kept
                .contains("type=\"radio\" name=\"spread\" value=\"agree\" checked>")
                .doesNotContain("Exception");
        assertThat(PlanServiceStub.lastMeasureWrite).contains("\"activity-1-score\":12");
    }

    @Test
    void aQuestionnaireNotDueIsNotFoundAndPlanServiceFailingIsNoServerError() throws Exception {
        Browser pat = signedIn("pat");
        assertThat(pat.get(uri("/questionnaires/" + SCHEDULE)).statusCode()).isEqualTo(404);
        assertThat(pat.get(uri("/questionnaires")).body()).contains("Nothing to answer right now");

        psfsDue();
        HttpResponse<String> form = pat.get(uri("/questionnaires/" + SCHEDULE));
        PlanServiceStub.answering = new PlanServiceStub.Answer(409, StandInService.problem(409, "measure-not-due",
                "This questionnaire is not due any more"));
        HttpResponse<String> late = pat.post(uri("/questionnaires/" + SCHEDULE), with(form, Map.of()));
        assertThat(late.statusCode()).isEqualTo(409);
        // the form again with the portal's words for this refusal (in the patient's language), not plan-service's
        assertThat(late.body()).contains("This questionnaire is not due now, so your answers were not recorded.")
                .contains("<form");

        PlanServiceStub.answering = new PlanServiceStub.Answer(500, StandInService.problem(500, "failure", "boom"));
        HttpResponse<String> failed = pat.post(uri("/questionnaires/" + SCHEDULE), with(form, Map.of()));
        assertThat(failed.statusCode()).isEqualTo(503);
        assertThat(failed.body()).doesNotContain("boom").doesNotContain("Exception");
    }

    @Test
    void theTherapistSeesTrendsWithTheThresholdAndThePathwayNoteAndAttachesAMeasure() throws Exception {
        PlanServiceStub.ofPatient = "{\"items\":[" + plan() + "],\"total\":1}";
        PlanServiceStub.planById = plan();
        PlanServiceStub.instruments = "{\"items\":[" + INSTRUMENT + "],\"total\":1}";
        PlanServiceStub.schedules = """
                {"items":[{"id":"%s","planId":"%s","instrument":"psfs","title":"Patient-Specific Functional Scale",
                 "atIntake":true,"everyWeeks":4,"atDischarge":true,"createdAt":"2026-11-01T10:00:00Z"}],"total":1}
                """.formatted(SCHEDULE, PLAN);
        PlanServiceStub.scores = new PlanServiceStub.Answer(200, """
                {"patientId":"%s","instruments":[
                 {"instrument":"psfs","title":"Patient-Specific Functional Scale","scores":[
                  {"score":"average","title":"Average score","minimalDetectableChange":2,"changeSource":"Stratford 1995",
                   "points":[{"occasion":"INTAKE","answeredAt":"2026-11-01T10:00:00Z","value":3},
                             {"occasion":"WEEK_4","answeredAt":"2026-11-29T10:00:00Z","value":6}],
                   "change":3,"changeReachesThreshold":true},
                  {"score":"activity-1","title":"PSFS activity 1 (0–10)","minimalDetectableChange":3,
                   "changeSource":"Stratford 1995","points":[{"occasion":"INTAKE","answeredAt":"2026-11-01T10:00:00Z",
                   "value":4},{"occasion":"WEEK_4","answeredAt":"2026-11-29T10:00:00Z","value":5}],
                   "change":1,"changeReachesThreshold":false}]},
                 {"instrument":"start-back","title":"The Keele STarT Back Screening Tool","scores":[
                  {"score":"total","title":"Total score","points":[{"occasion":"INTAKE",
                    "answeredAt":"2026-11-01T10:00:00Z","value":6,"band":"high"}],"latestBand":"high",
                   "pathwayNote":"Physiotherapy, psychologically informed.","pathwaySource":"NICE NG59"}]}]}
                """.formatted(PAT));
        Browser tara = signedIn("tara");

        HttpResponse<String> page = tara.get(uri("/patients/" + PAT));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<h2 id=\"outcomes-heading\">Outcome measures</h2>")
                .contains("<svg class=\"sparkline\"")
                .contains("Change since the first answer: <strong>+3</strong>")
                .contains("minimal detectable change 2: <span class=\"badge badge--ok\">reaches it</span>")
                // a change judged too small says so, not nothing
                .contains("Change since the first answer: <strong>+1</strong> · minimal detectable change 3: "
                        + "<span class=\"badge badge--muted\">does not reach it</span>")
                .contains("<th scope=\"row\">29 Nov 2026, 10:00</th><td>Week 4</td><td>6</td>")
                .contains("For your information, not a decision:").contains("latest risk group <strong>high</strong>")
                .contains("Physiotherapy, psychologically informed.").contains("Source: NICE NG59")
                .contains("at the start, every 4 weeks, at the end")
                .contains("action=\"/patients/" + PAT + "/plans/" + PLAN + "/measures\"")
                .contains("<option value=\"psfs\">Patient-Specific Functional Scale</option>");

        HttpResponse<String> attached = tara.post(uri("/patients/" + PAT + "/plans/" + PLAN + "/measures"),
                with(page, Map.of("instrument", "psfs", "atIntake", "on", "everyWeeks", "2")));
        assertThat(attached.statusCode()).isEqualTo(303);
        assertThat(attached.headers().firstValue("Location")).hasValueSatisfying(
                l -> assertThat(l).contains("/patients/" + PAT + "?done=measure-attached"));
        assertThat(PlanServiceStub.lastMeasureWrite)
                .startsWith("POST /api/measures/plans/" + PLAN + "/schedules ")
                .contains("\"instrument\":\"psfs\"").contains("\"atIntake\":true").contains("\"everyWeeks\":2");

        PlanServiceStub.attaching = new PlanServiceStub.Answer(400, """
                {"type":"https://homeprogram.care/problems/validation","title":"Invalid","status":400,
                 "detail":"Invalid","errors":[{"field":"everyWeeks","message":"must be less than or equal to 52"}]}
                """);
        HttpResponse<String> refused = tara.post(uri("/patients/" + PAT + "/plans/" + PLAN + "/measures"),
                with(page, Map.of("instrument", "psfs", "everyWeeks", "99")));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("<a href=\"#everyWeeks\">Must be less than or equal to 52</a>")
                .contains("id=\"everyWeeks-error\"");

        PlanServiceStub.attaching = new PlanServiceStub.Answer(409, StandInService.problem(409, "measure-attached",
                "This measure is already attached to the plan"));
        HttpResponse<String> twice = tara.post(uri("/patients/" + PAT + "/plans/" + PLAN + "/measures"),
                with(page, Map.of("instrument", "psfs", "atIntake", "on")));
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(twice.body()).contains("This measure is already attached to the plan");
    }

    @Test
    void thePatientPageStillShowsWhenTheScoresAreUnavailable() throws Exception {
        PlanServiceStub.scores = new PlanServiceStub.Answer(500, StandInService.problem(500, "failure", "boom"));
        HttpResponse<String> page = signedIn("tara").get(uri("/patients/" + PAT));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Outcome scores are temporarily unavailable");
    }

    @Test
    void theAdminAcceptsTermsToEnableAnInstrumentAndImportsAQuestionnaire() throws Exception {
        PlanServiceStub.instruments = """
                {"items":[{"key":"start-back","title":"The Keele STarT Back Screening Tool","licence":"TERMS",
                  "shipped":true,"enabled":false,"termsVersion":"keele-2007"},
                 {"key":"odi","title":"Oswestry Disability Index","licence":"BRING_YOUR_OWN","shipped":false,
                  "enabled":false}],"total":2}
                """;
        PlanServiceStub.instrumentTerms = new PlanServiceStub.Answer(200, """
                {"key":"start-back","termsVersion":"keele-2007","text":"Free for non-commercial use, unmodified.",
                 "enabled":false}
                """);
        Browser ada = signedIn("ada");
        HttpResponse<String> list = ada.get(uri("/admin/instruments"));
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("<a href=\"/admin/instruments\">Instruments</a>")
                .contains("The Keele STarT Back Screening Tool").contains("Free under the owner's terms")
                .contains("href=\"/admin/instruments/start-back/terms\"")
                .contains("Scoring only: import the Questionnaire");

        HttpResponse<String> terms = ada.get(uri("/admin/instruments/start-back/terms"));
        assertThat(terms.statusCode()).isEqualTo(200);
        assertThat(terms.body()).contains("Free for non-commercial use, unmodified.")
                .contains("I accept these terms");
        HttpResponse<String> unticked = ada.post(uri("/admin/instruments/start-back/enable"),
                with(terms, Map.of("termsVersion", "keele-2007")));
        assertThat(unticked.statusCode()).isEqualTo(400);
        assertThat(unticked.body()).contains("Tick “I accept these terms” to enable the instrument");
        assertThat(PlanServiceStub.lastMeasureWrite).isNull();
        HttpResponse<String> accepted = ada.post(uri("/admin/instruments/start-back/enable"),
                with(terms, Map.of("termsVersion", "keele-2007", "acceptTerms", "yes")));
        assertThat(accepted.statusCode()).isEqualTo(303);
        assertThat(PlanServiceStub.lastMeasureWrite).startsWith("POST /api/instruments/start-back/enable ")
                .contains("\"acceptTerms\":true").contains("\"termsVersion\":\"keele-2007\"");

        HttpResponse<String> notJson = ada.post(uri("/admin/instruments/import"),
                with(list, Map.of("key", "odi", "questionnaire", "{not json", "scoring", "odi")));
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).contains("Is not valid JSON");

        PlanServiceStub.importing = new PlanServiceStub.Answer(400, """
                {"type":"https://homeprogram.care/problems/validation","title":"Invalid","status":400,
                 "detail":"The Questionnaire does not fit the scoring rules","errors":[
                  {"field":"questionnaire.item.section-10","message":"is missing"}]}
                """);
        HttpResponse<String> refused = ada.post(uri("/admin/instruments/import"), with(list,
                Map.of("key", "odi", "questionnaire", "{\"resourceType\":\"Questionnaire\",\"item\":[]}",
                        "scoring", "odi")));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("The questionnaire was not imported")
                .contains("item section-10: is missing");
        assertThat(PlanServiceStub.lastMeasureWrite).startsWith("POST /api/instruments ")
                .contains("\"key\":\"odi\"").contains("\"scoring\":\"odi\"")
                .contains("\"questionnaire\":{\"resourceType\":\"Questionnaire\"");

        PlanServiceStub.importing = new PlanServiceStub.Answer(409, StandInService.problem(409, "instrument-exists",
                "An instrument with this key exists"));
        HttpResponse<String> exists = ada.post(uri("/admin/instruments/import"), with(list,
                Map.of("key", "odi", "questionnaire", "{\"resourceType\":\"Questionnaire\"}", "scoring", "odi")));
        assertThat(exists.statusCode()).isEqualTo(400);
        assertThat(exists.body()).contains("An instrument with this key exists");
    }

    private static String plan() {
        return """
                {"id":"%s","patientId":"%s","therapistId":"%s","status":"ACTIVE","version":1,"startDate":"2026-11-01",
                 "createdAt":"2026-11-01T10:00:00Z","updatedAt":"2026-11-01T10:00:00Z","items":[]}
                """.formatted(PLAN, PAT, TARA);
    }

    private static Map<String, String> with(HttpResponse<String> page, Map<String, String> fields) {
        Map<String, String> form = new HashMap<>(fields);
        form.put("csrf-token", Browser.csrfToken(page.body()));
        return form;
    }

    private Browser signedIn(String user) throws Exception {
        Browser browser = new Browser();
        assertThat(browser.signIn(uri("/"), user).statusCode()).isEqualTo(200);
        return browser;
    }

    private URI uri(String path) {
        return URI.create(portal.toString()).resolve(path);
    }
}
