package care.homeprogram.plans;

import static care.homeprogram.testing.DemoUsers.PAT;
import static care.homeprogram.testing.DemoUsers.POLLY;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

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

/**
 * Issue #12, finding 6: tara built a plan from theo's own exercise and the plan showed theo's private text. A
 * therapist's own exercises and templates are theirs alone unless shared with the clinic; anyone else gets 404 for
 * them, as for an id that does not exist, wherever they would be used, and never sees them listed.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PLANS"))
class PrivateLibraryTest {
    private static final String DOSE = "{\"sets\": 1, \"reps\": 5, \"timesPerDay\": 1, "
            + "\"daysOfWeek\": [\"MONDAY\", \"THURSDAY\"], \"weeks\": 2}";

    @BeforeEach
    void careTeamsArrive() {
        PlanFixtures.demoCareTeamsArrived();
    }

    private static String ownExercise(String therapist, String secret, boolean shared) {
        return given().auth().oauth2(Tokens.accessToken(therapist)).contentType(ContentType.JSON)
                .body("{\"name\": \"Ankle circles " + secret + "\", \"category\": \"MOVEMENT\", \"summary\": \""
                        + secret + "\", \"instructions\": [\"Circle the ankle slowly, " + secret + "\"], "
                        + "\"cautions\": [\"Stop if it hurts.\"], \"whySafe\": \"Small, supported movement\", "
                        + "\"defaultDose\": " + DOSE + ", \"sharedWithClinic\": " + shared + "}")
                .post("/api/exercises").then().statusCode(201).extract().path("id");
    }

    private static String items(String... exerciseIds) {
        StringBuilder items = new StringBuilder();
        for (String id : exerciseIds) {
            items.append(items.isEmpty() ? "" : ", ").append("{\"exerciseId\": \"").append(id)
                    .append("\", \"dose\": ").append(DOSE).append("}");
        }
        return "[" + items + "]";
    }

    private static int plansOf(String therapist, UUID patient) {
        return given().auth().oauth2(Tokens.accessToken(therapist)).get("/api/plans?patientId=" + patient).then()
                .statusCode(200).extract().path("total");
    }

    private static void notFound(ValidatableResponse response, String detailStart) {
        response.statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://homeprogram.care/problems/not-found"))
                .body("detail", startsWith(detailStart));
    }

    @Test
    void anotherTherapistsPrivateExerciseIsNeitherListedNorUsable() {
        String secret = "theo-private-" + UUID.randomUUID().toString().substring(0, 8);
        String theirs = ownExercise("theo", secret, false);

        given().auth().oauth2(Tokens.accessToken("tara")).get("/api/exercises").then().statusCode(200)
                .body("items.id", not(hasItem(theirs)));
        given().auth().oauth2(Tokens.accessToken("theo")).get("/api/exercises").then().statusCode(200)
                .body("items.find { it.id == '" + theirs + "' }.sharedWithClinic", equalTo(false));

        // building a plan from it: 404, as for an unknown id, and no plan is made
        int before = plansOf("tara", PAT);
        notFound(PlanFixtures.assign("tara", PAT, "{\"patientId\": \"$PATIENT\", \"items\": " + items(theirs) + "}"),
                "Exercise " + theirs);
        notFound(PlanFixtures.assign("tara", PAT, "{\"patientId\": \"$PATIENT\", \"items\": "
                + items(UUID.randomUUID().toString()) + "}"), "Exercise ");
        org.assertj.core.api.Assertions.assertThat(plansOf("tara", PAT)).isEqualTo(before);

        // adding it to one of her plans: 404, and the plan is as it was
        String seeded = PlanFixtures.exerciseId("bird-dog");
        String planId = PlanFixtures.assign("tara", PAT, "{\"patientId\": \"$PATIENT\", \"status\": \"DRAFT\", "
                + "\"items\": " + items(seeded) + "}").statusCode(201).extract().path("id");
        notFound(given().auth().oauth2(Tokens.accessToken("tara")).contentType(ContentType.JSON)
                .body("{\"items\": " + items(seeded, theirs) + ", \"reason\": \"add an ankle exercise\"}")
                .patch("/api/plans/" + planId).then(), "Exercise " + theirs);
        given().auth().oauth2(Tokens.accessToken("tara")).get("/api/plans/" + planId).then().statusCode(200)
                .body("version", equalTo(1)).body("items.size()", equalTo(1))
                .body("toString()", not(org.hamcrest.Matchers.containsString(secret)));

        // nor may she edit it
        notFound(given().auth().oauth2(Tokens.accessToken("tara")).contentType(ContentType.JSON)
                .body("{\"name\": \"Mine now\", \"category\": \"MOVEMENT\", \"summary\": \"x\", "
                        + "\"instructions\": [\"x\"], \"cautions\": [\"x\"], \"whySafe\": \"x\", \"defaultDose\": "
                        + DOSE + "}")
                .put("/api/exercises/" + theirs).then(), "Exercise " + theirs);
    }

    @Test
    void anotherTherapistsPrivateTemplateIsNeitherListedNorApplied() {
        String secret = "theo-template-" + UUID.randomUUID().toString().substring(0, 8);
        String planId = PlanFixtures.assign("theo", POLLY, "{\"patientId\": \"$PATIENT\", \"status\": \"DRAFT\", "
                + "\"items\": " + items(PlanFixtures.exerciseId("bird-dog")) + "}").statusCode(201).extract()
                .path("id");
        String template = given().auth().oauth2(Tokens.accessToken("theo")).contentType(ContentType.JSON)
                .body("{\"planId\": \"" + planId + "\", \"name\": \"" + secret + "\"}")
                .post("/api/templates").then().statusCode(201).body("sharedWithClinic", equalTo(false))
                .extract().path("id");

        given().auth().oauth2(Tokens.accessToken("tara")).get("/api/templates").then().statusCode(200)
                .body("items.id", not(hasItem(template)));
        given().auth().oauth2(Tokens.accessToken("theo")).get("/api/templates").then().statusCode(200)
                .body("items.id", hasItem(template));
        int before = plansOf("tara", PAT);
        notFound(PlanFixtures.assign("tara", PAT, "{\"patientId\": \"$PATIENT\", \"templateId\": \"" + template
                + "\"}"), "Template " + template);
        org.assertj.core.api.Assertions.assertThat(plansOf("tara", PAT)).isEqualTo(before);
    }

    @Test
    void whatTheOwnerSharesWithTheClinicEveryTherapistMayUse() {
        String secret = "theo-shared-" + UUID.randomUUID().toString().substring(0, 8);
        String shared = ownExercise("theo", secret, true);

        given().auth().oauth2(Tokens.accessToken("tara")).get("/api/exercises").then().statusCode(200)
                .body("items.find { it.id == '" + shared + "' }.sharedWithClinic", equalTo(true));
        String planId = PlanFixtures.assign("tara", PAT, "{\"patientId\": \"$PATIENT\", \"status\": \"DRAFT\", "
                + "\"items\": " + items(shared) + "}").statusCode(201).extract().path("id");
        String template = given().auth().oauth2(Tokens.accessToken("tara")).contentType(ContentType.JSON)
                .body("{\"planId\": \"" + planId + "\", \"name\": \"Tara's ankles\", \"sharedWithClinic\": true}")
                .post("/api/templates").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.accessToken("theo")).get("/api/templates").then().statusCode(200)
                .body("items.id", hasItem(template));
        PlanFixtures.assign("theo", POLLY, "{\"patientId\": \"$PATIENT\", \"status\": \"DRAFT\", \"templateId\": \""
                + template + "\"}").statusCode(201);
    }
}
