package care.homeprogram.plans;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import care.homeprogram.testing.DemoPatients;
import care.homeprogram.testing.TestEvents;
import care.homeprogram.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Steps the plan-service tests share: care teams arriving as events, assigning, logging. */
final class PlanFixtures {
    static final String ACUTE = "acute-back-spasm-4-weeks";
    private static boolean careTeamsPublished;

    private PlanFixtures() {
    }

    /** patient-service's demo registrations, once per test JVM, applied before the first test continues. */
    static synchronized void demoCareTeamsArrived() {
        if (careTeamsPublished) {
            return;
        }
        careTeamsPublished = true;
        DemoPatients.publishRegistrations();
        await().atMost(Duration.ofSeconds(90)).until(() -> given().auth().oauth2(Tokens.accessToken("theo"))
                .get("/api/plans?patientId=" + care.homeprogram.testing.DemoUsers.POLLY).statusCode() == 200);
    }

    /** A patient known only through events (no login), in the care of the given therapist. */
    static UUID projectedPatient(UUID therapist) {
        UUID patient = UUID.randomUUID();
        DemoPatients.register(patient, "projected-" + patient.toString().substring(0, 8), "Europe/Vienna", therapist);
        return patient;
    }

    static void awaitCareTeam(String therapist, UUID patient) {
        await().atMost(Duration.ofSeconds(90)).until(() -> given().auth().oauth2(Tokens.accessToken(therapist))
                .get("/api/plans?patientId=" + patient).statusCode() == 200);
    }

    /**
     * patient-service records the patient's intake screen: it answers so when asked at activation, and announces it
     * with IntakeScreened, as the real one does.
     */
    static void screened(UUID patient, boolean requiresSignOff) {
        PatientServicePeer.flagged(patient, requiresSignOff ? List.of("HISTORY_OF_CANCER") : List.of());
        TestEvents.publish("patient-events", "IntakeScreened", patient, Map.of("patientId", patient.toString(),
                "flags", requiresSignOff ? List.of("HISTORY_OF_CANCER") : List.of(),
                "requiresSignOff", requiresSignOff));
    }

    static String templateId(String therapist, String slug) {
        return given().auth().oauth2(Tokens.accessToken(therapist)).get("/api/templates")
                .then().statusCode(200).extract().path("items.find { it.slug == '" + slug + "' }.id");
    }

    static String exerciseId(String slug) {
        return given().auth().oauth2(Tokens.accessToken("tara")).get("/api/exercises")
                .then().statusCode(200).extract().path("items.find { it.slug == '" + slug + "' }.id");
    }

    static ValidatableResponse assign(String therapist, UUID patient, String body) {
        return given().auth().oauth2(Tokens.accessToken(therapist)).contentType(ContentType.JSON)
                .body(body.replace("$PATIENT", patient.toString()))
                .when().post("/api/plans").then();
    }

    /** Assigns the acute back-spasm template; returns the plan id. */
    static String assignAcute(String therapist, UUID patient) {
        return assign(therapist, patient, "{\"patientId\": \"$PATIENT\", \"templateId\": \""
                + templateId(therapist, ACUTE) + "\"}").statusCode(201).extract().path("id");
    }

    static String firstItem(String user, String planId) {
        return given().auth().oauth2(Tokens.accessToken(user)).get("/api/plans/" + planId)
                .then().statusCode(200).extract().path("items[0].id");
    }

    /** Acknowledges the patient's open alerts, so a test starts from none whatever earlier tests left open. */
    static void acknowledgeOpenAlerts(String therapist, UUID patient) {
        List<String> ids = given().auth().oauth2(Tokens.accessToken(therapist)).get("/api/alerts?status=open")
                .then().statusCode(200).extract().path("items.findAll { it.patientId == '" + patient + "' }.id");
        for (String id : ids) {
            given().auth().oauth2(Tokens.accessToken(therapist)).post("/api/alerts/" + id + "/acknowledge").then()
                    .statusCode(200);
        }
    }

    /** performedAt a minute ago on the application's clock, which tests may have moved ahead of the system's. */
    static ValidatableResponse logSession(String patient, String planId, String itemId, int before, int after,
            String symptoms, String extra) {
        String body = "{\"itemId\": \"" + itemId + "\", \"performedAt\": \""
                + OffsetDateTime.now(TestClockProducer.CLOCK).minusMinutes(1) + "\", \"setsDone\": 1, \"repsDone\": 5, "
                + "\"painBefore\": " + before + ", \"painAfter\": " + after + ", \"symptoms\": [" + symptoms + "]"
                + extra + "}";
        return given().auth().oauth2(Tokens.accessToken(patient)).contentType(ContentType.JSON).body(body)
                .when().post("/api/plans/" + planId + "/sessions").then();
    }
}
