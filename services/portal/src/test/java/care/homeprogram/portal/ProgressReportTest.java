package care.homeprogram.portal;

import static care.homeprogram.testing.DemoUsers.PAT;
import static care.homeprogram.testing.DemoUsers.SAM;
import static care.homeprogram.testing.DemoUsers.TARA;
import static org.assertj.core.api.Assertions.assertThat;

import care.homeprogram.testing.PdfText;
import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.StandInService;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The progress and discharge report with the real sign-in and stand-ins for patient-service
 * ({@link PatientServiceStub}, pat in Tara's care) and plan-service ({@link PlanServiceStub}): the PDF is read back as
 * text and carries each section with plan-service's own figures; a completed plan makes it a discharge report; only
 * the patient's therapist gets it; a part plan-service cannot give is said, and without the plans it is a 503 page.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PORTAL"))
@QuarkusTestResource(value = PatientServiceStub.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PlanServiceStub.class, restrictToAnnotatedClass = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProgressReportTest {
    private static final String PLAN = "d1000000-0000-4000-8000-000000000001";
    private static final String ITEM = "d3000000-0000-4000-8000-000000000001";

    @TestHTTPResource("/")
    URL portal;

    @AfterEach
    void reset() {
        PlanServiceStub.resetMeasures();
        PlanServiceStub.alerts = "{\"items\":[],\"total\":0}";
        PlanServiceStub.sessions = "{\"items\":[],\"total\":0}";
        PlanServiceStub.versions = "{\"items\":[],\"total\":0}";
        PlanServiceStub.adherence = "{\"weeks\":[]}";
    }

    @Test
    void theReportCarriesEverySectionWithTheRecordedFigures() throws Exception {
        recordedCare("ACTIVE");
        Browser tara = signedIn("tara");

        HttpResponse<String> page = tara.get(uri("/patients/" + PAT));
        assertThat(page.body()).contains("href=\"/patients/" + PAT + "/report.pdf\">Progress report (PDF)</a>");

        HttpResponse<byte[]> pdf = tara.getBytes(uri("/patients/" + PAT + "/report.pdf"));
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Cache-Control")).hasValue("no-store");
        String text = PdfText.of(pdf.body());
        assertThat(text).contains("Progress report").doesNotContain("Discharge report")
                .contains("Patient: Pat Morgan").contains("Therapist: Tara Lindqvist")
                .contains("Period: 1 November 2026 to ").contains("Made on ")
                // plan history, with the therapist's own reason
                .contains("Plan history").contains("Plan started 1 November 2026: Active (reported on below), 1 exercise")
                .contains("Version 1 — Active, 1 Nov 2026, 11:00, by Tara Lindqvist")
                .contains("Version 2 — Active, 15 Nov 2026, 10:00, by Tara Lindqvist: “Fewer reps while the knee settles”")
                .contains("Exercises now: Pelvic tilt")
                // adherence
                .contains("Overall: 12 of 14 prescribed exercise sessions done (86 %)")
                .contains("Week 1 (2 November 2026 to 8 November 2026): 7 of 7 (100 %)")
                .contains("Week 2 (9 November 2026 to 15 November 2026): 5 of 7 (71 %)")
                // pain trend, per day in the patient's zone
                .contains("First day: 20 November 2026, before 5, after 4; latest day: 21 November 2026, before 3, after 2")
                // outcome scores: first and latest, the change against the threshold, the pathway note as information
                .contains("Patient-Specific Functional Scale, Average score: at the start 3 on 1 November 2026; "
                        + "now 6 on 29 November 2026; change +3.0 against a minimal detectable change of 2: reached "
                        + "(Stratford 1995)")
                .contains("ODI, Disability: at the start 40 on 1 November 2026; now 36 on 29 November 2026; change "
                        + "-4.0 against a minimal important change of 10: not reached")
                .contains("For information, not a decision: latest risk group high — Physiotherapy, psychologically "
                        + "informed. (NICE NG59)")
                // alerts: who acknowledged which, when; the escalation it took; the one still open; none of sam's
                .contains("Alerts and how they were handled")
                .contains("high: Pain rose above the plan's threshold; Care team re-notified at 20 Nov 2026, 10:30 "
                        + "(not acknowledged within 30 minutes); acknowledged by Tara Lindqvist on 20 Nov 2026, 11:00")
                .contains("low: Two sessions missed; not acknowledged yet")
                .doesNotContain("Someone else's alert")
                // nothing the patient wrote as free text
                .doesNotContain("my knee clicked");
    }

    @Test
    void aCompletedPlanMakesItADischargeReportEndingOnTheCompletionDay() throws Exception {
        recordedCare("COMPLETED");

        String text = PdfText.of(signedIn("tara").getBytes(uri("/patients/" + PAT + "/report.pdf")).body());

        assertThat(text).contains("Discharge report").doesNotContain("Progress report")
                .contains("Period: 1 November 2026 to 30 November 2026")
                .contains("Plan started 1 November 2026: Completed");
    }

    @Test
    void withoutRecordsTheReportSaysSoSectionBySection() throws Exception {
        String text = PdfText.of(signedIn("tara").getBytes(uri("/patients/" + PAT + "/report.pdf")).body());

        assertThat(text).contains("Progress report").contains("No plan has been given to the patient yet.")
                .contains("No outcome measure has been answered yet.").contains("No alert was raised.");
    }

    @Test
    void onlyThePatientsTherapistGetsIt() throws Exception {
        recordedCare("ACTIVE");
        // a patient outside tara's care team: patient-service does not know them for her, so neither does the portal
        HttpResponse<String> foreign = signedIn("tara").get(uri("/patients/" + SAM + "/report.pdf"));
        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.body()).doesNotContain("Pat Morgan").doesNotContain("Sam Rivera");
        for (String user : new String[] { "pat", "ada" }) {
            Browser browser = new Browser();
            browser.signIn(uri("/"), user); // their own start page needs services this test does not stand in for
            HttpResponse<String> refused = browser.get(uri("/patients/" + PAT + "/report.pdf"));
            assertThat(refused.statusCode()).as(user).isEqualTo(403);
            assertThat(refused.body()).as(user).contains("This page is not available for your role");
        }
        assertThat(new Browser().get(uri("/patients/" + PAT + "/report.pdf")).statusCode()).isIn(302, 401);
        assertThat(signedIn("tara").get(uri("/patients/not-a-uuid/report.pdf")).statusCode()).isIn(400, 404);
    }

    /** Last: its failures open plan-service's circuit breaker for the next seconds. */
    @Test
    @Order(Integer.MAX_VALUE)
    void aPartPlanServiceCannotGiveIsSaidAndWithoutThePlansItIsAClear503() throws Exception {
        recordedCare("ACTIVE");
        PlanServiceStub.scores = new PlanServiceStub.Answer(500, StandInService.problem(500, "failure", "boom"));
        String text = PdfText.of(signedIn("tara").getBytes(uri("/patients/" + PAT + "/report.pdf")).body());
        assertThat(text).contains("Outcome scores are temporarily unavailable.").contains("Overall: 12 of 14");

        PlanServiceStub.ofPatientAnswer = new PlanServiceStub.Answer(500,
                StandInService.problem(500, "failure", "boom"));
        try {
            HttpResponse<String> down = signedIn("tara").get(uri("/patients/" + PAT + "/report.pdf"));
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(down.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).contains("text/html"));
            assertThat(down.body()).contains("Temporarily unavailable").doesNotContain("boom")
                    .doesNotContain("Exception");
        } finally {
            PlanServiceStub.ofPatientAnswer = null;
        }
    }

    /** Pat's care as plan-service records it: one plan in two versions, two weeks, two days, scores and alerts. */
    private static void recordedCare(String status) {
        String plan = """
                {"id":"%s","patientId":"%s","therapistId":"%s","status":"%s","version":2,"startDate":"2026-11-01",
                 "createdAt":"2026-11-01T10:00:00Z","updatedAt":"2026-11-30T10:00:00Z","items":[
                  {"id":"%s","exerciseId":"%s","name":"Pelvic tilt","status":"ACTIVE","startWeek":1,
                   "dose":{"sets":1,"reps":8,"timesPerDay":1,"daysOfWeek":["MONDAY"],"weeks":4}}]}
                """.formatted(PLAN, PAT, TARA, status, ITEM, ITEM);
        PlanServiceStub.ofPatient = "{\"items\":[" + plan + "],\"total\":1}";
        PlanServiceStub.planById = plan; // the earlier version the patient page compares with
        PlanServiceStub.versions = """
                {"items":[{"version":2,"status":"ACTIVE","changedBy":"%s","changedAt":"2026-11-15T09:00:00Z",
                  "reason":"Fewer reps while the knee settles"},
                 {"version":1,"status":"ACTIVE","changedBy":"%s","changedAt":"2026-11-01T10:00:00Z"}],"total":2}
                """.formatted(TARA, TARA);
        PlanServiceStub.adherence = """
                {"planId":"%s","weeks":[
                 {"week":1,"from":"2026-11-02","to":"2026-11-08","prescribed":7,"done":7,"adherence":1.0,
                  "sessions":7,"allGreen":true},
                 {"week":2,"from":"2026-11-09","to":"2026-11-15","prescribed":7,"done":5,"adherence":0.714,
                  "sessions":5,"allGreen":false}]}
                """.formatted(PLAN);
        PlanServiceStub.sessions = "{\"items\":[" + session("2026-11-20T09:00:00Z", 5, 4, "AMBER", null) + ","
                + session("2026-11-21T09:00:00Z", 3, 2, "GREEN", "my knee clicked") + "],\"total\":2}";
        PlanServiceStub.scores = new PlanServiceStub.Answer(200, """
                {"patientId":"%s","instruments":[
                 {"instrument":"psfs","title":"Patient-Specific Functional Scale","scores":[
                  {"score":"average","title":"Average score","minimalDetectableChange":2,"changeSource":"Stratford 1995",
                   "points":[{"occasion":"INTAKE","answeredAt":"2026-11-01T10:00:00Z","value":3},
                             {"occasion":"WEEK_2","answeredAt":"2026-11-15T10:00:00Z","value":4.5},
                             {"occasion":"WEEK_4","answeredAt":"2026-11-29T10:00:00Z","value":6}],
                   "change":3,"changeReachesThreshold":true}]},
                 {"instrument":"odi","title":"ODI","scores":[
                  {"score":"percent","title":"Disability","minimalImportantChange":10,
                   "points":[{"occasion":"INTAKE","answeredAt":"2026-11-01T10:00:00Z","value":40},
                             {"occasion":"WEEK_4","answeredAt":"2026-11-29T10:00:00Z","value":36}],
                   "change":-4,"changeReachesThreshold":false}]},
                 {"instrument":"start-back","title":"The Keele STarT Back Screening Tool","scores":[
                  {"score":"total","title":"Total score","points":[{"occasion":"INTAKE",
                    "answeredAt":"2026-11-01T10:00:00Z","value":6,"band":"high"}],"latestBand":"high",
                   "pathwayNote":"Physiotherapy, psychologically informed.","pathwaySource":"NICE NG59"}]}]}
                """.formatted(PAT));
        PlanServiceStub.alerts = """
                {"items":[
                 {"id":"d4000000-0000-4000-8000-000000000001","patientId":"%s","planId":"%s","severity":"HIGH",
                  "reasonCode":"PAIN_ABOVE_THRESHOLD","reason":"Pain rose above the plan's threshold",
                  "status":"ACKNOWLEDGED","acknowledgedBy":"%s","acknowledgedAt":"2026-11-20T10:00:00Z",
                  "createdAt":"2026-11-20T09:00:00Z","escalations":[{"step":"CARE_TEAM","at":"2026-11-20T09:30:00Z"}]},
                 {"id":"d4000000-0000-4000-8000-000000000002","patientId":"%s","planId":"%s","severity":"LOW",
                  "reasonCode":"MISSED","reason":"Two sessions missed","status":"OPEN",
                  "createdAt":"2026-11-25T09:00:00Z"},
                 {"id":"d4000000-0000-4000-8000-000000000003","patientId":"%s","planId":"%s","severity":"LOW",
                  "reasonCode":"MISSED","reason":"Someone else's alert","status":"OPEN",
                  "createdAt":"2026-11-25T09:00:00Z"}],"total":3}
                """.formatted(PAT, PLAN, TARA, PAT, PLAN, SAM, PLAN);
    }

    private static String session(String at, int before, int after, String light, String note) {
        return """
                {"id":"%s","planId":"%s","itemId":"%s","performedAt":"%s","painBefore":%d,"painAfter":%d,
                 "symptoms":[],"note":%s,"decision":"CONTINUE","trafficLight":"%s","reasons":[],"status":"LOGGED",
                 "loggedAt":"%s"}
                """.formatted(java.util.UUID.randomUUID(), PLAN, ITEM, at, before, after,
                note == null ? "null" : "\"" + note + "\"", light, at);
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
