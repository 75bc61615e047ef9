package care.homeprogram.portal;

import static org.assertj.core.api.Assertions.assertThat;

import care.homeprogram.testing.DemoUsers;
import care.homeprogram.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The patient corrects or withdraws a session from their history, with the real sign-in and plan-service's stand-in
 * ({@link PlanServiceStub}): one session logged an hour ago (changeable) and one two days ago (not), what the portal
 * sends to plan-service, and how it shows plan-service's answers, including the 24-hour window having closed.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PORTAL"))
@QuarkusTestResource(value = PlanServiceStub.class, restrictToAnnotatedClass = true)
class SessionCorrectionTest {
    private static final String PLAN = "c0000000-0000-4000-8000-000000000001";
    private static final String ITEM = "c1000000-0000-4000-8000-000000000001";
    private static final String RECENT = "c2000000-0000-4000-8000-000000000001";
    private static final String OLD = "c2000000-0000-4000-8000-000000000002";
    private static final String CORRECT = "/history/sessions/" + PLAN + "/" + RECENT + "/correct";
    private static final String WITHDRAW = "/history/sessions/" + PLAN + "/" + RECENT + "/withdraw";

    @TestHTTPResource("/")
    URL portal;

    @BeforeEach
    void patHasARecentAndAnOldSession() {
        PlanServiceStub.mine = """
                {"items":[{"id":"%s","patientId":"%s","therapistId":"%s","status":"ACTIVE","version":1,
                 "startDate":"2026-11-01","createdAt":"2026-11-01T10:00:00Z","updatedAt":"2026-11-01T10:00:00Z",
                 "items":[{"id":"%s","exerciseId":"%s","name":"Knee to chest","status":"ACTIVE","startWeek":1}],
                 "today":{"date":"2026-12-02","timeZone":"UTC","week":1,"items":[]}}],"total":1}
                """.formatted(PLAN, DemoUsers.PAT, DemoUsers.TARA, ITEM, PlanServiceStub.EXERCISE);
        PlanServiceStub.sessions = "{\"items\":[" + session(RECENT, 1, "LOGGED") + ","
                + session(OLD, 48, "LOGGED") + "],\"total\":2}";
        PlanServiceStub.sessionChange = new PlanServiceStub.Answer(200, "{}");
        PlanServiceStub.lastSessionChange = null;
    }

    @AfterEach
    void backToNoPlans() {
        PlanServiceStub.mine = "{\"items\":[],\"total\":0}";
        PlanServiceStub.sessions = "{\"items\":[],\"total\":0}";
    }

    private static String session(String id, int hoursAgo, String status) {
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC).minusHours(hoursAgo).truncatedTo(ChronoUnit.SECONDS);
        return """
                {"id":"%s","planId":"%s","itemId":"%s","performedAt":"%s","loggedAt":"%s","setsDone":2,"repsDone":10,
                 "painBefore":2,"painAfter":3,"symptoms":[],"note":null,"decision":"CONTINUE","trafficLight":"GREEN",
                 "reasons":[],"status":"%s"}
                """.formatted(id, PLAN, ITEM, at, at, status);
    }

    @Test
    void onlyASessionLoggedInTheLast24HoursOffersCorrectAndWithdraw() throws Exception {
        HttpResponse<String> history = signedIn().get(uri("/history"));

        assertThat(history.statusCode()).isEqualTo(200);
        assertThat(history.body())
                .contains("href=\"" + CORRECT + "\"").contains("Correct this session")
                .contains("href=\"" + WITHDRAW + "\"").contains("Withdraw this session")
                .doesNotContain(OLD + "/correct").doesNotContain(OLD + "/withdraw");
    }

    @Test
    void aCorrectionSendsTheNewValuesAndReasonAndShowsTheSafetyDecision() throws Exception {
        Browser pat = signedIn();
        HttpResponse<String> page = pat.get(uri(CORRECT));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<label for=\"reason\">Why are you correcting it?</label>")
                .contains("<legend>Did you notice any of these? Tick all that apply.</legend>")
                .contains("Pain spreading down my leg")
                // the form starts from what was logged
                .contains("id=\"painAfter\" name=\"painAfter\" type=\"number\" min=\"0\" max=\"10\" step=\"1\" "
                        + "inputmode=\"numeric\" value=\"3\"");
        PlanServiceStub.sessionChange = new PlanServiceStub.Answer(200, """
                {"decision":"ITEM_PAUSED","reasons":["STOP_RULE:PAIN_SPREADING_DOWN_LEG"],
                 "guidance":"Stop this exercise; your therapist will be in touch.","trafficLight":"RED",
                 "itemId":"%s","itemStatus":"PAUSED","therapistAlerted":true}
                """.formatted(ITEM));

        HttpResponse<String> outcome = pat.post(uri(CORRECT), form(page, Map.of("painBefore", "2",
                "painAfter", "7", "symptoms", "PAIN_SPREADING_DOWN_LEG", "note", "",
                "reason", "I entered the wrong pain score")));

        assertThat(outcome.statusCode()).isEqualTo(200);
        assertThat(outcome.body()).contains("Stop: Knee to chest is paused")
                .contains("Stop this exercise; your therapist will be in touch.")
                .contains("Your therapist has been told.");
        assertThat(PlanServiceStub.lastSessionChange)
                .startsWith("PUT /api/plans/" + PLAN + "/sessions/" + RECENT + " ")
                .contains("\"painBefore\":2").contains("\"painAfter\":7")
                .contains("\"symptoms\":[\"PAIN_SPREADING_DOWN_LEG\"]")
                .contains("\"reason\":\"I entered the wrong pain score\"")
                // an empty optional field is left out, not sent as a blank note
                .doesNotContain("\"note\"");
    }

    @Test
    void aWithdrawalSendsTheReasonAndTheHistorySaysSo() throws Exception {
        Browser pat = signedIn();
        HttpResponse<String> page = pat.get(uri(WITHDRAW));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<label for=\"reason\">Why are you withdrawing it?</label>")
                .contains("Yes, withdraw this session");
        PlanServiceStub.sessionChange = new PlanServiceStub.Answer(200, session(RECENT, 1, "WITHDRAWN"));

        HttpResponse<String> answer = pat.post(uri(WITHDRAW), form(page,
                Map.of("reason", "I logged it by mistake", "confirm", "yes")));

        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(PlanServiceStub.lastSessionChange)
                .isEqualTo("POST /api/plans/" + PLAN + "/sessions/" + RECENT + "/withdraw "
                        + "{\"reason\":\"I logged it by mistake\"}");
        // plan-service now lists it as withdrawn
        PlanServiceStub.sessions = "{\"items\":[" + session(RECENT, 1, "WITHDRAWN") + "],\"total\":1}";
        HttpResponse<String> history = pat.follow(answer);
        assertThat(history.statusCode()).isEqualTo(200);
        assertThat(history.body()).contains("The session is withdrawn")
                .contains("Withdrawn by you")
                .doesNotContain("Correct this session");
    }

    @Test
    void afterTheWindowThePatientReadsWhyNotAnErrorPage() throws Exception {
        Browser pat = signedIn();
        HttpResponse<String> page = pat.get(uri(CORRECT));
        // the window closed between opening the form and sending it: plan-service has the last word
        PlanServiceStub.sessionChange = new PlanServiceStub.Answer(409, """
                {"type":"https://homeprogram.care/problems/correction-window-closed","title":"Correction window closed",
                 "status":409,"detail":"Sessions can be corrected for 24 hours after they are logged"}
                """);

        HttpResponse<String> answer = pat.post(uri(CORRECT), form(page, Map.of("painBefore", "2",
                "painAfter", "4", "reason", "wrong score")));

        assertThat(answer.statusCode()).isEqualTo(409);
        assertThat(answer.body()).contains("This session can no longer be changed: it was logged more than 24 hours "
                + "ago. Tell your therapist if something was wrong.")
                .contains("href=\"/history\"")
                .doesNotContain("Save the correction")
                .doesNotContain("Something went wrong");

        HttpResponse<String> withdraw = pat.post(uri(WITHDRAW), form(page, Map.of("reason", "mistake",
                "confirm", "yes")));
        assertThat(withdraw.statusCode()).isEqualTo(409);
        assertThat(withdraw.body()).contains("This session can no longer be changed");
    }

    @Test
    void aMissingReasonIsShownNextToItsFieldAndNothingIsSent() throws Exception {
        Browser pat = signedIn();
        HttpResponse<String> page = pat.get(uri(CORRECT));

        HttpResponse<String> answer = pat.post(uri(CORRECT), form(page, Map.of("painBefore", "2",
                "painAfter", "4", "reason", "  ")));

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("Please check your answers")
                .contains("<a href=\"#reason\">Say briefly what was wrong")
                .contains("<p class=\"field__error\" id=\"reason-error\">Say briefly what was wrong")
                .contains("aria-describedby=\"reason-hint reason-error\" aria-invalid=\"true\"")
                // what the patient typed is kept
                .contains("value=\"4\"");
        assertThat(PlanServiceStub.lastSessionChange).isNull();

        HttpResponse<String> withdraw = pat.post(uri(WITHDRAW), form(page, Map.of("reason", "")));
        assertThat(withdraw.statusCode()).isEqualTo(400);
        assertThat(withdraw.body()).contains("id=\"reason-error\">Say briefly why")
                .contains("id=\"confirm-error\">Tick the box to confirm");
        assertThat(PlanServiceStub.lastSessionChange).isNull();
    }

    @Test
    void plansServiceFieldErrorsAreShownNextToTheirFieldsInThePortalsWords() throws Exception {
        Browser pat = signedIn();
        HttpResponse<String> page = pat.get(uri(CORRECT));
        PlanServiceStub.sessionChange = new PlanServiceStub.Answer(400, """
                {"type":"https://homeprogram.care/problems/validation","title":"Invalid","status":400,
                 "detail":"Invalid session","errors":[{"field":"correction.painAfter","message":"must be at most 10"},
                   {"field":"correction.mood","message":"is not a field the portal knows"}]}
                """);

        HttpResponse<String> answer = pat.post(uri(CORRECT), form(page, Map.of("painBefore", "2",
                "painAfter", "4", "reason", "wrong score")));

        assertThat(answer.statusCode()).isEqualTo(400);
        // a field the portal has words for: its words (in the patient's language, docs/portal.md "Languages")
        assertThat(answer.body()).contains("<p class=\"field__error\" id=\"painAfter-error\">Choose a number from 0 to 10</p>")
                .contains("<a href=\"#painAfter\">Choose a number from 0 to 10</a>")
                // one it has none for: plan-service's own message, above the form
                .contains("is not a field the portal knows");
    }

    @Test
    void anotherPersonsOrAMadeUpSessionIsNotFound() throws Exception {
        Browser pat = signedIn();
        assertThat(pat.get(uri("/history/sessions/" + PLAN + "/" + ITEM + "/correct")).statusCode())
                .isEqualTo(404);
        assertThat(pat.get(uri("/history/sessions/" + ITEM + "/" + RECENT + "/withdraw")).statusCode())
                .isEqualTo(404);
        assertThat(pat.get(uri("/history/sessions/not-a-plan/" + RECENT + "/withdraw")).statusCode())
                .isEqualTo(404);
    }

    private static Map<String, String> form(HttpResponse<String> page, Map<String, String> fields) {
        Map<String, String> form = new HashMap<>(fields);
        form.put("csrf-token", Browser.csrfToken(page.body()));
        return form;
    }

    private Browser signedIn() throws Exception {
        Browser pat = new Browser();
        assertThat(pat.signIn(uri("/"), "pat").statusCode()).isEqualTo(200);
        return pat;
    }

    private URI uri(String path) {
        return URI.create(portal.toString()).resolve(path);
    }
}
