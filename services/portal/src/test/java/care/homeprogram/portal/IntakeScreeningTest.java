package care.homeprogram.portal;

import static care.homeprogram.testing.DemoUsers.PAT;
import static care.homeprogram.testing.DemoUsers.TARA;
import static org.assertj.core.api.Assertions.assertThat;

import care.homeprogram.portal.service.ScreenedPatients;
import care.homeprogram.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The intake screen through the portal, with the real sign-in and stand-ins for patient-service
 * ({@link PatientServiceStub}: pat, in tara's care, not screened yet) and plan-service ({@link PlanServiceStub}): the
 * therapist records it on the patient's page, the patient answers it once at first sign-in, the builder explains the
 * intake gate's refusals, and the therapist downloads the patient's FHIR record.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PORTAL"))
@QuarkusTestResource(value = PatientServiceStub.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PlanServiceStub.class, restrictToAnnotatedClass = true)
class IntakeScreeningTest {
    private static final List<String> NO_TO_EVERYTHING = List.of("historyOfCancer", "steroidUse", "trauma",
            "immunosuppression", "ivDrugUse", "recentBacterialInfection", "osteoporosis", "noImprovementAfterAMonth",
            "fluidRestriction", "saltRestriction");

    @TestHTTPResource("/")
    URL portal;

    @BeforeEach
    void patAtFirstSignIn() {
        PatientServiceStub.reset();
        // The stand-in forgets pat's screen between tests, which patient-service never does: the portal forgets too.
        QuarkusMock.installMockForType(new ScreenedPatients(), ScreenedPatients.class);
        PlanServiceStub.alerts = "{\"items\":[],\"total\":0}";
        PlanServiceStub.creation = null;
        PlanServiceStub.change = null;
        PlanServiceStub.lastChange = null;
        PlanServiceStub.lastCreation = null;
    }

    @Test
    void aPlanBegunFromTheAcuteTemplateIsAssignedAsAcuteSoItsHoldsAreCapped() throws Exception {
        Browser tara = signedIn("tara");
        HttpResponse<String> builder = tara.get(uri("/patients/" + PAT + "/plans/new?template="
                + PlanServiceStub.ACUTE_TEMPLATE));
        assertThat(builder.statusCode()).isEqualTo(200);
        Map<String, String> plan = new HashMap<>(Map.of("csrf-token", Browser.csrfToken(builder.body()),
                "action", "assign", "templateId", PlanServiceStub.ACUTE_TEMPLATE, "exerciseId",
                PlanServiceStub.EXERCISE, "itemId", "", "startWeek", "1", "sets", "2", "reps", "10", "timesPerDay",
                "1", "weeks", "4"));
        plan.put("days", "0:MONDAY");
        PlanServiceStub.creation = new PlanServiceStub.Answer(201, "{\"id\":\"" + PlanServiceStub.PLAN + "\"}");
        tara.post(uri("/patients/" + PAT + "/plans/new"), plan);
        assertThat(PlanServiceStub.lastCreation).contains("\"acute\":true");

        plan.put("templateId", "");
        tara.post(uri("/patients/" + PAT + "/plans/new"), plan);
        assertThat(PlanServiceStub.lastCreation).as("a plan not begun from an acute template")
                .doesNotContain("\"acute\"");
    }

    @Test
    void therapistSeesNotScreenedRecordsTheScreenAndReadsItsFlagsInWords() throws Exception {
        Browser tara = signedIn("tara");

        HttpResponse<String> before = tara.get(uri("/patients/" + PAT));
        assertThat(before.statusCode()).isEqualTo(200);
        assertThat(before.body())
                .contains("Not screened yet")
                .contains("<form method=\"post\" action=\"/patients/" + PAT + "/intake\"")
                .contains("<label for=\"intake-ageAtFirstOnset\">Age when the back pain first started (years)</label>")
                .contains("<legend>History of cancer?</legend>")
                .contains("id=\"intake-historyOfCancer-yes\"");

        Map<String, String> screen = answers("55", "historyOfCancer");
        screen.put("csrf-token", Browser.csrfToken(before.body()));
        HttpResponse<String> recorded = tara.post(uri("/patients/" + PAT + "/intake"), screen);

        assertThat(recorded.statusCode()).isEqualTo(303);
        assertThat(PatientServiceStub.screen().flags()).containsExactly("HISTORY_OF_CANCER", "ONSET_OVER_50");
        assertThat(PatientServiceStub.screen().by()).isEqualTo(TARA);
        HttpResponse<String> after = tara.follow(recorded);
        assertThat(after.body())
                .contains("The intake screen is recorded.")
                // 09:30 UTC in pat's time zone (Berlin, UTC+1 in December)
                .contains("Screened on 2 Dec 2026, 10:30, by a therapist")
                .contains("<li>History of cancer</li>")
                .contains("<li>Back pain first started after the age of 50</li>")
                .contains("These flags need your sign-off before a plan becomes active")
                .contains("Update the intake screen")
                .doesNotContain("Not screened yet")
                .doesNotContain("HISTORY_OF_CANCER");
        // The recorded answers are shown again for an update; the age is not kept, so it is asked again.
        assertThat(after.body())
                .contains("id=\"intake-historyOfCancer-yes\" name=\"historyOfCancer\" value=\"yes\" checked")
                .contains("id=\"intake-trauma-no\" name=\"trauma\" value=\"no\" checked");
    }

    @Test
    void aScreenWithMistakesComesBackWithAnErrorSummaryAndMessagesNextToTheFields() throws Exception {
        Browser tara = signedIn("tara");
        Map<String, String> screen = answers("about forty");
        screen.remove("historyOfCancer");
        screen.put("csrf-token", Browser.csrfToken(tara.get(uri("/patients/" + PAT)).body()));

        HttpResponse<String> page = tara.post(uri("/patients/" + PAT + "/intake"), screen);

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body())
                .contains("The intake screen is not recorded yet: please check these answers")
                .contains("<a href=\"#intake-ageAtFirstOnset\">Enter the age as a whole number of years, such as 35</a>")
                .contains("<a href=\"#intake-historyOfCancer-yes\">History of cancer? Choose yes or no</a>")
                .contains("id=\"intake-ageAtFirstOnset-error\">Enter the age as a whole number of years, such as 35</p>")
                .contains("id=\"intake-historyOfCancer-error\">Choose yes or no</p>")
                .contains("aria-invalid=\"true\"")
                .contains("value=\"about forty\"")
                .contains("<details class=\"intake-form\" open>");
        assertThat(PatientServiceStub.screen()).as("nothing sent to patient-service").isNull();

        screen.put("ageAtFirstOnset", "130");
        screen.put("historyOfCancer", "no");
        assertThat(tara.post(uri("/patients/" + PAT + "/intake"), screen).body())
                .contains("id=\"intake-ageAtFirstOnset-error\">Enter an age between 0 and 120 years</p>");
    }

    @Test
    void patientIsAskedAtFirstSignInAnswersOnceAndIsToldKindlyWhenTryingAgain() throws Exception {
        Browser pat = new Browser();
        HttpResponse<String> today = pat.signIn(uri("/today"), "pat");
        assertThat(today.body()).contains("Before you start: a few health questions")
                .contains("<a class=\"button\" href=\"/me/intake\">Answer the health questions</a>");

        HttpResponse<String> questions = pat.get(uri("/me/intake"));
        assertThat(questions.statusCode()).isEqualTo(200);
        assertThat(questions.body())
                .contains("<label for=\"intake-ageAtFirstOnset\">How old were you when your back pain first started?")
                .contains("<legend>Have you ever had cancer?</legend>")
                .contains("<legend>Has your back pain gone on for a month or more without getting better?</legend>");

        Map<String, String> screen = answers("35");
        screen.put("csrf-token", Browser.csrfToken(questions.body()));
        HttpResponse<String> sent = pat.post(uri("/me/intake"), screen);
        assertThat(sent.statusCode()).isEqualTo(303);
        assertThat(PatientServiceStub.screen().by()).isEqualTo(PAT);
        assertThat(PatientServiceStub.screen().flags()).isEmpty();

        int readsBefore = PatientServiceStub.ownIntakeReads();
        HttpResponse<String> todayAfter = pat.follow(sent);
        assertThat(todayAfter.uri().getPath()).isEqualTo("/today");
        assertThat(todayAfter.body()).contains("Thank you: your answers are recorded")
                .doesNotContain("Before you start: a few health questions");
        assertThat(pat.get(uri("/today")).body()).doesNotContain("Before you start: a few health questions");
        assertThat(PatientServiceStub.ownIntakeReads()).as("the answers just sent need no check on Today")
                .isEqualTo(readsBefore);

        HttpResponse<String> again = pat.get(uri("/me/intake"));
        assertThat(again.body()).contains("Your answers are already recorded.")
                .doesNotContain("<form method=\"post\" action=\"/me/intake\"");
        HttpResponse<String> resent = pat.post(uri("/me/intake"), screen);
        assertThat(resent.statusCode()).isEqualTo(409);
        assertThat(resent.body()).contains("Your answers are already recorded.")
                .contains("tell your therapist: they can update your answers")
                .doesNotContain("That did not work");
    }

    @Test
    void todayAsksForTheScreenOnEveryVisitUntilTheTherapistRecordsItAndThenNoMore() throws Exception {
        Browser pat = new Browser();
        assertThat(pat.signIn(uri("/today"), "pat").body()).contains("Before you start: a few health questions");
        assertThat(pat.get(uri("/today")).body()).contains("Before you start: a few health questions");
        assertThat(PatientServiceStub.ownIntakeReads()).as("asked on each visit while not screened").isEqualTo(2);

        Browser tara = signedIn("tara");
        Map<String, String> screen = answers("35");
        screen.put("csrf-token", Browser.csrfToken(tara.get(uri("/patients/" + PAT)).body()));
        assertThat(tara.post(uri("/patients/" + PAT + "/intake"), screen).statusCode()).isEqualTo(303);

        assertThat(pat.get(uri("/today")).body()).doesNotContain("Before you start")
                .contains("<h1");
        assertThat(PatientServiceStub.ownIntakeReads()).isEqualTo(3);
        for (int visit = 0; visit < 3; visit++) {
            assertThat(pat.get(uri("/today")).body()).doesNotContain("Before you start");
        }
        assertThat(PatientServiceStub.ownIntakeReads()).as("a recorded screen is never taken back: not asked again")
                .isEqualTo(3);
    }

    @Test
    void builderExplainsTheIntakeGatesRefusalsAndKeepsThePlan() throws Exception {
        Browser tara = signedIn("tara");
        HttpResponse<String> builder = tara.get(uri("/patients/" + PAT + "/plans/new"));
        assertThat(builder.statusCode()).isEqualTo(200);
        assertThat(builder.body()).contains("Not screened yet.")
                .contains("href=\"/patients/" + PAT + "#intake\">Record the intake screen</a>");
        Map<String, String> plan = new HashMap<>(Map.of("csrf-token", Browser.csrfToken(builder.body()),
                "action", "assign", "exerciseId", PlanServiceStub.EXERCISE, "itemId", "", "startWeek", "1",
                "sets", "2", "reps", "10", "timesPerDay", "1", "weeks", "4", "days", "0:MONDAY"));

        PlanServiceStub.creation = problem(409, "intake-screening-required", "This patient has no intake screening");
        HttpResponse<String> notScreened = tara.post(uri("/patients/" + PAT + "/plans/new"), plan);
        assertThat(notScreened.statusCode()).isEqualTo(400);
        assertThat(notScreened.body()).contains("Intake screen needed.")
                .contains("<a href=\"/patients/" + PAT + "#intake\">Record the intake screen for Pat Morgan</a>")
                .contains("<legend>Knee to chest</legend>");

        PlanServiceStub.creation = problem(409, "intake-sign-off-required", "flagged HISTORY_OF_CANCER");
        HttpResponse<String> signOff = tara.post(uri("/patients/" + PAT + "/plans/new"), plan);
        assertThat(signOff.statusCode()).isEqualTo(400);
        assertThat(signOff.body()).contains("Sign-off needed.")
                .contains("<input type=\"checkbox\" id=\"signOff\" name=\"signOff\" value=\"yes\" aria-invalid=\"true\"")
                .contains("id=\"signOff-error\">The intake screen flagged this patient: tick the box")
                .doesNotContain("intakeSignOff: true");

        PlanServiceStub.creation = problem(503, "intake-unavailable", "Intake screening could not be checked");
        HttpResponse<String> unavailable = tara.post(uri("/patients/" + PAT + "/plans/new"), plan);
        assertThat(unavailable.statusCode()).isEqualTo(400);
        assertThat(unavailable.body()).contains("Intake screen not checked.")
                .contains("the intake screen could not be checked just now")
                .contains("<legend>Knee to chest</legend>")
                .doesNotContain("Temporarily unavailable");

        // Any other 503 is still plan-service failing: the friendly "temporarily unavailable" page, as before.
        PlanServiceStub.creation = problem(503, "audit-unavailable", "The audit trail could not be written");
        HttpResponse<String> failing = tara.post(uri("/patients/" + PAT + "/plans/new"), plan);
        assertThat(failing.statusCode()).isEqualTo(503);
        assertThat(failing.body()).contains("Temporarily unavailable").doesNotContain("Intake screen not checked");
    }

    @Test
    void activatingAPlanSendsTheSignOffAndExplainsTheIntakeGateInPlainWords() throws Exception {
        Browser tara = signedIn("tara");
        String token = Browser.csrfToken(tara.get(uri("/patients/" + PAT)).body());
        URI status = uri("/patients/" + PAT + "/plans/" + PlanServiceStub.PLAN + "/status");

        HttpResponse<String> activated = tara.post(status, Map.of("csrf-token", token, "status", "ACTIVE",
                "reason", "Flags reviewed", "intakeSignOff", "yes"));
        assertThat(activated.statusCode()).isEqualTo(303);
        assertThat(PlanServiceStub.lastChange).contains("\"status\":\"ACTIVE\"").contains("\"intakeSignOff\":true");

        // A pause is no activation: no sign-off goes with it, ticked or not.
        tara.post(status, Map.of("csrf-token", token, "status", "ON_HOLD", "reason", "x", "intakeSignOff", "yes"));
        assertThat(PlanServiceStub.lastChange).contains("\"status\":\"ON_HOLD\"").doesNotContain("intakeSignOff");

        PlanServiceStub.change = problem(409, "intake-sign-off-required", "confirm (intakeSignOff: true)");
        HttpResponse<String> refused = tara.post(status, Map.of("csrf-token", token, "status", "ACTIVE",
                "reason", "Back from holiday"));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("the intake screen has flags. Tick “I reviewed the intake flags”")
                .doesNotContain("intakeSignOff");
    }

    @Test
    void therapistDownloadsTheFhirRecordAndATherapistOutsideTheCareTeamFindsNothing() throws Exception {
        Browser tara = signedIn("tara");
        assertThat(tara.get(uri("/patients/" + PAT)).body())
                .contains("href=\"/patients/" + PAT + "/fhir\">Download FHIR record</a>");

        HttpResponse<byte[]> record = tara.getBytes(uri("/patients/" + PAT + "/fhir"));

        assertThat(record.statusCode()).isEqualTo(200);
        assertThat(record.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/fhir+json"));
        assertThat(record.headers().firstValue("Content-Disposition"))
                .contains("attachment; filename=\"pat-morgan-fhir-record.json\"");
        assertThat(new String(record.body(), StandardCharsets.UTF_8)).isEqualTo(PlanServiceStub.FHIR_BUNDLE);

        HttpResponse<String> theo = signedIn("theo").get(uri("/patients/" + PAT + "/fhir"));
        assertThat(theo.statusCode()).isEqualTo(404);
        assertThat(theo.body()).contains("We could not find that").doesNotContain("Bundle");
    }

    /** Age as given, "yes" to the named questions and "no" to the rest. */
    private static Map<String, String> answers(String age, String... yes) {
        Map<String, String> form = new HashMap<>();
        form.put("ageAtFirstOnset", age);
        NO_TO_EVERYTHING.forEach(q -> form.put(q, "no"));
        for (String q : yes) {
            form.put(q, "yes");
        }
        return form;
    }

    private static PlanServiceStub.Answer problem(int status, String type, String detail) {
        return new PlanServiceStub.Answer(status, "{\"type\":\"https://homeprogram.care/problems/" + type
                + "\",\"title\":\"Refused\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}");
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
