package care.homeprogram.plans;

import static care.homeprogram.plans.PlanFixtures.assign;
import static care.homeprogram.plans.PlanFixtures.exerciseId;
import static care.homeprogram.plans.PlanFixtures.templateId;
import static care.homeprogram.testing.DemoUsers.PAT;
import static care.homeprogram.testing.DemoUsers.TARA;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Lifecycle, versions, what a plan may prescribe, intake sign-off, templates and the therapist's own library. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PLANS"))
class PlanLifecycleTest {
    private static final String DOSE = "{\"sets\": 1, \"reps\": 5, \"holdSeconds\": 5, \"timesPerDay\": 2, "
            + "\"daysOfWeek\": [\"MONDAY\", \"THURSDAY\"], \"weeks\": 2}";

    @BeforeEach
    void careTeamsArrive() {
        PlanFixtures.demoCareTeamsArrived();
    }

    private static ValidatableResponse patch(String user, String planId, String body) {
        return given().auth().oauth2(Tokens.accessToken(user)).contentType(ContentType.JSON).body(body)
                .patch("/api/plans/" + planId).then();
    }

    private static String item(String slug, String extra) {
        return "{\"exerciseId\": \"" + exerciseId(slug) + "\", \"dose\": " + DOSE + extra + "}";
    }

    @Test
    void aDraftIsActivatedPausedResumedAndCompletedAndEveryStepIsAVersion() {
        String planId = assign("tara", PAT, "{\"patientId\": \"$PATIENT\", \"status\": \"DRAFT\", \"items\": ["
                + item("pelvic-tilt", "") + "]}").statusCode(201).body("status", equalTo("DRAFT"))
                .extract().path("id");
        patch("tara", planId, "{\"status\": \"ACTIVE\", \"reason\": \"reviewed with the patient\"}")
                .statusCode(200).body("status", equalTo("ACTIVE")).body("version", equalTo(2));
        patch("tara", planId, "{\"status\": \"ON_HOLD\", \"reason\": \"holiday\"}").statusCode(200);
        patch("tara", planId, "{\"status\": \"ACTIVE\", \"reason\": \"back from holiday\"}").statusCode(200);
        patch("tara", planId, "{\"status\": \"COMPLETED\", \"reason\": \"goals met\"}").statusCode(200)
                .body("version", equalTo(5));
        patch("tara", planId, "{\"status\": \"ACTIVE\", \"reason\": \"again\"}").statusCode(409)
                .body("type", equalTo("https://homeprogram.care/problems/invalid-transition"));
        patch("tara", planId, "{\"status\": \"ON_HOLD\"}").statusCode(400).body("errors[0].field", equalTo("reason"));

        // The draft version stays with the therapist; the patient reads the plan from its activation on.
        given().auth().oauth2(Tokens.accessToken("pat")).get("/api/plans/" + planId + "?version=1").then()
                .statusCode(404);
        given().auth().oauth2(Tokens.accessToken("tara")).get("/api/plans/" + planId + "?version=1").then()
                .statusCode(200).body("status", equalTo("DRAFT")).body("version", equalTo(1));
        given().auth().oauth2(Tokens.accessToken("pat")).get("/api/plans/" + planId + "?version=2").then()
                .statusCode(200).body("status", equalTo("ACTIVE"));
        given().auth().oauth2(Tokens.accessToken("tara")).get("/api/plans/" + planId + "/versions").then()
                .statusCode(200).body("total", equalTo(5))
                .body("items[0].reason", equalTo("goals met"))
                .body("items[0].changedBy", equalTo(TARA.toString()))
                .body("items.reason", hasItem("holiday"));
    }

    @Test
    void aDoseChangeMakesANewVersionAndTheOldOneStaysReadable() {
        String planId = assign("tara", PAT, "{\"patientId\": \"$PATIENT\", \"items\": [" + item("bird-dog", "")
                + "]}").statusCode(201).extract().path("id");
        String itemId = given().auth().oauth2(Tokens.accessToken("tara")).get("/api/plans/" + planId).then()
                .extract().path("items[0].id");
        patch("tara", planId, "{\"reason\": \"progress to 8 reps\", \"items\": [{\"id\": \"" + itemId
                + "\", \"exerciseId\": \"" + exerciseId("bird-dog") + "\", \"dose\": " + DOSE.replace("\"reps\": 5",
                        "\"reps\": 8") + "}]}")
                .statusCode(200).body("version", equalTo(2)).body("items[0].dose.reps", equalTo(8))
                .body("items[0].id", equalTo(itemId));
        given().auth().oauth2(Tokens.accessToken("pat")).get("/api/plans/" + planId + "?version=1").then()
                .body("items[0].dose.reps", equalTo(5));
        given().auth().oauth2(Tokens.accessToken("pat")).get("/api/plans/" + planId).then()
                .body("items[0].dose.reps", equalTo(8));
    }

    @Test
    void aForeignTherapistCannotChangeAPlanAndAPatientCannotEditOne() {
        String planId = PlanFixtures.assignAcute("tara", PAT);
        patch("theo", planId, "{\"status\": \"ON_HOLD\", \"reason\": \"x\"}").statusCode(404);
        patch("pat", planId, "{\"status\": \"ON_HOLD\", \"reason\": \"x\"}").statusCode(403);
        patch("ada", planId, "{\"status\": \"ON_HOLD\", \"reason\": \"x\"}").statusCode(403);
        given().contentType(ContentType.JSON).body("{}").patch("/api/plans/" + planId).then().statusCode(401);
        given().auth().oauth2(Tokens.accessToken("theo")).get("/api/plans/" + planId + "/versions").then()
                .statusCode(404);
    }

    @Test
    void coldNeedsAnAcuteFlareUpReasonAndHydrationTheTherapistsConfirmation() {
        assign("tara", PAT, "{\"patientId\": \"$PATIENT\", \"items\": [" + item("contrast-heat-cold", "") + "]}")
                .statusCode(400).body("type", equalTo("https://homeprogram.care/problems/plan-content"))
                .body("detail", containsString("acute flare-up"));
        assign("tara", PAT, "{\"patientId\": \"$PATIENT\", \"items\": [" + item("contrast-heat-cold",
                ", \"coldReason\": \"ACUTE_FLARE_UP\"") + "]}").statusCode(201)
                .body("items[0].coldReason", equalTo("ACUTE_FLARE_UP"));
        assign("tara", PAT, "{\"patientId\": \"$PATIENT\", \"items\": [" + item("electrolyte-hydration", "") + "]}")
                .statusCode(400).body("detail", containsString("confirmation"));
        assign("tara", PAT, "{\"patientId\": \"$PATIENT\", \"items\": [" + item("electrolyte-hydration",
                ", \"therapistConfirmed\": true") + "]}").statusCode(201);
    }

    @Test
    void aFlaggedPatientsPlanBecomesActiveOnlyWithTheTherapistsSignOff() {
        UUID flagged = PlanFixtures.projectedPatient(TARA);
        PlanFixtures.screened(flagged, true);
        PlanFixtures.awaitCareTeam("tara", flagged);
        String body = "{\"patientId\": \"$PATIENT\", \"templateId\": \"" + templateId("tara", PlanFixtures.ACUTE)
                + "\"";
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20)).until(() ->
                assign("tara", flagged, body + "}").extract().statusCode() == 409);
        assign("tara", flagged, body + "}").statusCode(409)
                .body("type", equalTo("https://homeprogram.care/problems/intake-sign-off-required"))
                .body("detail", containsString("HISTORY_OF_CANCER"));
        String draft = assign("tara", flagged, body + ", \"status\": \"DRAFT\"}").statusCode(201).extract().path("id");
        patch("tara", draft, "{\"status\": \"ACTIVE\", \"reason\": \"start\"}").statusCode(409);
        patch("tara", draft, "{\"status\": \"ACTIVE\", \"reason\": \"start\", \"intakeSignOff\": true}")
                .statusCode(200).body("status", equalTo("ACTIVE"));
        assign("tara", flagged, body + ", \"intakeSignOff\": true}").statusCode(201);
    }

    @Test
    void aTherapistSavesAPlanAsTheirOwnTemplate() {
        String planId = PlanFixtures.assignAcute("tara", PAT);
        given().auth().oauth2(Tokens.accessToken("tara")).contentType(ContentType.JSON)
                .body("{\"planId\": \"" + planId + "\", \"name\": \"Tara's desk-worker spasm plan\"}")
                .post("/api/templates").then().statusCode(201).body("items.size()", equalTo(8));
        given().auth().oauth2(Tokens.accessToken("tara")).get("/api/templates").then()
                .body("items.name", hasItem("Tara's desk-worker spasm plan"));
        given().auth().oauth2(Tokens.accessToken("theo")).get("/api/templates").then()
                .body("items.name", not(hasItem("Tara's desk-worker spasm plan")));
        given().auth().oauth2(Tokens.accessToken("theo")).contentType(ContentType.JSON)
                .body("{\"planId\": \"" + planId + "\", \"name\": \"stolen\"}")
                .post("/api/templates").then().statusCode(404);
    }

    @Test
    void therapistsKeepTheirOwnExercisesButNeverBedRestAndNeverEditTheSeededLibrary() {
        String exercise = "{\"name\": \"%s\", \"category\": \"MOVEMENT\", \"summary\": \"%s\", "
                + "\"instructions\": [\"Lie on your back\"], \"cautions\": [\"Stop if you feel sharp pain.\"], "
                + "\"whySafe\": \"Gentle\", \"defaultDose\": " + DOSE + ", \"sources\": [\"NICE NG59\"]}";
        given().auth().oauth2(Tokens.accessToken("tara")).contentType(ContentType.JSON)
                .body(exercise.formatted("Recovery day", "Full bed rest for three days"))
                .post("/api/exercises").then().statusCode(400).body("errors[0].field", equalTo("instructions"));
        String id = given().auth().oauth2(Tokens.accessToken("tara")).contentType(ContentType.JSON)
                .body(exercise.formatted("Knee rocking", "Gentle knee rocking lying down"))
                .post("/api/exercises").then().statusCode(201).body("seeded", equalTo(false)).extract().path("id");
        given().auth().oauth2(Tokens.accessToken("tara")).contentType(ContentType.JSON)
                .body(exercise.formatted("Knee rocking", "Gentle knee rocking, both knees together"))
                .put("/api/exercises/" + id).then().statusCode(200).body("contentVersion", equalTo(2));
        given().auth().oauth2(Tokens.accessToken("theo")).contentType(ContentType.JSON)
                .body(exercise.formatted("Knee rocking", "mine now")).put("/api/exercises/" + id).then()
                .statusCode(404);
        given().auth().oauth2(Tokens.accessToken("theo")).get("/api/exercises").then()
                .body("items.id", not(hasItem(id)));
        given().auth().oauth2(Tokens.accessToken("tara")).contentType(ContentType.JSON)
                .body(exercise.formatted("Bird-dog", "edited")).put("/api/exercises/" + exerciseId("bird-dog"))
                .then().statusCode(403).body("type", equalTo("https://homeprogram.care/problems/seeded-entry"));
    }
}
