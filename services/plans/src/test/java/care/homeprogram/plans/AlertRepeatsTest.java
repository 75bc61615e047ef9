package care.homeprogram.plans;

import static care.homeprogram.plans.PlanFixtures.acknowledgeOpenAlerts;
import static care.homeprogram.plans.PlanFixtures.assignAcute;
import static care.homeprogram.plans.PlanFixtures.firstItem;
import static care.homeprogram.plans.PlanFixtures.logSession;
import static care.homeprogram.testing.DemoUsers.PAT;
import static care.homeprogram.testing.DemoUsers.POLLY;
import static care.homeprogram.testing.DemoUsers.TARA;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import care.homeprogram.plans.domain.Alert;
import care.homeprogram.plans.safety.Severity;
import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.TestEvents;
import care.homeprogram.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Repeats update, they do not multiply: while an alert is open, the same signal again counts on it (occurrences,
 * last seen) and notifies nobody again, while the patient still gets the guidance every time. Real tokens, real
 * PostgreSQL (the unique index of open alerts), events read from the outbox and from the real broker.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PLANS"))
class AlertRepeatsTest {
    private static final String EMERGENCY = "{\"answers\": {\"BLADDER_OR_BOWEL_CHANGE\": true}}";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/api/check-ins")
    URI checkIns;

    @BeforeEach
    void careTeamsArrive() {
        PlanFixtures.demoCareTeamsArrived();
    }

    @Test
    void twentyIdenticalEmergencyCheckInsMakeOneOpenCriticalAlertCountedTwenty() {
        String planId = assignAcute("theo", POLLY);
        acknowledgeOpenAlerts("theo", POLLY);

        for (int i = 1; i <= 20; i++) {
            // The patient is told to seek emergency care every time, the first and the twentieth.
            var response = given().auth().oauth2(Tokens.accessToken("polly")).contentType(ContentType.JSON)
                    .body(EMERGENCY).post("/api/check-ins").then().statusCode(201)
                    .body("decision", equalTo("SEEK_CARE_NOW"))
                    .body("guidance", containsString("emergency"))
                    .body("therapistAlerted", equalTo(true));
            if (i == 1) {
                response.body("plansOnHold", hasItem(planId));
            } else {
                response.body("plansOnHold.size()", equalTo(0));
            }
        }

        List<Map<String, Object>> open = openAlerts("theo", POLLY, "RED_FLAG_EMERGENCY");
        assertThat(open).hasSize(1);
        Map<String, Object> alert = open.get(0);
        assertThat(alert).containsEntry("severity", "CRITICAL").containsEntry("occurrences", 20)
                .containsEntry("status", "OPEN").containsEntry("escalations", List.of());
        assertThat(OffsetDateTime.parse((String) alert.get("lastSeenAt")))
                .isAfter(OffsetDateTime.parse((String) alert.get("createdAt")));
        UUID alertId = UUID.fromString((String) alert.get("id"));

        // One AlertRaised (one urgent email per therapist); each repeat an AlertRepeated that names no one to notify.
        List<JsonNode> raised = Db.outbox("AlertRaised", alertId);
        assertThat(raised).hasSize(1);
        assertThat(raised.get(0).path("data").path("severity").asText()).isEqualTo("CRITICAL");
        List<JsonNode> repeated = Db.outbox("AlertRepeated", alertId);
        assertThat(repeated).hasSize(19);
        assertThat(repeated).extracting(e -> e.path("data").path("occurrences").asInt())
                .containsExactlyElementsOf(IntStream.rangeClosed(2, 20).boxed().toList());
        assertThat(repeated).allSatisfy(e -> {
            assertThat(e.path("data").has("therapistIds")).isFalse();
            assertThat(e.path("data").path("reasonCode").asText()).isEqualTo("RED_FLAG_EMERGENCY");
            assertThat(e.toString()).doesNotContain("Emergency red flags reported", "bladder");
        });

        // What notification-service receives from the broker: still exactly one AlertRaised for this alert.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            List<JsonNode> onTopic = TestEvents.readAll("plan-events").stream()
                    .filter(e -> e.path("data").path("alertId").asText().equals(alertId.toString())).toList();
            assertThat(onTopic).filteredOn(e -> e.path("type").asText().equals("AlertRaised")).hasSize(1);
            assertThat(onTopic).filteredOn(e -> e.path("type").asText().equals("AlertRepeated")).hasSize(19);
        });
        given().auth().oauth2(Tokens.accessToken("polly")).get("/api/plans/" + planId).then()
                .body("status", equalTo("ON_HOLD"));
    }

    @Test
    void identicalCheckInsAtTheSameMomentMakeOneAlert() throws Exception {
        String planId = assignAcute("theo", POLLY);
        acknowledgeOpenAlerts("theo", POLLY);
        String token = Tokens.accessToken("polly");
        HttpClient http = HttpClient.newHttpClient();

        List<JsonNode> outcomes = Db.together(8, () -> {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(checkIns)
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(EMERGENCY)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            return JSON.readTree(response.body());
        });

        assertThat(outcomes).allSatisfy(o -> assertThat(o.path("decision").asText()).isEqualTo("SEEK_CARE_NOW"));
        // The plan went on hold once: the other check-ins waited for it and found it on hold.
        assertThat(outcomes).filteredOn(o -> o.path("plansOnHold").toString().contains(planId)).hasSize(1);
        List<Map<String, Object>> open = openAlerts("theo", POLLY, "RED_FLAG_EMERGENCY");
        assertThat(open).hasSize(1);
        assertThat(open.get(0)).containsEntry("occurrences", 8);
        UUID alertId = UUID.fromString((String) open.get(0).get("id"));
        assertThat(Db.outbox("AlertRaised", alertId)).hasSize(1);
        assertThat(Db.outbox("AlertRepeated", alertId)).hasSize(7);
    }

    @Test
    void theSameStopRuleAgainCountsOnTheOpenAlertAndAnAcknowledgedOneIsNotReopened() {
        String planId = assignAcute("tara", PAT);
        String itemId = firstItem("pat", planId);
        logSession("pat", planId, itemId, 1, 1, "\"SHARP_PAIN\"", "").statusCode(201)
                .body("decision", equalTo("ITEM_PAUSED")).body("therapistAlerted", equalTo(true));
        resume(planId, itemId);
        logSession("pat", planId, itemId, 1, 1, "\"SHARP_PAIN\"", "").statusCode(201)
                .body("decision", equalTo("ITEM_PAUSED")).body("guidance", containsString("Stop this exercise"));

        List<Map<String, Object>> open = openAlertsOfPlan(planId, "STOP_RULE");
        assertThat(open).hasSize(1);
        assertThat(open.get(0)).containsEntry("occurrences", 2).containsEntry("itemId", itemId);
        UUID first = UUID.fromString((String) open.get(0).get("id"));
        assertThat(Db.outbox("AlertRaised", first)).hasSize(1);
        assertThat(Db.alert(first).reasonCode).isEqualTo("STOP_RULE");

        // Once acknowledged, the same signal is news again: a new alert, announced again.
        given().auth().oauth2(Tokens.accessToken("tara")).post("/api/alerts/" + first + "/acknowledge").then()
                .statusCode(200).body("occurrences", equalTo(2));
        resume(planId, itemId);
        logSession("pat", planId, itemId, 1, 1, "\"SHARP_PAIN\"", "").statusCode(201);
        List<Map<String, Object>> reopened = openAlertsOfPlan(planId, "STOP_RULE");
        assertThat(reopened).hasSize(1);
        UUID second = UUID.fromString((String) reopened.get(0).get("id"));
        assertThat(second).isNotEqualTo(first);
        assertThat(reopened.get(0)).containsEntry("occurrences", 1);
        assertThat(Db.outbox("AlertRaised", second)).hasSize(1);
        assertThat(Db.alert(first).status).isEqualTo(Alert.Status.ACKNOWLEDGED);
        assertThat(Db.alert(first).occurrences).isEqualTo(2);
    }

    @Test
    void aDuplicateFromBeforeRepeatsWereCountedIsNotListedAndAcknowledgesTheAlertThatCountsIt() {
        UUID patient = PlanFixtures.projectedPatient(TARA);
        PlanFixtures.awaitCareTeam("tara", patient);
        // As the V3 migration leaves an open duplicate: folded into the oldest, which counts both reports.
        UUID kept = UUID.randomUUID();
        UUID duplicate = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            OffsetDateTime first = OffsetDateTime.now(TestClockProducer.CLOCK).minusMinutes(3);
            legacyAlert(kept, patient, Alert.Status.OPEN, null, first, 2).persist();
            legacyAlert(duplicate, patient, Alert.Status.MERGED, kept, first.plusMinutes(1), 1).persist();
        });

        List<String> listed = given().auth().oauth2(Tokens.accessToken("tara")).get("/api/alerts?status=all").then()
                .statusCode(200).extract().path("items.findAll { it.patientId == '" + patient + "' }.id");
        assertThat(listed).containsExactly(kept.toString());
        given().auth().oauth2(Tokens.accessToken("tara")).post("/api/alerts/" + duplicate + "/acknowledge").then()
                .statusCode(200).body("id", equalTo(kept.toString())).body("status", equalTo("ACKNOWLEDGED"))
                .body("occurrences", equalTo(2));
        assertThat(Db.alert(kept).status).isEqualTo(Alert.Status.ACKNOWLEDGED);
        assertThat(Db.outbox("AlertAcknowledged", kept)).hasSize(1);
    }

    private static Alert legacyAlert(UUID id, UUID patient, Alert.Status status, UUID mergedInto,
            OffsetDateTime createdAt, int occurrences) {
        Alert alert = new Alert();
        alert.id = id;
        alert.patientId = patient;
        alert.severity = Severity.CRITICAL;
        alert.reasonCode = "RED_FLAG_EMERGENCY";
        alert.reason = "Emergency red flags reported";
        alert.status = status;
        alert.mergedInto = mergedInto;
        alert.createdAt = createdAt;
        alert.lastSeenAt = createdAt;
        alert.occurrences = occurrences;
        return alert;
    }

    private static void resume(String planId, String itemId) {
        given().auth().oauth2(Tokens.accessToken("tara")).contentType(ContentType.JSON)
                .body("{\"reason\": \"reviewed by phone\"}")
                .post("/api/plans/" + planId + "/items/" + itemId + "/resume").then().statusCode(200);
    }

    private static List<Map<String, Object>> openAlerts(String therapist, UUID patient, String reasonCode) {
        return given().auth().oauth2(Tokens.accessToken(therapist)).get("/api/alerts?status=open").then()
                .statusCode(200).extract().path("items.findAll { it.patientId == '" + patient
                        + "' && it.reasonCode == '" + reasonCode + "' }");
    }

    private static List<Map<String, Object>> openAlertsOfPlan(String planId, String reasonCode) {
        return given().auth().oauth2(Tokens.accessToken("tara")).get("/api/alerts?status=open").then()
                .statusCode(200).extract().path("items.findAll { it.planId == '" + planId
                        + "' && it.reasonCode == '" + reasonCode + "' }");
    }
}
