package care.homeprogram.plans;

import static care.homeprogram.plans.PlanFixtures.assignAcute;
import static care.homeprogram.plans.PlanFixtures.firstItem;
import static care.homeprogram.plans.PlanFixtures.logSession;
import static care.homeprogram.testing.DemoUsers.PAT;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.TestEvents;
import care.homeprogram.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The patient corrects or withdraws a session they logged, within the correction window (24 hours by default): the
 * original stays in the history with who, when and why, the safety rules judge the corrected values, and nothing a
 * session set off is cleared by a correction. Real tokens, real PostgreSQL, events on the real broker.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PLANS"))
class SessionCorrectionApiTest {

    @BeforeEach
    void careTeamsArrive() {
        PlanFixtures.demoCareTeamsArrived();
    }

    private static ValidatableResponse correct(String user, String planId, String sessionId, String body) {
        return given().auth().oauth2(Tokens.accessToken(user)).contentType(ContentType.JSON).body(body)
                .put("/api/plans/" + planId + "/sessions/" + sessionId).then();
    }

    private static ValidatableResponse withdraw(String user, String planId, String sessionId, String body) {
        return given().auth().oauth2(Tokens.accessToken(user)).contentType(ContentType.JSON).body(body)
                .post("/api/plans/" + planId + "/sessions/" + sessionId + "/withdraw").then();
    }

    private static String pain(int before, int after, String symptoms, String reason) {
        return "{\"painBefore\": " + before + ", \"painAfter\": " + after + ", \"symptoms\": [" + symptoms
                + "], \"setsDone\": 1, \"repsDone\": 5, \"reason\": \"" + reason + "\"}";
    }

    private static String session(String planId, String sessionId) {
        return "find { it.id == '" + sessionId + "' }";
    }

    private static List<JsonNode> events(String type, String sessionId) {
        return TestEvents.readAll("plan-events").stream()
                .filter(e -> e.path("type").asText().equals(type)
                        && e.path("data").path("sessionId").asText().equals(sessionId))
                .toList();
    }

    @Test
    void painCorrectedFromTwoToEightPausesTheItemAndAlertsAsANewLogWouldKeepingTheOriginal() {
        String planId = assignAcute("tara", PAT);
        String itemId = firstItem("pat", planId);
        String sessionId = logSession("pat", planId, itemId, 2, 2, "", "").statusCode(201)
                .body("decision", equalTo("CONTINUE")).extract().path("sessionId");

        correct("pat", planId, sessionId, pain(2, 8, "", "I tapped 2 but meant 8")).statusCode(200)
                .body("sessionId", equalTo(sessionId))
                .body("decision", equalTo("ITEM_PAUSED"))
                .body("trafficLight", equalTo("RED"))
                .body("itemStatus", equalTo("PAUSED"))
                .body("therapistAlerted", equalTo(true))
                .body("guidance", containsString("paused"));

        given().auth().oauth2(Tokens.accessToken("pat")).get("/api/plans/" + planId).then().statusCode(200)
                .body("items.find { it.id == '" + itemId + "' }.status", equalTo("PAUSED"));
        given().auth().oauth2(Tokens.accessToken("tara")).get("/api/alerts?status=open").then().statusCode(200)
                .body("items.find { it.planId == '" + planId + "' }.reasonCode", equalTo("PAIN_RED"))
                .body("items.find { it.planId == '" + planId + "' }.severity", equalTo("HIGH"));

        // The therapist sees the corrected values and, kept beside them, the original with who, when and why.
        String s = session(planId, sessionId);
        given().auth().oauth2(Tokens.accessToken("tara")).get("/api/plans/" + planId + "/sessions").then()
                .statusCode(200)
                .body("items." + s + ".status", equalTo("CORRECTED"))
                .body("items." + s + ".painAfter", equalTo(8))
                .body("items." + s + ".trafficLight", equalTo("RED"))
                .body("items." + s + ".changes.size()", equalTo(1))
                .body("items." + s + ".changes[0].change", equalTo("CORRECTED"))
                .body("items." + s + ".changes[0].changedBy", equalTo(PAT.toString()))
                .body("items." + s + ".changes[0].reason", equalTo("I tapped 2 but meant 8"))
                .body("items." + s + ".changes[0].before.painAfter", equalTo(2))
                .body("items." + s + ".changes[0].before.trafficLight", equalTo("GREEN"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(events("SessionCorrected", sessionId)).singleElement().satisfies(e -> {
                assertThat(e.path("data").path("planId").asText()).isEqualTo(planId);
                assertThat(e.path("data").path("correctedAt").asText()).isNotEmpty();
                assertThat(e.toString()).doesNotContain("painAfter", "tapped");
            });
            assertThat(TestEvents.readAll("plan-events")).anyMatch(e -> e.path("type").asText().equals("ItemPaused")
                    && e.path("data").path("itemId").asText().equals(itemId));
        });
    }

    @Test
    void aCorrectionNeverClearsAnAlertOrAPauseAndDoesNotReportTheSameSignalAgain() {
        String planId = assignAcute("tara", PAT);
        String itemId = firstItem("pat", planId);
        String sessionId = logSession("pat", planId, itemId, 2, 7, "", "").statusCode(201)
                .body("decision", equalTo("ITEM_PAUSED")).extract().path("sessionId");

        correct("pat", planId, sessionId, pain(2, 2, "", "it was 2, not 7")).statusCode(200)
                .body("decision", equalTo("CONTINUE"))
                .body("trafficLight", equalTo("GREEN"))
                .body("itemStatus", equalTo("PAUSED"))
                .body("therapistAlerted", equalTo(false))
                .body("guidance", containsString("stays paused until your therapist"));
        given().auth().oauth2(Tokens.accessToken("tara")).get("/api/alerts?status=open").then().statusCode(200)
                .body("items.find { it.planId == '" + planId + "' }.reasonCode", equalTo("PAIN_RED"))
                .body("items.find { it.planId == '" + planId + "' }.occurrences", equalTo(1));

        // Back to red: this session reported red already, so no second report of it on the open alert.
        correct("pat", planId, sessionId, pain(2, 7, "", "it was 7 after all")).statusCode(200)
                .body("decision", equalTo("ITEM_PAUSED")).body("therapistAlerted", equalTo(false));
        // A stop symptom is news: alerted.
        correct("pat", planId, sessionId, pain(2, 7, "\"SHARP_PAIN\"", "forgot the sharp pain")).statusCode(200)
                .body("therapistAlerted", equalTo(true))
                .body("reasons", hasItem("STOP_RULE:SHARP_PAIN"));
        given().auth().oauth2(Tokens.accessToken("tara")).get("/api/alerts?status=open").then()
                .body("items.findAll { it.planId == '" + planId + "' }.reasonCode", hasItem("STOP_RULE"))
                .body("items.find { it.planId == '" + planId + "' && it.reasonCode == 'PAIN_RED' }.occurrences",
                        equalTo(1));
        given().auth().oauth2(Tokens.accessToken("pat")).get("/api/plans/" + planId + "/sessions").then()
                .body("items." + session(planId, sessionId) + ".changes.reason",
                        equalTo(List.of("it was 2, not 7", "it was 7 after all", "forgot the sharp pain")))
                .body("items." + session(planId, sessionId) + ".changes[0].before.painAfter", equalTo(7));
    }

    @Test
    void aCorrectionReportingNothingNewDoesNotPauseAnItemTheTherapistResumedAfterThatReport() {
        String planId = assignAcute("tara", PAT);
        String itemId = firstItem("pat", planId);
        String sessionId = logSession("pat", planId, itemId, 2, 7, "", "").statusCode(201).extract().path("sessionId");
        PlanFixtures.acknowledgeOpenAlerts("tara", PAT);
        given().auth().oauth2(Tokens.accessToken("tara")).contentType(ContentType.JSON)
                .body("{\"reason\": \"called the patient: gardening, not the exercise\"}")
                .post("/api/plans/" + planId + "/items/" + itemId + "/resume").then().statusCode(200);

        correct("pat", planId, sessionId, pain(2, 8, "", "it was 8")).statusCode(200)
                .body("trafficLight", equalTo("RED"))
                .body("itemStatus", equalTo("ACTIVE"))
                .body("therapistAlerted", equalTo(false))
                .body("guidance", containsString("already looked at what you reported"));
        given().auth().oauth2(Tokens.accessToken("tara")).get("/api/alerts?status=open").then()
                .body("items.planId", not(hasItem(planId)));
    }

    @Test
    void correctingThePainBeforeOfTheFirstSessionMovesTheBaseline() {
        String planId = assignAcute("tara", PAT);
        String itemId = firstItem("pat", planId);
        String first = logSession("pat", planId, itemId, 1, 1, "", "").statusCode(201).extract().path("sessionId");
        correct("pat", planId, first, pain(3, 3, "", "my usual pain is 3, not 1")).statusCode(200)
                .body("therapistAlerted", equalTo(false));
        // 3 is no rise over the corrected baseline of 3 (it would be +2 over the 1 first logged).
        logSession("pat", planId, itemId, 3, 3, "", "").statusCode(201)
                .body("reasons", not(hasItem("PAIN_RISE_OVER_BASELINE")))
                .body("therapistAlerted", equalTo(false));
    }

    @Test
    void aWithdrawnSessionNoLongerCountsButStaysVisibleAsWithdrawn() {
        String planId = assignAcute("tara", PAT);
        String itemId = firstItem("pat", planId);
        String sessionId = logSession("pat", planId, itemId, 2, 4, "", "").statusCode(201)
                .body("trafficLight", equalTo("AMBER")).extract().path("sessionId");
        given().auth().oauth2(Tokens.accessToken("pat")).get("/api/plans/" + planId + "/adherence").then()
                .body("weeks[0].sessions", equalTo(1));

        String withdrawnAt = withdraw("pat", planId, sessionId, "{\"reason\": \"logged it for the wrong exercise\"}")
                .statusCode(200)
                .body("id", equalTo(sessionId))
                .body("status", equalTo("WITHDRAWN"))
                .body("changes[0].change", equalTo("WITHDRAWN"))
                .body("changes[0].reason", equalTo("logged it for the wrong exercise"))
                .body("changes[0].changedBy", equalTo(PAT.toString()))
                .extract().path("withdrawnAt");

        given().auth().oauth2(Tokens.accessToken("tara")).get("/api/plans/" + planId + "/adherence").then()
                .body("weeks[0].sessions", equalTo(0));
        given().auth().oauth2(Tokens.accessToken("tara")).get("/api/plans/" + planId + "/sessions").then()
                .body("items." + session(planId, sessionId) + ".status", equalTo("WITHDRAWN"))
                .body("items." + session(planId, sessionId) + ".painAfter", equalTo(4));
        correct("pat", planId, sessionId, pain(2, 2, "", "too late")).statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://homeprogram.care/problems/session-withdrawn"));
        withdraw("pat", planId, sessionId, "{\"reason\": \"again\"}").statusCode(200)
                .body("withdrawnAt", equalTo(withdrawnAt)).body("changes.size()", equalTo(1));

        // No question about how the pain of a withdrawn (amber) session settled: the next session asks none.
        logSession("pat", planId, itemId, 2, 2, "", "").statusCode(201).body("followUpQuestion", nullValue());

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(events("SessionWithdrawn", sessionId))
                .singleElement().satisfies(e -> assertThat(e.toString()).doesNotContain("wrong exercise")));
    }

    @Test
    void afterTheCorrectionWindowTheSessionStaysAsLogged() {
        String planId = assignAcute("tara", PAT);
        String itemId = firstItem("pat", planId);
        String sessionId = logSession("pat", planId, itemId, 2, 3, "", "").statusCode(201).extract().path("sessionId");
        TestClockProducer.CLOCK.advance(Duration.ofHours(23).plusMinutes(55));
        correct("pat", planId, sessionId, pain(2, 2, "", "just in time")).statusCode(200);

        TestClockProducer.CLOCK.advance(Duration.ofMinutes(6));
        correct("pat", planId, sessionId, pain(2, 9, "", "too late")).statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://homeprogram.care/problems/correction-window-closed"))
                .body("detail", containsString("24 hours"));
        withdraw("pat", planId, sessionId, "{\"reason\": \"too late\"}").statusCode(409)
                .body("type", equalTo("https://homeprogram.care/problems/correction-window-closed"));
        given().auth().oauth2(Tokens.accessToken("pat")).get("/api/plans/" + planId + "/sessions").then()
                .body("items." + session(planId, sessionId) + ".painAfter", equalTo(2))
                .body("items." + session(planId, sessionId) + ".status", equalTo("CORRECTED"));
    }

    @Test
    void onlyThePatientWhoLoggedItCorrectsOrWithdrawsAndBadValuesAreRefused() {
        String planId = assignAcute("tara", PAT);
        String itemId = firstItem("pat", planId);
        String sessionId = logSession("pat", planId, itemId, 2, 2, "", "").statusCode(201).extract().path("sessionId");
        String body = pain(2, 8, "", "not mine");

        correct("sam", planId, sessionId, body).statusCode(404).contentType("application/problem+json");
        withdraw("sam", planId, sessionId, "{\"reason\": \"not mine\"}").statusCode(404);
        correct("tara", planId, sessionId, body).statusCode(403);
        withdraw("tara", planId, sessionId, "{\"reason\": \"therapist\"}").statusCode(403);
        given().contentType(ContentType.JSON).body(body).put("/api/plans/" + planId + "/sessions/" + sessionId)
                .then().statusCode(401);
        given().contentType(ContentType.JSON).body("{\"reason\": \"x\"}")
                .post("/api/plans/" + planId + "/sessions/" + sessionId + "/withdraw").then().statusCode(401);
        correct("pat", planId, java.util.UUID.randomUUID().toString(), body).statusCode(404);
        // The patient's session, but addressed under another of their plans: not found there.
        String otherPlan = assignAcute("tara", PAT);
        correct("pat", otherPlan, sessionId, body).statusCode(404);

        correct("pat", planId, sessionId, pain(2, 11, "", "typo")).statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("painAfter"));
        correct("pat", planId, sessionId, "{\"painBefore\": 2, \"painAfter\": 3}").statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        correct("pat", planId, sessionId, pain(2, 3, "", " ")).statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        correct("pat", planId, sessionId, pain(2, 3, "\"ITCHY_ELBOW\"", "typo")).statusCode(400)
                .body("type", equalTo("https://homeprogram.care/problems/malformed-body"));
        withdraw("pat", planId, sessionId, "{}").statusCode(400).body("errors[0].field", equalTo("reason"));
        correct("pat", planId, sessionId, "{").statusCode(400);

        // Nothing of the refused attempts changed the session.
        given().auth().oauth2(Tokens.accessToken("pat")).get("/api/plans/" + planId + "/sessions").then()
                .body("items." + session(planId, sessionId) + ".status", equalTo("LOGGED"))
                .body("items." + session(planId, sessionId) + ".painAfter", equalTo(2));
    }

    @Test
    void theAuditTrailNamesThePatientAsWhoCorrectedAndWithdrew() {
        String planId = assignAcute("tara", PAT);
        String itemId = firstItem("pat", planId);
        String first = logSession("pat", planId, itemId, 2, 2, "", "").statusCode(201).extract().path("sessionId");
        String second = logSession("pat", planId, itemId, 2, 2, "", "").statusCode(201).extract().path("sessionId");
        correct("pat", planId, first, pain(2, 3, "", "a bit more")).statusCode(200);
        withdraw("pat", planId, second, "{\"reason\": \"logged twice\"}").statusCode(200);

        String ada = Tokens.accessToken("ada");
        String patSubject = Tokens.subject(Tokens.accessToken("pat"));
        String put = "items.find { it.resource == '/api/plans/{id}/sessions/{sessionId}' && it.objectId == '"
                + first + "' }";
        String post = "items.find { it.resource == '/api/plans/{id}/sessions/{sessionId}/withdraw' && it.objectId == '"
                + second + "' }";
        given().auth().oauth2(ada).get("/api/plans/audit?actor=" + patSubject + "&size=100").then().statusCode(200)
                .body(put + ".actorRole", equalTo("patient"))
                .body(put + ".patientId", equalTo(PAT.toString()))
                .body(put + ".method", equalTo("PUT"))
                .body(put + ".status", equalTo(200))
                .body(post + ".actorRole", equalTo("patient"))
                .body(post + ".method", equalTo("POST"))
                .body(post + ".status", equalTo(200));
        given().auth().oauth2(ada).get("/api/plans/audit?actor=" + Tokens.subject(Tokens.accessToken("tara"))
                + "&size=100").then().statusCode(200)
                .body("items.objectId", not(hasItem(first)));
    }
}
