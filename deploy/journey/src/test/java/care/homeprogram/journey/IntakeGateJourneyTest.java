package care.homeprogram.journey;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import care.homeprogram.local.Platform;
import care.homeprogram.local.Service;
import care.homeprogram.testing.Tokens;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Intake gates activation across the real services: a patient tara has just registered cannot get an active plan
 * until screened; the flags of the screen need her sign-off; plan-service asks patient-service at that moment.
 */
class IntakeGateJourneyTest {
    private static final String PROBLEMS = "https://homeprogram.care/problems/";
    private final Platform platform = RunningPlatform.get();

    @Test
    void aNewPatientGetsAnActivePlanOnlyAfterTheIntakeScreenAndTheSignOffOfItsFlags() {
        String tara = Tokens.accessToken("tara");
        String username = "intake-" + UUID.randomUUID().toString().substring(0, 8);
        String patientId = given().baseUri(platform.url(Service.PATIENTS)).auth().oauth2(tara)
                .contentType(ContentType.JSON).body("{\"username\": \"" + username + "\", \"email\": \"" + username
                        + "@demo.homeprogram.test\", \"firstName\": \"Ina\", \"lastName\": \"Take\", \"birthDate\":"
                        + " \"1960-05-01\", \"timeZone\": \"Europe/Berlin\", \"temporaryPassword\": true}")
                .post("/api/patients").then().statusCode(201).extract().path("id");
        String plans = platform.url(Service.PLANS);
        await().atMost(Duration.ofSeconds(60)).until(() -> given().baseUri(plans).auth().oauth2(tara)
                .get("/api/plans?patientId=" + patientId).statusCode() == 200);
        String templateId = given().baseUri(plans).auth().oauth2(tara).get("/api/templates").then()
                .extract().path("items.find { it.slug == 'acute-back-spasm-4-weeks' }.id");
        String plan = "{\"patientId\": \"" + patientId + "\", \"templateId\": \"" + templateId + "\"";

        given().baseUri(plans).auth().oauth2(tara).contentType(ContentType.JSON).body(plan + "}")
                .post("/api/plans").then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "intake-screening-required"));

        // tara records the screen: first onset at 60 is a flag. The very next activation sees it.
        given().baseUri(platform.url(Service.PATIENTS)).auth().oauth2(tara).contentType(ContentType.JSON)
                .body("{\"ageAtFirstOnset\": 60}").put("/api/patients/" + patientId + "/intake").then()
                .statusCode(200).body("requiresSignOff", equalTo(true));
        given().baseUri(plans).auth().oauth2(tara).contentType(ContentType.JSON).body(plan + "}")
                .post("/api/plans").then().statusCode(409)
                .body("type", equalTo(PROBLEMS + "intake-sign-off-required"));
        given().baseUri(plans).auth().oauth2(tara).contentType(ContentType.JSON)
                .body(plan + ", \"intakeSignOff\": true}").post("/api/plans").then().statusCode(201)
                .body("status", equalTo("ACTIVE"));
    }
}
