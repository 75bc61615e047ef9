package care.homeprogram.plans;

import static care.homeprogram.plans.PlanFixtures.assignAcute;
import static care.homeprogram.plans.PlanFixtures.firstItem;
import static care.homeprogram.plans.PlanFixtures.logSession;
import static care.homeprogram.testing.DemoUsers.PAT;
import static care.homeprogram.testing.DemoUsers.POLLY;
import static care.homeprogram.testing.DemoUsers.SAM;
import static care.homeprogram.testing.DemoUsers.TARA;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.TestEvents;
import care.homeprogram.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The safety rules as patients and therapists meet them: real tokens, real PostgreSQL, events on the real broker. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PLANS"))
class SafetyApiTest {

    @BeforeEach
    void careTeamsArrive() {
        PlanFixtures.demoCareTeamsArrived();
    }

    /**
     * Six red sessions on six items of one plan at the same moment: each pauses its item and makes a version of its
     * own, one after the other, instead of two of them writing the same version (a 500 the patient would see).
     */
    @Test
    void redSessionsOnSeveralItemsAtTheSameMomentEachPauseTheirItemInAVersionOfItsOwn() throws Exception {
        String planId = assignAcute("tara", SAM);
        List<String> items = given().auth().oauth2(Tokens.accessToken("sam")).get("/api/plans/" + planId).then()
                .statusCode(200).extract().path("items.id");
        List<String> six = items.subList(0, 6);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService patients = java.util.concurrent.Executors.newFixedThreadPool(six.size());
        try {
            List<java.util.concurrent.Future<Integer>> statuses = six.stream().map(item -> patients.submit(() -> {
                start.await();
                return logSession("sam", planId, item, 2, 8, "", "").extract().statusCode();
            })).toList();
            start.countDown();
            for (java.util.concurrent.Future<Integer> status : statuses) {
                assertThat(status.get(60, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(201);
            }
        } finally {
            patients.shutdownNow();
        }
        given().auth().oauth2(Tokens.accessToken("tara")).get("/api/plans/" + planId).then().statusCode(200)
                .body("version", equalTo(1 + six.size()))
                .body("items.findAll { it.status == 'PAUSED' }.size()", equalTo(six.size()));
        given().auth().oauth2(Tokens.accessToken("tara")).get("/api/plans/" + planId + "/versions").then()
                .body("total", equalTo(1 + six.size()));
    }

    @Test
    void redPainPausesTheItemAlertsTheTherapistWhoAcknowledgesAndResumesIt() {
        String planId = assignAcute("tara", PAT);
        String itemId = firstItem("pat", planId);

        logSession("pat", planId, itemId, 2, 7, "", "").statusCode(201)
                .body("decision", equalTo("ITEM_PAUSED"))
                .body("trafficLight", equalTo("RED"))
                .body("itemStatus", equalTo("PAUSED"))
                .body("therapistAlerted", equalTo(true))
                .body("guidance", containsString("paused"));
        given().auth().oauth2(Tokens.accessToken("pat")).get("/api/plans/" + planId).then().statusCode(200)
                .body("items.find { it.id == '" + itemId + "' }.status", equalTo("PAUSED"))
                .body("version", equalTo(2));
        logSession("pat", planId, itemId, 2, 2, "", "").statusCode(409)
                .body("type", equalTo("https://homeprogram.care/problems/item-paused"));

        String alertId = given().auth().oauth2(Tokens.accessToken("tara")).get("/api/alerts?status=open")
                .then().statusCode(200)
                .body("items.find { it.planId == '" + planId + "' }.severity", equalTo("HIGH"))
                .body("items.find { it.planId == '" + planId + "' }.reasonCode", equalTo("PAIN_RED"))
                .extract().path("items.find { it.planId == '" + planId + "' }.id");

        given().auth().oauth2(Tokens.accessToken("theo")).get("/api/alerts?status=all").then().statusCode(200)
                .body("items.id", not(hasItem(alertId)));
        given().auth().oauth2(Tokens.accessToken("theo")).post("/api/alerts/" + alertId + "/acknowledge")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.accessToken("pat")).get("/api/alerts").then().statusCode(403);
        given().auth().oauth2(Tokens.accessToken("ada")).get("/api/alerts").then().statusCode(403);
        given().get("/api/alerts").then().statusCode(401);

        given().auth().oauth2(Tokens.accessToken("tara")).post("/api/alerts/" + alertId + "/acknowledge")
                .then().statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"))
                .body("acknowledgedBy", equalTo(TARA.toString()))
                .body("acknowledgedAt", notNullValue());
        given().auth().oauth2(Tokens.accessToken("tara")).get("/api/alerts?status=open").then()
                .body("items.id", not(hasItem(alertId)));

        given().auth().oauth2(Tokens.accessToken("theo")).contentType(ContentType.JSON)
                .body("{\"reason\": \"reviewed\"}").post("/api/plans/" + planId + "/items/" + itemId + "/resume")
                .then().statusCode(404);
        given().auth().oauth2(Tokens.accessToken("tara")).contentType(ContentType.JSON)
                .body("{\"reason\": \"reviewed by phone: pain was from gardening\"}")
                .post("/api/plans/" + planId + "/items/" + itemId + "/resume")
                .then().statusCode(200)
                .body("items.find { it.id == '" + itemId + "' }.status", equalTo("ACTIVE"));
        logSession("pat", planId, itemId, 2, 2, "", "").statusCode(201).body("decision", equalTo("CONTINUE"))
                .body("trafficLight", equalTo("GREEN"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<JsonNode> events = TestEvents.readAll("plan-events").stream()
                    .filter(e -> e.toString().contains(planId) || e.toString().contains(alertId)).toList();
            assertThat(events).extracting(e -> e.path("type").asText())
                    .contains("ItemPaused", "AlertRaised", "AlertAcknowledged", "ItemResumed", "SessionLogged");
            JsonNode raised = events.stream().filter(e -> e.path("type").asText().equals("AlertRaised"))
                    .findFirst().orElseThrow();
            assertThat(raised.path("data").path("therapistIds").toString()).contains(TARA.toString());
            assertThat(raised.toString()).doesNotContain("7/10", "painAfter", "Pelvic");
        });
    }

    @Test
    void aStopSymptomPausesTheItemEvenWithLowPainAndSaysWhy() {
        String planId = assignAcute("tara", PAT);
        String itemId = firstItem("pat", planId);
        logSession("pat", planId, itemId, 1, 1, "\"PAIN_SPREADING_DOWN_LEG\"", "").statusCode(201)
                .body("decision", equalTo("ITEM_PAUSED"))
                .body("reasons", hasItem("STOP_RULE:PAIN_SPREADING_DOWN_LEG"))
                .body("guidance", startsWith("Stop this exercise"));
        given().auth().oauth2(Tokens.accessToken("tara")).get("/api/alerts?status=open").then()
                .body("items.find { it.planId == '" + planId + "' }.reasonCode", equalTo("STOP_RULE"));
    }

    @Test
    void painRisingWithEachRepetitionIsAStopSymptomLikeTheOthers() {
        String planId = assignAcute("tara", PAT);
        String itemId = firstItem("pat", planId);
        logSession("pat", planId, itemId, 1, 2, "\"PAIN_RISING_WITH_REPETITIONS\"", "").statusCode(201)
                .body("decision", equalTo("ITEM_PAUSED"))
                .body("trafficLight", equalTo("GREEN"))
                .body("itemStatus", equalTo("PAUSED"))
                .body("reasons", hasItem("STOP_RULE:PAIN_RISING_WITH_REPETITIONS"))
                .body("guidance", containsString("rises with each repetition"));
        given().auth().oauth2(Tokens.accessToken("tara")).get("/api/alerts?status=open").then()
                .body("items.find { it.planId == '" + planId + "' }.reasonCode", equalTo("STOP_RULE"))
                .body("items.find { it.planId == '" + planId + "' }.severity", equalTo("HIGH"));
    }

    @Test
    void amberPainContinuesAsksNextTimeAndAlertsWhenItDidNotSettle() {
        String planId = assignAcute("tara", PAT);
        String itemId = firstItem("pat", planId);
        logSession("pat", planId, itemId, 3, 4, "", "").statusCode(201)
                .body("decision", equalTo("CONTINUE")).body("trafficLight", equalTo("AMBER"))
                .body("therapistAlerted", equalTo(false));
        logSession("pat", planId, itemId, 3, 3, "", "").statusCode(201)
                .body("followUpQuestion", containsString("settle"));
        logSession("pat", planId, itemId, 3, 3, "", ", \"settledSinceLastSession\": false").statusCode(201)
                .body("reasons", hasItem("PAIN_AMBER_NOT_SETTLED"))
                .body("therapistAlerted", equalTo(true))
                .body("followUpQuestion", nullValue());
    }

    @Test
    void aRiseOfTwoOverTheBaselineAlertsWhileTheExerciseContinues() {
        String planId = assignAcute("tara", PAT);
        String itemId = firstItem("pat", planId);
        logSession("pat", planId, itemId, 1, 2, "", "").statusCode(201).body("therapistAlerted", equalTo(false));
        logSession("pat", planId, itemId, 1, 3, "", "").statusCode(201)
                .body("decision", equalTo("CONTINUE"))
                .body("reasons", hasItem("PAIN_RISE_OVER_BASELINE"))
                .body("therapistAlerted", equalTo(true));
    }

    @Test
    void sessionInputIsValidatedWithClearProblems() {
        String planId = assignAcute("tara", PAT);
        String itemId = firstItem("pat", planId);
        logSession("pat", planId, itemId, 2, 11, "", "").statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("painAfter"));
        logSession("pat", planId, itemId, -1, 2, "", "").statusCode(400).body("errors[0].field", equalTo("painBefore"));
        logSession("pat", planId, java.util.UUID.randomUUID().toString(), 2, 2, "", "").statusCode(400)
                .body("errors[0].field", equalTo("itemId"));
        logSession("pat", planId, itemId, 2, 2, "\"ITCHY_ELBOW\"", "").statusCode(400)
                .body("type", equalTo("https://homeprogram.care/problems/malformed-body"));
        given().auth().oauth2(Tokens.accessToken("pat")).contentType(ContentType.JSON)
                .body("{\"itemId\": \"" + itemId + "\", \"performedAt\": \""
                        + OffsetDateTime.now(TestClockProducer.CLOCK).plusDays(2)
                        + "\", \"painBefore\": 1, \"painAfter\": 1}")
                .post("/api/plans/" + planId + "/sessions").then().statusCode(400)
                .body("errors[0].field", equalTo("performedAt"));
        given().auth().oauth2(Tokens.accessToken("pat")).contentType(ContentType.JSON).body("{")
                .post("/api/plans/" + planId + "/sessions").then().statusCode(400);
    }

    @Test
    void onlyThePatientLogsTheirSessions() {
        String planId = assignAcute("tara", PAT);
        String itemId = firstItem("pat", planId);
        logSession("sam", planId, itemId, 1, 1, "", "").statusCode(404);
        logSession("tara", planId, itemId, 1, 1, "", "").statusCode(403);
        logSession("ada", planId, itemId, 1, 1, "", "").statusCode(403);
        given().contentType(ContentType.JSON).body("{}").post("/api/plans/" + planId + "/sessions")
                .then().statusCode(401);
        given().auth().oauth2(Tokens.accessToken("sam")).get("/api/plans/" + planId + "/sessions").then()
                .statusCode(404);
        given().auth().oauth2(Tokens.accessToken("theo")).get("/api/plans/" + planId + "/adherence").then()
                .statusCode(404);
        given().auth().oauth2(Tokens.accessToken("tara")).get("/api/plans/" + planId + "/adherence").then()
                .statusCode(200).body("weeks[0].week", equalTo(1))
                .body("progression.suggested", equalTo(false));
    }

    @Test
    void emergencyRedFlagsShowEmergencyInstructionsPutPlansOnHoldAndAlertCritical() {
        String planId = assignAcute("theo", POLLY);
        // An open emergency alert left by another test would only count this check-in as a repeat.
        PlanFixtures.acknowledgeOpenAlerts("theo", POLLY);
        given().auth().oauth2(Tokens.accessToken("polly")).contentType(ContentType.JSON)
                .body("{\"answers\": {\"SADDLE_NUMBNESS\": true, \"FEVER\": false}}")
                .post("/api/check-ins").then().statusCode(201)
                .body("decision", equalTo("SEEK_CARE_NOW"))
                .body("guidance", containsString("emergency"))
                .body("plansOnHold", hasItem(planId));
        given().auth().oauth2(Tokens.accessToken("polly")).get("/api/plans/" + planId).then()
                .body("status", equalTo("ON_HOLD")).body("today.items.size()", equalTo(0));
        given().auth().oauth2(Tokens.accessToken("theo")).get("/api/alerts?status=open").then()
                .body("items.find { it.patientId == '" + POLLY + "' && it.reasonCode == 'RED_FLAG_EMERGENCY' }.severity",
                        equalTo("CRITICAL"))
                .body("items.find { it.patientId == '" + POLLY + "' && it.reasonCode == 'RED_FLAG_EMERGENCY' }"
                        + ".occurrences", equalTo(1));
        given().auth().oauth2(Tokens.accessToken("tara")).get("/api/alerts?status=all").then()
                .body("items.patientId", not(hasItem(POLLY.toString())));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(TestEvents.readAll("plan-events"))
                .anyMatch(e -> e.path("type").asText().equals("AlertRaised")
                        && e.path("data").path("severity").asText().equals("CRITICAL")
                        && e.path("data").path("patientId").asText().equals(POLLY.toString())));
    }

    @Test
    void sameDayRedFlagsAdviseCareTodayWithAHighAlertAndKeepThePlan() {
        String planId = assignAcute("tara", SAM);
        given().auth().oauth2(Tokens.accessToken("sam")).contentType(ContentType.JSON)
                .body("{\"answers\": {\"FEVER\": true}}")
                .post("/api/check-ins").then().statusCode(201)
                .body("decision", equalTo("SEEK_CARE_TODAY"))
                .body("plansOnHold.size()", equalTo(0));
        given().auth().oauth2(Tokens.accessToken("sam")).get("/api/plans/" + planId).then()
                .body("status", equalTo("ACTIVE"));
        given().auth().oauth2(Tokens.accessToken("tara")).get("/api/alerts?status=open").then()
                .body("items.find { it.patientId == '" + SAM + "' && it.reasonCode == 'RED_FLAG_SAME_DAY' }.severity",
                        equalTo("HIGH"));
    }

    @Test
    void checkInsAreForPatientsAndMalformedAnswersAreRefused() {
        given().auth().oauth2(Tokens.accessToken("pat")).contentType(ContentType.JSON)
                .body("{\"answers\": {}}").post("/api/check-ins").then().statusCode(201)
                .body("decision", equalTo("CONTINUE"));
        given().auth().oauth2(Tokens.accessToken("pat")).contentType(ContentType.JSON)
                .body("{\"answers\": {\"HEADACHE\": true}}").post("/api/check-ins").then().statusCode(400);
        given().auth().oauth2(Tokens.accessToken("pat")).contentType(ContentType.JSON)
                .body("{}").post("/api/check-ins").then().statusCode(400).body("errors[0].field", equalTo("answers"));
        given().auth().oauth2(Tokens.accessToken("tara")).contentType(ContentType.JSON)
                .body("{\"answers\": {}}").post("/api/check-ins").then().statusCode(403);
        given().contentType(ContentType.JSON).body("{\"answers\": {}}").post("/api/check-ins").then().statusCode(401);
    }
}
