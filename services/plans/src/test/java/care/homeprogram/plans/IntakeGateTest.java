package care.homeprogram.plans;

import static care.homeprogram.plans.PlanFixtures.assign;
import static care.homeprogram.testing.DemoUsers.TARA;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.TestEvents;
import care.homeprogram.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Intake screening gates activation, asked of patient-service at the moment of activation (its peer here, the real
 * one in the journeys): never screened → no active plan; flags → the therapist's sign-off of exactly those flags;
 * patient-service silent → refused, never allowed; flags recorded after activation → on hold with a HIGH alert.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PLANS"))
class IntakeGateTest {
    private static final String PROBLEMS = "https://homeprogram.care/problems/";

    @BeforeEach
    void careTeamsArrive() {
        PlanFixtures.demoCareTeamsArrived();
    }

    private static String acute(String extra) {
        return "{\"patientId\": \"$PATIENT\", \"templateId\": \"" + PlanFixtures.templateId("tara", PlanFixtures.ACUTE)
                + "\"" + extra + "}";
    }

    private static ValidatableResponse activate(String planId, String extra) {
        return given().auth().oauth2(Tokens.accessToken("tara")).contentType(ContentType.JSON)
                .body("{\"status\": \"ACTIVE\", \"reason\": \"assigned\"" + extra + "}")
                .patch("/api/plans/" + planId).then();
    }

    @Test
    void aNeverScreenedPatientGetsNoActivePlanUntilScreenedAndTheProgramStartsTheDayItIsActivated() {
        UUID patient = PlanFixtures.projectedPatient(TARA);
        PatientServicePeer.neverScreened(patient);
        PlanFixtures.awaitCareTeam("tara", patient);

        assign("tara", patient, acute("")).statusCode(409)
                .contentType(containsString("application/problem+json"))
                .body("type", equalTo(PROBLEMS + "intake-screening-required"))
                .body("detail", containsString("draft"));
        String draft = assign("tara", patient, acute(", \"status\": \"DRAFT\"")).statusCode(201)
                .extract().path("id");
        activate(draft, "").statusCode(409).body("type", equalTo(PROBLEMS + "intake-screening-required"));

        TestClockProducer.CLOCK.advance(Duration.ofDays(2));
        PlanFixtures.screened(patient, false);
        activate(draft, "").statusCode(200).body("status", equalTo("ACTIVE"))
                .body("startDate", equalTo(LocalDate.now(TestClockProducer.CLOCK.withZone(ZoneId.of("Europe/Vienna")))
                        .toString()));
    }

    @Test
    void flagsNeedTheSignOffOfExactlyThoseFlags() {
        UUID patient = PlanFixtures.projectedPatient(TARA);
        PatientServicePeer.flagged(patient, List.of("TRAUMA"));
        PlanFixtures.awaitCareTeam("tara", patient);
        assign("tara", patient, acute("")).statusCode(409)
                .body("type", equalTo(PROBLEMS + "intake-sign-off-required"))
                .body("detail", containsString("TRAUMA"));
        String planId = assign("tara", patient, acute(", \"intakeSignOff\": true")).statusCode(201)
                .body("status", equalTo("ACTIVE")).extract().path("id");
        given().auth().oauth2(Tokens.accessToken("tara")).contentType(ContentType.JSON)
                .body("{\"status\": \"ON_HOLD\", \"reason\": \"holiday\"}").patch("/api/plans/" + planId).then()
                .statusCode(200);
        activate(planId, "").statusCode(200); // the flags it covered are still signed off

        PatientServicePeer.flagged(patient, List.of("STEROID_USE", "TRAUMA"));
        given().auth().oauth2(Tokens.accessToken("tara")).contentType(ContentType.JSON)
                .body("{\"status\": \"ON_HOLD\", \"reason\": \"review\"}").patch("/api/plans/" + planId).then()
                .statusCode(200);
        activate(planId, "").statusCode(409) // a new flag needs a new sign-off
                .body("detail", containsString("STEROID_USE"));
        activate(planId, ", \"intakeSignOff\": true").statusCode(200);
    }

    @Test
    void whenPatientServiceCannotAnswerActivationIsRefusedNeverAllowed() {
        UUID patient = PlanFixtures.projectedPatient(TARA);
        PlanFixtures.awaitCareTeam("tara", patient);
        PatientServicePeer.down();
        try {
            assign("tara", patient, acute("")).statusCode(503)
                    .contentType(containsString("application/problem+json"))
                    .body("type", equalTo(PROBLEMS + "intake-unavailable"))
                    .body("detail", containsString("not activated"));
        } finally {
            PatientServicePeer.up();
        }
        given().auth().oauth2(Tokens.accessToken("tara")).get("/api/plans?patientId=" + patient).then()
                .statusCode(200).body("total", equalTo(0));
        assign("tara", patient, acute("")).statusCode(201).body("status", equalTo("ACTIVE"));
    }

    @Test
    void flagsRecordedAfterActivationPutThePlanOnHoldWithAHighAlertUntilSignedOff() {
        UUID patient = PlanFixtures.projectedPatient(TARA);
        PlanFixtures.awaitCareTeam("tara", patient);
        String planId = assign("tara", patient, acute("")).statusCode(201).extract().path("id");

        PlanFixtures.screened(patient, true); // HISTORY_OF_CANCER, announced with IntakeScreened
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.accessToken("tara"))
                .get("/api/plans/" + planId).then().statusCode(200).body("status", equalTo("ON_HOLD")));
        List<Map<String, Object>> alerts = given().auth().oauth2(Tokens.accessToken("tara"))
                .get("/api/alerts?status=open").then().statusCode(200).extract()
                .path("items.findAll { it.planId == '" + planId + "' }");
        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.get("severity")).isEqualTo("HIGH");
            assertThat(alert.get("reasonCode")).isEqualTo("INTAKE_FLAGS_AFTER_ACTIVATION");
            assertThat((String) alert.get("reason")).contains("HISTORY_OF_CANCER");
        });
        activate(planId, "").statusCode(409).body("type", equalTo(PROBLEMS + "intake-sign-off-required"));
        activate(planId, ", \"intakeSignOff\": true").statusCode(200).body("status", equalTo("ACTIVE"));

        // The same flags announced again (a redelivery, a re-screen without news) hold nothing: they are signed off.
        TestEvents.publish("patient-events", "IntakeScreened", patient, Map.of("patientId", patient.toString(),
                "flags", List.of("HISTORY_OF_CANCER"), "requiresSignOff", true));
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().auth()
                .oauth2(Tokens.accessToken("tara")).get("/api/plans/" + planId).then()
                .body("status", equalTo("ACTIVE")));
    }
}
