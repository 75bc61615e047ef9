package care.homeprogram.journey;

import static care.homeprogram.testing.DemoUsers.PAT;
import static care.homeprogram.testing.DemoUsers.POLLY;
import static care.homeprogram.testing.DemoUsers.TARA;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import care.homeprogram.local.Platform;
import care.homeprogram.local.Service;
import care.homeprogram.testing.Tokens;
import io.restassured.http.ContentType;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/**
 * The safety journey through the whole platform: a red session pauses the exercise and alerts the therapist, who
 * acknowledges and resumes it; the FHIR export carries the patient's details from patient-service; emergency red
 * flags put the program on hold with a CRITICAL alert.
 */
class SafetyJourneyTest {
    private final Platform platform = RunningPlatform.get();

    private String plans() {
        return platform.url(Service.PLANS);
    }

    @Test
    void patLogsPainSevenTaraAcknowledgesAndResumesAndExportsTheRecord() {
        String planId = JourneyPlans.assignAcute(platform, "tara", PAT);
        String pat = Tokens.accessToken("pat");
        String itemId = given().baseUri(plans()).auth().oauth2(pat).get("/api/plans/" + planId).then()
                .extract().path("items[0].id");

        given().baseUri(plans()).auth().oauth2(pat).contentType(ContentType.JSON)
                .body("{\"itemId\": \"" + itemId + "\", \"performedAt\": \"" + OffsetDateTime.now().minusMinutes(5)
                        + "\", \"setsDone\": 1, \"repsDone\": 5, \"painBefore\": 3, \"painAfter\": 7, \"symptoms\": []}")
                .post("/api/plans/" + planId + "/sessions").then().statusCode(201)
                .body("decision", equalTo("ITEM_PAUSED"));

        String tara = Tokens.accessToken("tara");
        String alertId = given().baseUri(plans()).auth().oauth2(tara).get("/api/alerts?status=open").then()
                .body("items.find { it.planId == '" + planId + "' }.severity", equalTo("HIGH"))
                .extract().path("items.find { it.planId == '" + planId + "' }.id");
        given().baseUri(plans()).auth().oauth2(tara).post("/api/alerts/" + alertId + "/acknowledge").then()
                .statusCode(200).body("acknowledgedBy", equalTo(TARA.toString()));
        given().baseUri(plans()).auth().oauth2(tara).contentType(ContentType.JSON)
                .body("{\"reason\": \"spoke with pat: flare from lifting, settled\"}")
                .post("/api/plans/" + planId + "/items/" + itemId + "/resume").then().statusCode(200)
                .body("items[0].status", equalTo("ACTIVE"));

        String fhir = given().baseUri(plans()).auth().oauth2(tara).get("/api/fhir/patients/" + PAT).then()
                .statusCode(200).extract().asString();
        assertThat(fhir).contains("\"family\":\"Morgan\"", "72514-3", "\"resourceType\":\"CarePlan\"")
                .doesNotContain("OperationOutcome");
    }

    @Test
    void emergencyRedFlagsPutPollysProgramOnHoldAndAlertTheoCritically() {
        String planId = JourneyPlans.assignAcute(platform, "theo", POLLY);
        given().baseUri(plans()).auth().oauth2(Tokens.accessToken("polly")).contentType(ContentType.JSON)
                .body("{\"answers\": {\"BLADDER_OR_BOWEL_CHANGE\": true}}")
                .post("/api/check-ins").then().statusCode(201)
                .body("decision", equalTo("SEEK_CARE_NOW"))
                .body("guidance", containsString("emergency"))
                .body("plansOnHold", hasItem(planId));
        given().baseUri(plans()).auth().oauth2(Tokens.accessToken("theo")).get("/api/alerts?status=open").then()
                .body("items.find { it.patientId == '" + POLLY + "' }.severity", equalTo("CRITICAL"));
        given().baseUri(plans()).auth().oauth2(Tokens.accessToken("polly")).get("/api/plans/" + planId).then()
                .body("status", equalTo("ON_HOLD"));
    }
}
