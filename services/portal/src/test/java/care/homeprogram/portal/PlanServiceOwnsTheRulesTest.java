package care.homeprogram.portal;

import static care.homeprogram.testing.DemoUsers.PAT;
import static care.homeprogram.testing.DemoUsers.TARA;
import static org.assertj.core.api.Assertions.assertThat;

import care.homeprogram.testing.RealInfrastructure;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One owner per truth (issue #11): plan-service decides the traffic light and what a dose may be; the portal only
 * shows what it says. With the real sign-in and stand-ins for patient-service and plan-service answering in
 * plan-service's JSON (docs/api.md): the pain chart colours a day with the band plan-service's rules decided and draws
 * the plan's own thresholds, and the builder sends a dose as typed and shows plan-service's refusal next to the field.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PORTAL"))
@QuarkusTestResource(value = PatientServiceStub.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PlanServiceStub.class, restrictToAnnotatedClass = true)
class PlanServiceOwnsTheRulesTest {
    private static final String PLAN = "d0000000-0000-4000-8000-000000000001";
    private static final String ITEM = "d1000000-0000-4000-8000-000000000001";

    @TestHTTPResource("/")
    URL portal;

    @BeforeEach
    void freshStandIns() {
        PatientServiceStub.reset();
        PlanServiceStub.creation = null;
        PlanServiceStub.lastCreation = null;
    }

    @AfterEach
    void backToNoPlans() {
        PlanServiceStub.mine = "{\"items\":[],\"total\":0}";
        PlanServiceStub.sessions = "{\"items\":[],\"total\":0}";
    }

    /**
     * A plan whose green runs to 5 (amber to 7): pain 5 after exercise was green by its rules. The portal's old
     * thresholds (3/5) coloured that day amber and drew amber from 4; now the day is green, as plan-service decided,
     * and the bands are the plan's own.
     */
    @Test
    void thePainChartColoursEachDayWithTheBandPlanServiceDecided() throws Exception {
        PlanServiceStub.mine = """
                {"items":[{"id":"%s","patientId":"%s","therapistId":"%s","status":"ACTIVE","version":1,
                 "startDate":"2026-11-01","createdAt":"2026-11-01T10:00:00Z","updatedAt":"2026-11-01T10:00:00Z",
                 "items":[{"id":"%s","exerciseId":"%s","name":"Knee to chest","status":"ACTIVE","startWeek":1}],
                 "today":{"date":"2026-11-21","timeZone":"UTC","week":3,"items":[]},
                 "thresholds":{"greenMax":5,"amberMax":7,"baselineRiseAlert":2}}],"total":1}
                """.formatted(PLAN, PAT, TARA, ITEM, PlanServiceStub.EXERCISE);
        PlanServiceStub.sessions = "{\"items\":[" + session("d2000000-0000-4000-8000-000000000001",
                "2026-11-20T09:00:00Z", 5, "GREEN") + "," + session("d2000000-0000-4000-8000-000000000002",
                "2026-11-21T09:00:00Z", 6, "AMBER") + "],\"total\":2}";

        HttpResponse<String> history = signedIn("pat").get(uri("/history"));

        assertThat(history.statusCode()).isEqualTo(200);
        assertThat(history.body())
                .contains("<tr><th scope=\"row\">20 Nov</th><td>1</td><td>5</td>"
                        + "<td><span class=\"light light--green\">green</span></td>")
                .contains("<tr><th scope=\"row\">21 Nov</th><td>1</td><td>6</td>"
                        + "<td><span class=\"light light--amber\">amber</span></td>")
                .contains("Bands: green 0–5 continue, amber 6–7 watch, red 8+ paused")
                .contains("Green is 0 to 5, amber 6 to 7, red 8 or more.")
                .doesNotContain("green 0–3");
    }

    /**
     * The builder no longer refuses a dose itself: 80 reps goes to plan-service, which refuses it on
     * {@code items[0].dose.reps} (its bean validation's words, as its ProblemMappers write them), and the builder shows
     * that message next to the reps field of that item, the items kept.
     */
    @Test
    void aDosePlanServiceRefusesShowsPlanServicesMessageNextToTheField() throws Exception {
        Browser tara = signedIn("tara");
        HttpResponse<String> builder = tara.get(uri("/patients/" + PAT + "/plans/new"));
        assertThat(builder.statusCode()).isEqualTo(200);
        PlanServiceStub.creation = new PlanServiceStub.Answer(400, """
                {"type":"https://homeprogram.care/problems/validation","title":"Invalid input","status":400,
                 "detail":"items[0].dose.reps: must be less than or equal to 50","instance":"/api/plans",
                 "errors":[{"field":"items[0].dose.reps","message":"must be less than or equal to 50"}]}
                """);
        Map<String, String> plan = new HashMap<>(Map.of("csrf-token", Browser.csrfToken(builder.body()),
                "action", "assign", "exerciseId", PlanServiceStub.EXERCISE, "itemId", "", "startWeek", "1",
                "sets", "2", "reps", "80", "timesPerDay", "1", "weeks", "4", "days", "0:MONDAY"));

        HttpResponse<String> refused = tara.post(uri("/patients/" + PAT + "/plans/new"), plan);

        assertThat(PlanServiceStub.lastCreation).as("the portal sends the dose as typed")
                .contains("\"reps\":80");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body())
                .contains("<input id=\"reps-0\" name=\"reps\" type=\"number\" "
                        + "inputmode=\"numeric\" value=\"80\" aria-invalid=\"true\" aria-describedby=\"reps-0-error\">"
                        + "<p class=\"field__error\" id=\"reps-0-error\">Must be less than or equal to 50</p>")
                .doesNotContain("Must be between 1 and 50");
    }

    /** The note to the patient typed at an item goes to plan-service with that item (shown on the patient's Today). */
    @Test
    void aNoteToThePatientGoesWithItsItem() throws Exception {
        Browser tara = signedIn("tara");
        HttpResponse<String> builder = tara.get(uri("/patients/" + PAT + "/plans/new"));
        PlanServiceStub.creation = new PlanServiceStub.Answer(201, "{\"id\":\"" + PlanServiceStub.PLAN + "\"}");
        Map<String, String> plan = new HashMap<>(Map.of("csrf-token", Browser.csrfToken(builder.body()),
                "action", "assign", "exerciseId", PlanServiceStub.EXERCISE, "itemId", "", "startWeek", "1",
                "sets", "2", "reps", "10", "timesPerDay", "1", "weeks", "4", "days", "0:MONDAY"));
        plan.put("note", "Keep the other foot flat on the mat");

        HttpResponse<String> assigned = tara.post(uri("/patients/" + PAT + "/plans/new"), plan);

        assertThat(assigned.statusCode()).isEqualTo(303);
        assertThat(PlanServiceStub.lastCreation).contains("\"noteToPatient\":\"Keep the other foot flat on the mat\"");
    }

    /**
     * Accepting a progression suggestion opens the plan's editor with the acceptance as the reason; saving sends the
     * new dose with that reason as a PATCH, which plan-service keeps as a new version.
     */
    @Test
    void anAcceptedProgressionIsSavedAsANewVersionWithItsReason() throws Exception {
        PlanServiceStub.planById = """
                {"id":"%s","patientId":"%s","therapistId":"%s","status":"ACTIVE","version":2,"startDate":"2026-11-01",
                 "createdAt":"2026-11-01T10:00:00Z","updatedAt":"2026-11-15T10:00:00Z",
                 "items":[{"id":"%s","exerciseId":"%s","name":"Knee to chest","status":"ACTIVE","startWeek":1,
                   "dose":{"sets":2,"reps":10,"timesPerDay":1,"daysOfWeek":["MONDAY"],"weeks":4}}]}
                """.formatted(PLAN, PAT, TARA, ITEM, PlanServiceStub.EXERCISE);
        PlanServiceStub.change = null;
        PlanServiceStub.lastChange = null;
        try {
            Browser tara = signedIn("tara");
            HttpResponse<String> editor = tara.get(uri("/patients/" + PAT + "/plans/" + PLAN + "/edit?progression=3"));
            assertThat(editor.statusCode()).isEqualTo(200);
            assertThat(editor.body()).contains("value=\"Progression accepted after week 3\"");

            Map<String, String> changed = new HashMap<>(Map.of("csrf-token", Browser.csrfToken(editor.body()),
                    "action", "save", "reason", "Progression accepted after week 3", "exerciseId",
                    PlanServiceStub.EXERCISE, "itemId", ITEM, "startWeek", "1", "sets", "3", "reps", "12",
                    "timesPerDay", "1", "weeks", "4"));
            changed.put("days", "0:MONDAY");
            HttpResponse<String> saved = tara.post(uri("/patients/" + PAT + "/plans/" + PLAN + "/edit"), changed);

            assertThat(saved.statusCode()).isEqualTo(303);
            assertThat(PlanServiceStub.lastChange).contains("\"reason\":\"Progression accepted after week 3\"")
                    .contains("\"reps\":12").contains("\"sets\":3");
        } finally {
            PlanServiceStub.planById = null;
        }
    }

    /** A number that does not parse is the one mistake the builder catches itself: nothing is sent. */
    @Test
    void aDoseThatIsNoNumberStaysInTheBuilder() throws Exception {
        Browser tara = signedIn("tara");
        HttpResponse<String> builder = tara.get(uri("/patients/" + PAT + "/plans/new"));
        Map<String, String> plan = new HashMap<>(Map.of("csrf-token", Browser.csrfToken(builder.body()),
                "action", "assign", "exerciseId", PlanServiceStub.EXERCISE, "itemId", "", "startWeek", "1",
                "sets", "2", "reps", "ten", "timesPerDay", "1", "weeks", "4", "days", "0:MONDAY"));

        HttpResponse<String> refused = tara.post(uri("/patients/" + PAT + "/plans/new"), plan);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("<p class=\"field__error\" id=\"reps-0-error\">Must be a whole number</p>");
        assertThat(PlanServiceStub.lastCreation).isNull();
    }

    private static String session(String id, String at, int painAfter, String band) {
        return """
                {"id":"%s","planId":"%s","itemId":"%s","performedAt":"%s","loggedAt":"%s","setsDone":2,"repsDone":10,
                 "painBefore":1,"painAfter":%d,"symptoms":[],"note":null,"decision":"CONTINUE","trafficLight":"%s",
                 "reasons":[],"status":"LOGGED"}
                """.formatted(id, PLAN, ITEM, at, at, painAfter, band);
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
