package care.homeprogram.plans;

import static care.homeprogram.plans.PlanFixtures.logSession;
import static care.homeprogram.testing.DemoUsers.POLLY;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A plan keeps the words it was assigned with: a therapist editing their own exercise makes a new content version,
 * which new plans get and plans already assigned do not, until the therapist assigns the item again. Theo's own
 * entry: other tests count Tara's library.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PLANS"))
class AssignedContentTest {
    private static final String DOSE = "{\"sets\": 1, \"reps\": 5, \"holdSeconds\": 5, \"timesPerDay\": 1, "
            + "\"daysOfWeek\": [\"MONDAY\", \"TUESDAY\", \"WEDNESDAY\", \"THURSDAY\", \"FRIDAY\", \"SATURDAY\", "
            + "\"SUNDAY\"], \"weeks\": 2}";

    @BeforeEach
    void careTeamsArrive() {
        PlanFixtures.demoCareTeamsArrived();
    }

    private static String exercise(String name, String instruction, String caution, String whySafe) {
        return "{\"name\": \"" + name + "\", \"category\": \"MOVEMENT\", \"summary\": \"Knee rocking, " + instruction
                + "\", \"instructions\": [\"" + instruction + "\"], \"cautions\": [\"" + caution + "\"], "
                + "\"whySafe\": \"" + whySafe + "\", \"defaultDose\": " + DOSE + "}";
    }

    private static ValidatableResponse plan(String user, String planId, String query) {
        return given().auth().oauth2(Tokens.accessToken(user)).get("/api/plans/" + planId + query).then()
                .statusCode(200);
    }

    private static String assign(String exerciseId) {
        return PlanFixtures.assign("theo", POLLY, "{\"patientId\": \"$PATIENT\", \"items\": [{\"exerciseId\": \""
                + exerciseId + "\", \"dose\": " + DOSE + "}]}").statusCode(201).extract().path("id");
    }

    @Test
    void editingAnOwnExerciseChangesNewPlansButNotAPlanAlreadyAssigned() {
        String name = "Knee rocking " + UUID.randomUUID().toString().substring(0, 8);
        String exerciseId = given().auth().oauth2(Tokens.accessToken("theo")).contentType(ContentType.JSON)
                .body(exercise(name, "Rock both knees gently side to side", "Stop if you feel sharp pain.",
                        "A small, supported movement"))
                .post("/api/exercises").then().statusCode(201).extract().path("id");
        String assigned = assign(exerciseId);
        String itemId = plan("polly", assigned, "").extract().path("items[0].id");
        // A safety pause makes version 2 of the plan: later versions keep the assigned words too.
        logSession("polly", assigned, itemId, 1, 7, "", "").statusCode(201);

        given().auth().oauth2(Tokens.accessToken("theo")).contentType(ContentType.JSON)
                .body(exercise(name + " (v2)", "Rock one knee at a time", "Stop if pain spreads down the leg.",
                        "Even smaller movement"))
                .put("/api/exercises/" + exerciseId).then().statusCode(200).body("contentVersion", equalTo(2));

        for (String query : List.of("", "?version=1", "?version=2")) {
            plan("polly", assigned, query)
                    .body("items[0].name", equalTo(name))
                    .body("items[0].instructions", equalTo(List.of("Rock both knees gently side to side")))
                    .body("items[0].cautions", equalTo(List.of("Stop if you feel sharp pain.")))
                    .body("items[0].whySafe", equalTo("A small, supported movement"))
                    .body("items[0].exerciseContentVersion", equalTo(1));
        }
        plan("theo", assigned, "").body("items[0].instructions[0]", equalTo("Rock both knees gently side to side"));

        String fresh = assign(exerciseId);
        plan("polly", fresh, "")
                .body("items[0].name", equalTo(name + " (v2)"))
                .body("items[0].instructions", equalTo(List.of("Rock one knee at a time")))
                .body("items[0].cautions", equalTo(List.of("Stop if pain spreads down the leg.")))
                .body("items[0].exerciseContentVersion", equalTo(2));

        // The therapist assigns the item again: from this version on it reads the new words; the history does not.
        given().auth().oauth2(Tokens.accessToken("theo")).contentType(ContentType.JSON)
                .body("{\"items\": [{\"id\": \"" + itemId + "\", \"exerciseId\": \"" + exerciseId + "\", \"dose\": "
                        + DOSE + "}], \"reason\": \"updated instructions\"}")
                .patch("/api/plans/" + assigned).then().statusCode(200)
                .body("version", equalTo(3))
                .body("items[0].id", equalTo(itemId))
                .body("items[0].instructions", equalTo(List.of("Rock one knee at a time")));
        plan("polly", assigned, "?version=2").body("items[0].instructions",
                equalTo(List.of("Rock both knees gently side to side")));
    }
}
