package care.homeprogram.plans;

import static care.homeprogram.testing.DemoUsers.PAT;
import static care.homeprogram.testing.DemoUsers.POLLY;
import static care.homeprogram.testing.DemoUsers.TARA;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import care.homeprogram.commons.audit.AuditEntry;
import care.homeprogram.commons.audit.AuditLog;
import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #13, items 3 and 4: a therapist archives their own exercises, edits and deletes their own templates, leaves
 * a note to the patient on an item and dismisses a progression suggestion on record (who, why), each refused with a
 * clear 4xx to anyone else (foreign ids and wrong roles for every path id: {@link ForeignIdMatrixTest}).
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PLANS"))
class OwnLibraryAndBuilderTest {
    private static final String DOSE = "{\"sets\": 1, \"reps\": 5, \"timesPerDay\": 1, "
            + "\"daysOfWeek\": [\"MONDAY\", \"THURSDAY\"], \"weeks\": 2}";

    @Inject
    AuditLog audit;

    @BeforeEach
    void careTeamsArrive() {
        PlanFixtures.demoCareTeamsArrived();
    }

    private static RequestSpecification as(String who) {
        return given().auth().oauth2(Tokens.accessToken(who)).contentType(ContentType.JSON);
    }

    private static String ownExercise(String therapist, String name) {
        return as(therapist).body("{\"name\": \"" + name + "\", \"category\": \"MOVEMENT\", \"summary\": \"Reach\", "
                + "\"instructions\": [\"Reach up slowly\"], \"cautions\": [\"Stop if it hurts.\"], "
                + "\"whySafe\": \"Small movement\", \"defaultDose\": " + DOSE + "}")
                .post("/api/exercises").then().statusCode(201).extract().path("id");
    }

    private static String item(String exerciseId) {
        return "{\"exerciseId\": \"" + exerciseId + "\", \"dose\": " + DOSE + "}";
    }

    @Test
    void anArchivedExerciseIsNoLongerListedNorAddedButPlansKeepIt() {
        String name = "Wall reach " + UUID.randomUUID().toString().substring(0, 8);
        String exercise = ownExercise("tara", name);
        String planId = PlanFixtures.assign("tara", PAT, "{\"patientId\": \"$PATIENT\", \"status\": \"DRAFT\", "
                + "\"items\": [" + item(exercise) + "]}").statusCode(201).extract().path("id");

        as("tara").post("/api/exercises/" + exercise + "/archive").then().statusCode(200)
                .body("archived", equalTo(true)).body("ownerTherapistId", equalTo(TARA.toString()));
        as("tara").post("/api/exercises/" + exercise + "/archive").then().statusCode(200); // again: unchanged
        as("tara").get("/api/exercises").then().statusCode(200).body("items.id", not(hasItem(exercise)));

        // the plan keeps it, a new plan cannot take it
        as("tara").get("/api/plans/" + planId).then().statusCode(200).body("items[0].name", equalTo(name));
        PlanFixtures.assign("tara", PAT, "{\"patientId\": \"$PATIENT\", \"status\": \"DRAFT\", \"items\": ["
                + item(exercise) + "]}").statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://homeprogram.care/problems/exercise-archived"));

        // seeded: 403; another's: 404; no token: 401; a patient: 403
        as("tara").post("/api/exercises/" + PlanFixtures.exerciseId("bird-dog") + "/archive").then().statusCode(403)
                .body("type", equalTo("https://homeprogram.care/problems/seeded-entry"));
        String theirs = ownExercise("theo", "Theo's reach");
        as("tara").post("/api/exercises/" + theirs + "/archive").then().statusCode(404);
        given().post("/api/exercises/" + theirs + "/archive").then().statusCode(401);
        as("pat").post("/api/exercises/" + theirs + "/archive").then().statusCode(403);
        as("theo").get("/api/exercises").then().body("items.id", hasItem(theirs));
    }

    @Test
    void theOwnerEditsAndDeletesTheirTemplateAndNobodyElseMay() {
        String bird = PlanFixtures.exerciseId("bird-dog");
        String planId = PlanFixtures.assign("theo", POLLY, "{\"patientId\": \"$PATIENT\", \"status\": \"DRAFT\", "
                + "\"items\": [" + item(bird) + "]}").statusCode(201).extract().path("id");
        String template = as("theo").body("{\"planId\": \"" + planId + "\", \"name\": \"Theo's start\"}")
                .post("/api/templates").then().statusCode(201).extract().path("id");
        String cat = PlanFixtures.exerciseId("cat-camel");
        String edit = "{\"name\": \"Theo's start, two\", \"description\": \"With cat-camel\", \"items\": ["
                + item(bird) + ", {\"exerciseId\": \"" + cat + "\", \"startWeek\": 2, \"dose\": " + DOSE + "}]}";

        as("theo").body(edit).put("/api/templates/" + template).then().statusCode(200)
                .body("name", equalTo("Theo's start, two")).body("items.size()", equalTo(2))
                .body("items[1].startWeek", equalTo(2)).body("ownerTherapistId", equalTo(
                        care.homeprogram.testing.DemoUsers.THEO.toString()));
        // bad input: no items, a reps count out of range
        as("theo").body("{\"name\": \"x\", \"items\": []}").put("/api/templates/" + template).then()
                .statusCode(400).contentType("application/problem+json");
        as("theo").body("{\"name\": \"x\", \"items\": [{\"exerciseId\": \"" + bird + "\", \"dose\": {\"sets\": 1, "
                + "\"reps\": 5000, \"timesPerDay\": 1, \"daysOfWeek\": [\"MONDAY\"], \"weeks\": 2}}]}")
                .put("/api/templates/" + template).then().statusCode(400).contentType("application/problem+json");
        // another therapist: 404 (shared or not, only the owner changes it); seeded: 403; patient: 403; no token: 401
        as("tara").body(edit).put("/api/templates/" + template).then().statusCode(404);
        as("tara").delete("/api/templates/" + template).then().statusCode(404);
        as("theo").body(edit).put("/api/templates/" + PlanFixtures.templateId("theo", "acute-back-spasm-4-weeks"))
                .then().statusCode(403).body("type", equalTo("https://homeprogram.care/problems/seeded-entry"));
        as("polly").body(edit).put("/api/templates/" + template).then().statusCode(403);
        given().contentType(ContentType.JSON).body(edit).put("/api/templates/" + template).then().statusCode(401);
        as("theo").get("/api/templates").then().body("items.find { it.id == '" + template + "' }.name",
                equalTo("Theo's start, two"));

        // a plan from it, then it is deleted: the plan is unchanged
        String fromTemplate = PlanFixtures.assign("theo", POLLY, "{\"patientId\": \"$PATIENT\", \"status\": "
                + "\"DRAFT\", \"templateId\": \"" + template + "\"}").statusCode(201).extract().path("id");
        as("theo").delete("/api/templates/" + template).then().statusCode(204);
        as("theo").get("/api/templates").then().body("items.id", not(hasItem(template)));
        as("theo").get("/api/plans/" + fromTemplate).then().statusCode(200).body("items.size()", equalTo(2));
        as("theo").delete("/api/templates/" + template).then().statusCode(404);
    }

    @Test
    void aNoteToThePatientTravelsWithTheItemAndIsBounded() {
        String bird = PlanFixtures.exerciseId("bird-dog");
        String planId = PlanFixtures.assign("tara", PAT, "{\"patientId\": \"$PATIENT\", \"status\": \"DRAFT\", "
                + "\"items\": [{\"exerciseId\": \"" + bird + "\", \"dose\": " + DOSE
                + ", \"noteToPatient\": \"Keep your back flat\"}]}").statusCode(201)
                .body("items[0].noteToPatient", equalTo("Keep your back flat")).extract().path("id");
        as("tara").get("/api/plans/" + planId + "?version=1").then().statusCode(200)
                .body("items[0].noteToPatient", equalTo("Keep your back flat"));
        PlanFixtures.assign("tara", PAT, "{\"patientId\": \"$PATIENT\", \"items\": [{\"exerciseId\": \"" + bird
                + "\", \"dose\": " + DOSE + ", \"noteToPatient\": \"" + "x".repeat(501) + "\"}]}").statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aPlanShowsItsOwnThresholdsBesideTheClinicDefaults() {
        String planId = PlanFixtures.assign("tara", PAT, "{\"patientId\": \"$PATIENT\", \"status\": \"DRAFT\", "
                + "\"safetyThresholds\": {\"greenMax\": 2, \"amberMax\": 4, \"baselineRiseAlert\": 3}, "
                + "\"items\": [" + item(PlanFixtures.exerciseId("bird-dog")) + "]}").statusCode(201).extract()
                .path("id");
        as("tara").get("/api/plans/" + planId).then().statusCode(200)
                .body("thresholds.greenMax", equalTo(2)).body("thresholds.baselineRiseAlert", equalTo(3))
                .body("clinicThresholds.greenMax", equalTo(3)).body("clinicThresholds.amberMax", equalTo(5))
                .body("clinicThresholds.baselineRiseAlert", equalTo(2));
    }

    @Test
    void aDismissalIsKeptWithWhoAndWhyAndAudited() {
        String planId = PlanFixtures.assign("tara", PAT, "{\"patientId\": \"$PATIENT\", \"status\": \"DRAFT\", "
                + "\"items\": [" + item(PlanFixtures.exerciseId("bird-dog")) + "]}").statusCode(201).extract()
                .path("id");
        String correlationId = "dismiss-" + UUID.randomUUID();
        as("tara").header("X-Correlation-Id", correlationId)
                .body("{\"week\": 1, \"reason\": \"Flare-up last week, keep the dose\"}")
                .post("/api/plans/" + planId + "/progression/dismiss").then().statusCode(200)
                .body("week", equalTo(1)).body("dismissedBy", equalTo(TARA.toString()))
                .body("reason", equalTo("Flare-up last week, keep the dose"));
        // again: the first dismissal stays
        as("tara").body("{\"week\": 1, \"reason\": \"other\"}").post("/api/plans/" + planId + "/progression/dismiss")
                .then().statusCode(200).body("reason", equalTo("Flare-up last week, keep the dose"));
        List<AuditEntry> entries = audit.byCorrelationId(correlationId);
        assertThat(entries).singleElement().satisfies(e -> assertThat(e.patientId()).isEqualTo(PAT));

        for (String bad : List.of("{\"week\": 0, \"reason\": \"x\"}", "{\"week\": 1}", "{\"week\": 1, \"reason\": "
                + "\"  \"}", "{\"week\": \"one\", \"reason\": \"x\"}")) {
            as("tara").body(bad).post("/api/plans/" + planId + "/progression/dismiss").then().statusCode(400)
                    .contentType("application/problem+json");
        }
        given().contentType(ContentType.JSON).body("{\"week\": 1, \"reason\": \"x\"}")
                .post("/api/plans/" + planId + "/progression/dismiss").then().statusCode(401);
        // no completed week yet: nothing suggested, nothing to show as dismissed
        as("tara").get("/api/plans/" + planId + "/adherence").then().statusCode(200)
                .body("progressionDismissal", nullValue());
    }
}
