package care.homeprogram.plans;

import static care.homeprogram.plans.PlanFixtures.logSession;
import static care.homeprogram.testing.DemoUsers.PAT;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * plan-service is the one owner of the traffic light (issue #11, "one owner per truth"): each session in the API
 * carries the band the safety rules decided for it, and each plan the thresholds the rules apply to it, so the portal
 * renders them and keeps no thresholds of its own. Real tokens, real PostgreSQL.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PLANS"))
class SessionBandApiTest {

    @BeforeEach
    void careTeamsArrive() {
        PlanFixtures.demoCareTeamsArrived();
    }

    /**
     * A plan with its own thresholds (green to 4, amber to 6): pain exactly at each threshold and one above, each on
     * an item of its own. The band each session reads in the session history is the band the rules decided when it
     * was logged, including where the clinic's defaults (3/5) would have said otherwise (4 and 6).
     */
    @Test
    void eachSessionsBandIsTheSafetyDecisionAtTheThresholdsAndOneAbove() {
        String planId = PlanFixtures.assign("tara", PAT, "{\"patientId\": \"$PATIENT\", \"templateId\": \""
                + PlanFixtures.templateId("tara", PlanFixtures.ACUTE) + "\", \"safetyThresholds\": "
                + "{\"greenMax\": 4, \"amberMax\": 6, \"baselineRiseAlert\": 9}}").statusCode(201)
                .extract().path("id");
        List<String> items = given().auth().oauth2(Tokens.accessToken("pat")).get("/api/plans/" + planId).then()
                .statusCode(200)
                .body("thresholds.greenMax", equalTo(4))
                .body("thresholds.amberMax", equalTo(6))
                .body("thresholds.baselineRiseAlert", equalTo(9))
                .extract().path("items.id");

        Map<Integer, String> expected = new LinkedHashMap<>();
        expected.put(4, "GREEN"); // at greenMax
        expected.put(5, "AMBER"); // one above greenMax
        expected.put(6, "AMBER"); // at amberMax
        expected.put(7, "RED"); // one above amberMax
        Map<String, String> decided = new LinkedHashMap<>();
        int i = 0;
        for (Map.Entry<Integer, String> pain : expected.entrySet()) {
            String sessionId = logSession("pat", planId, items.get(i++), 1, pain.getKey(), "", "").statusCode(201)
                    .body("trafficLight", equalTo(pain.getValue()))
                    .extract().path("sessionId");
            decided.put(sessionId, pain.getValue());
        }

        for (String reader : List.of("pat", "tara")) {
            Map<String, String> shown = bands(reader, planId);
            assertThat(shown).as("bands %s reads", reader).isEqualTo(decided);
        }
    }

    /** A correction is judged by the rules again; the session then reads the band decided for the corrected pain. */
    @Test
    void aCorrectedSessionReadsTheBandTheRulesDecidedForTheCorrection() {
        String planId = PlanFixtures.assign("tara", PAT, "{\"patientId\": \"$PATIENT\", \"templateId\": \""
                + PlanFixtures.templateId("tara", PlanFixtures.ACUTE) + "\", \"safetyThresholds\": "
                + "{\"greenMax\": 4, \"amberMax\": 6, \"baselineRiseAlert\": 9}}").statusCode(201)
                .extract().path("id");
        String itemId = PlanFixtures.firstItem("pat", planId);
        String sessionId = logSession("pat", planId, itemId, 1, 4, "", "").statusCode(201)
                .body("trafficLight", equalTo("GREEN")).extract().path("sessionId");

        String corrected = given().auth().oauth2(Tokens.accessToken("pat")).contentType(ContentType.JSON)
                .body("{\"painBefore\": 1, \"painAfter\": 5, \"reason\": \"it was worse than I typed\"}")
                .put("/api/plans/" + planId + "/sessions/" + sessionId).then().statusCode(200)
                .extract().path("trafficLight");

        assertThat(corrected).isEqualTo("AMBER");
        assertThat(bands("tara", planId)).containsEntry(sessionId, corrected);
    }

    /** Without thresholds of its own a plan reports the clinic's, the ones its sessions are judged by. */
    @Test
    void aPlanWithoutItsOwnThresholdsReportsTheClinicsDefaults() {
        String planId = PlanFixtures.assignAcute("tara", PAT);

        given().auth().oauth2(Tokens.accessToken("tara")).get("/api/plans/" + planId).then().statusCode(200)
                .body("thresholds.greenMax", equalTo(3))
                .body("thresholds.amberMax", equalTo(5))
                .body("thresholds.baselineRiseAlert", equalTo(2));
        String itemId = PlanFixtures.firstItem("pat", planId);
        logSession("pat", planId, itemId, 1, 4, "", "").statusCode(201).body("trafficLight", equalTo("AMBER"));
        assertThat(bands("pat", planId)).containsValue("AMBER");
    }

    private static Map<String, String> bands(String reader, String planId) {
        List<Map<String, Object>> sessions = given().auth().oauth2(Tokens.accessToken(reader))
                .get("/api/plans/" + planId + "/sessions").then().statusCode(200).extract().path("items");
        Map<String, String> bands = new LinkedHashMap<>();
        sessions.forEach(s -> bands.put((String) s.get("id"), (String) s.get("trafficLight")));
        return bands;
    }
}
