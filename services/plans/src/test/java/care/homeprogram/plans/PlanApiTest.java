package care.homeprogram.plans;

import static care.homeprogram.testing.DemoUsers.PAT;
import static care.homeprogram.testing.DemoUsers.SAM;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import care.homeprogram.testing.DemoPatients;
import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.TestEvents;
import care.homeprogram.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** plan-service against real Keycloak tokens, real PostgreSQL and the real broker. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PLANS"))
class PlanApiTest {
    private static final String ACUTE = "acute-back-spasm-4-weeks";

    @BeforeEach
    void careTeamsArrive() {
        PlanFixtures.demoCareTeamsArrived();
    }

    @Test
    void theLibraryIsSeededFromTheGuideWithSources() {
        given().auth().oauth2(Tokens.accessToken("tara"))
                .when().get("/api/exercises")
                .then().statusCode(200)
                // the clinic's seeded entries; the therapist's own entries from other tests may come along
                .body("items.findAll { it.seeded }.size()", equalTo(12))
                .body("items.slug", hasItem("bird-dog"))
                .body("items.find { it.slug == 'heat-wrap' }.defaultDose.durationSeconds", notNullValue())
                .body("items.find { it.slug == 'foam-roller-release' }.flags", hasItem("NEVER_ON_LOW_BACK"))
                .body("items.find { it.slug == 'bird-dog' }.sources[0]", startsWith("NICE NG59"));
    }

    @Test
    void theBackSpasmTemplateIsOffered() {
        given().auth().oauth2(Tokens.accessToken("tara"))
                .when().get("/api/templates")
                .then().statusCode(200)
                .body("items.name", hasItem("Acute back spasm — 4 weeks"));
    }

    @Test
    void patientsAndAdminsMayNotBrowseTheLibraryAndStrangersAre401() {
        given().auth().oauth2(Tokens.accessToken("pat")).get("/api/exercises").then().statusCode(403);
        given().auth().oauth2(Tokens.accessToken("ada")).get("/api/templates").then().statusCode(403);
        given().get("/api/exercises").then().statusCode(401);
    }

    @Test
    void aTherapistAssignsTheTemplateAndThePatientAndOnlyThePatientReadsIt() {
        String planId = assignAcuteTemplateTo(PAT);

        given().auth().oauth2(Tokens.accessToken("pat"))
                .when().get("/api/plans/mine")
                .then().statusCode(200)
                .body("items.id", hasItem(planId))
                .body("items.find { it.id == '" + planId + "' }.today.timeZone", equalTo("Europe/Berlin"))
                // the patient reads what to do, when to stop and why it is safe, from the library
                .body("items.find { it.id == '" + planId + "' }.items[0].instructions.size()",
                        org.hamcrest.Matchers.greaterThan(0))
                .body("items.find { it.id == '" + planId + "' }.items[0].cautions", hasItem(
                        org.hamcrest.Matchers.startsWith("Stop if")))
                .body("items.find { it.id == '" + planId + "' }.items[0].whySafe", notNullValue());
        given().auth().oauth2(Tokens.accessToken("pat")).get("/api/plans/" + planId).then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("version", equalTo(1));
        given().auth().oauth2(Tokens.accessToken("tara")).get("/api/plans/" + planId).then().statusCode(200);

        given().auth().oauth2(Tokens.accessToken("sam")).get("/api/plans/" + planId).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.accessToken("theo")).get("/api/plans/" + planId).then().statusCode(404);
        given().auth().oauth2(Tokens.accessToken("ada")).get("/api/plans/" + planId).then().statusCode(403);
        given().get("/api/plans/" + planId).then().statusCode(401);
    }

    @Test
    void assigningAnnouncesPlanAssignedWithScheduleButNoExerciseNames() {
        String planId = assignAcuteTemplateTo(SAM);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<JsonNode> events = TestEvents.readAll("plan-events");
            JsonNode assigned = events.stream().filter(e -> e.path("aggregateId").asText().equals(planId))
                    .findFirst().orElseThrow();
            assertThat(assigned.path("type").asText()).isEqualTo("PlanAssigned");
            assertThat(assigned.path("data").path("patientId").asText()).isEqualTo(SAM.toString());
            assertThat(assigned.path("data").path("items")).hasSize(8);
            assertThat(assigned.toString()).doesNotContain("Bird-dog", "Pelvic", "pain");
        });
    }

    /** Issue #12, finding 8: PlanChanged carried the therapist's free-text reason to every consumer. */
    @Test
    void planChangedCarriesNoFreeTextReasonWhichStaysInTheVersionHistory() {
        String planId = assignAcuteTemplateTo(SAM);
        String reason = "Sam mentioned new numbness, pausing " + UUID.randomUUID();
        given().auth().oauth2(Tokens.accessToken("tara")).contentType(ContentType.JSON)
                .body("{\"status\": \"ON_HOLD\", \"reason\": \"" + reason + "\"}")
                .patch("/api/plans/" + planId).then().statusCode(200);

        given().auth().oauth2(Tokens.accessToken("tara")).get("/api/plans/" + planId + "/versions").then()
                .statusCode(200).body("items.reason", hasItem(reason));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode changed = TestEvents.readAll("plan-events").stream()
                    .filter(e -> e.path("aggregateId").asText().equals(planId))
                    .filter(e -> e.path("type").asText().equals("PlanChanged")).findFirst().orElseThrow();
            assertThat(changed.path("data").path("status").asText()).isEqualTo("ON_HOLD");
            assertThat(changed.path("data").has("reason")).isFalse();
            assertThat(changed.toString()).doesNotContain("numbness");
        });
    }

    @Test
    void aTherapistOutsideTheCareTeamCannotAssignOrList() {
        given().auth().oauth2(Tokens.accessToken("theo")).contentType(ContentType.JSON)
                .body("{\"patientId\": \"" + PAT + "\", \"templateId\": \"" + templateId() + "\"}")
                .when().post("/api/plans")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.accessToken("theo")).get("/api/plans?patientId=" + PAT).then().statusCode(404);
    }

    @Test
    void badPlanRequestsAreClear400s() {
        String tara = Tokens.accessToken("tara");
        given().auth().oauth2(tara).contentType(ContentType.JSON).body("{\"templateId\": \"" + templateId() + "\"}")
                .post("/api/plans").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("patientId"));
        given().auth().oauth2(tara).contentType(ContentType.JSON)
                .body("{\"patientId\": \"" + PAT + "\", \"templateId\": \"" + UUID.randomUUID() + "\"}")
                // an unknown template is 404, exactly as another therapist's private one (PrivateLibraryTest)
                .post("/api/plans").then().statusCode(404).contentType("application/problem+json")
                .body("detail", startsWith("Template"));
        given().auth().oauth2(tara).contentType(ContentType.JSON).body("{\"patientId\": \"" + PAT + "\"}")
                .post("/api/plans").then().statusCode(400);
        given().auth().oauth2(tara).contentType(ContentType.JSON).body("{\"patientId\": \"not-a-uuid\"}")
                .post("/api/plans").then().statusCode(400)
                .body("type", equalTo("https://homeprogram.care/problems/malformed-body"));
        given().auth().oauth2(tara).contentType(ContentType.JSON).body("{\"patientId\": [")
                .post("/api/plans").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aDoseNamesEachDayOfTheWeekAtMostOnce() {
        String eightDays = "\"MONDAY\", \"TUESDAY\", \"WEDNESDAY\", \"THURSDAY\", \"FRIDAY\", \"SATURDAY\", "
                + "\"SUNDAY\", \"MONDAY\"";
        PlanFixtures.assign("tara", PAT, planWithDays(eightDays)).statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://homeprogram.care/problems/validation"))
                .body("errors.field", hasItem("items[0].dose.daysOfWeek"))
                .body("errors.message", hasItem("must name at most the 7 days of a week"))
                .body("errors.message", hasItem("must name each day at most once"));
        PlanFixtures.assign("tara", PAT, planWithDays("\"MONDAY\", \"MONDAY\"")).statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("items[0].dose.daysOfWeek"))
                .body("errors.message", hasItem("must name each day at most once"));

        String everyDay = "\"MONDAY\", \"TUESDAY\", \"WEDNESDAY\", \"THURSDAY\", \"FRIDAY\", \"SATURDAY\", \"SUNDAY\"";
        PlanFixtures.assign("tara", PAT, planWithDays(everyDay)).statusCode(201)
                .body("items[0].dose.daysOfWeek.size()", equalTo(7));
    }

    private static String planWithDays(String days) {
        return "{\"patientId\": \"$PATIENT\", \"items\": [{\"exerciseId\": \"" + PlanFixtures.exerciseId("bird-dog")
                + "\", \"dose\": {\"sets\": 2, \"reps\": 5, \"timesPerDay\": 1, \"daysOfWeek\": [" + days
                + "], \"weeks\": 2}}]}";
    }

    @Test
    void anUnknownVersionIs404() {
        String planId = assignAcuteTemplateTo(PAT);
        given().auth().oauth2(Tokens.accessToken("pat")).get("/api/plans/" + planId + "?version=1")
                .then().statusCode(200);
        given().auth().oauth2(Tokens.accessToken("pat")).get("/api/plans/" + planId + "?version=7")
                .then().statusCode(404);
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndLaterEventsStillFlow() {
        TestEvents.publishRaw("patient-events", "poison", "this is not an event");
        UUID newcomer = UUID.randomUUID();
        DemoPatients.register(newcomer, "newcomer", "Europe/Paris", care.homeprogram.testing.DemoUsers.THEO);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(TestEvents.readAll("patient-events-dlq"))
                .anyMatch(e -> e.toString().contains("this is not an event")));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(Tokens.accessToken("theo"))
                .get("/api/plans?patientId=" + newcomer).statusCode() == 200);
    }

    @Test
    void aTherapistTakenOffTheCareTeamLosesThePatientsPlanWithinSecondsAndTheNewOneGainsIt() {
        UUID patient = PlanFixtures.projectedPatient(care.homeprogram.testing.DemoUsers.TARA);
        PlanFixtures.awaitCareTeam("tara", patient);
        String planId = PlanFixtures.assignAcute("tara", patient);
        given().auth().oauth2(Tokens.accessToken("theo")).get("/api/plans/" + planId).then().statusCode(404);

        DemoPatients.changeCareTeam(patient, "projected-" + patient.toString().substring(0, 8), "Europe/Vienna",
                List.of(care.homeprogram.testing.DemoUsers.THEO));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth().oauth2(Tokens.accessToken("tara"))
                .get("/api/plans/" + planId).then().statusCode(404));
        given().auth().oauth2(Tokens.accessToken("tara")).get("/api/plans?patientId=" + patient).then()
                .statusCode(404);
        given().auth().oauth2(Tokens.accessToken("theo")).get("/api/plans/" + planId).then().statusCode(200)
                .body("id", equalTo(planId));
    }

    private static String templateId() {
        return PlanFixtures.templateId("tara", ACUTE);
    }

    private static String assignAcuteTemplateTo(UUID patient) {
        return PlanFixtures.assign("tara", patient, "{\"patientId\": \"$PATIENT\", \"templateId\": \""
                + templateId() + "\"}")
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/api/plans/"))
                .body("items.size()", equalTo(8))
                .extract().path("id");
    }
}
