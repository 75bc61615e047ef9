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
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.TestEvents;
import care.homeprogram.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The home-care guide's rules as a therapist meets them through the API (docs/clinical-rules.md, rules 6 and 8):
 * each refusal is a 400 problem with a stable type naming the offending field, and the allowed neighbour passes.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PLANS"))
class GuideRulesApiTest {
    private static final String PLAN_CONTENT = "https://homeprogram.care/problems/plan-content";
    private static final String EXERCISE_CONTENT = "https://homeprogram.care/problems/exercise-content";
    private static final String EVERY_DAY = "[\"MONDAY\", \"TUESDAY\", \"WEDNESDAY\", \"THURSDAY\", \"FRIDAY\", "
            + "\"SATURDAY\", \"SUNDAY\"]";

    @BeforeEach
    void careTeamsArrive() {
        PlanFixtures.demoCareTeamsArrived();
    }

    private static String dose(Integer hold) {
        return "{\"sets\": 1, \"reps\": 5, \"holdSeconds\": " + hold + ", \"timesPerDay\": 2, \"daysOfWeek\": "
                + EVERY_DAY + ", \"weeks\": 2}";
    }

    private static String item(String exerciseId, Integer hold, String extra) {
        return "{\"exerciseId\": \"" + exerciseId + "\", \"dose\": " + dose(hold) + extra + "}";
    }

    private static ValidatableResponse patch(String planId, String body) {
        return given().auth().oauth2(Tokens.accessToken("tara")).contentType(ContentType.JSON).body(body)
                .patch("/api/plans/" + planId).then();
    }

    private static ValidatableResponse saveExercise(String body) {
        return given().auth().oauth2(Tokens.accessToken("tara")).contentType(ContentType.JSON).body(body)
                .post("/api/exercises").then();
    }

    /** An own exercise; {@code extra} adds fields such as temperature or bodyRegions. */
    private static String exercise(String name, String category, String instruction, String caution, String extra) {
        return "{\"name\": \"" + name + "\", \"category\": \"" + category + "\", \"summary\": \"" + name + "\", "
                + "\"instructions\": [\"" + instruction + "\"], \"cautions\": [\"" + caution + "\"], "
                + "\"whySafe\": \"Gentle\", \"defaultDose\": " + dose(null) + ", \"sources\": [\"NICE NG59\"]" + extra
                + "}";
    }

    // --- 1. static holds in an acute plan ---

    @Test
    void aPlanFromTheAcuteTemplateIsAcuteAndHoldsTenSecondsButNotEleven() {
        String planId = PlanFixtures.assignAcute("tara", PAT);
        given().auth().oauth2(Tokens.accessToken("tara")).get("/api/plans/" + planId).then().statusCode(200)
                .body("acute", equalTo(true));
        String birdDog = exerciseId("bird-dog");
        patch(planId, "{\"reason\": \"longer holds\", \"items\": [" + item(birdDog, 11, "") + "]}")
                .statusCode(400).contentType("application/problem+json")
                .body("type", equalTo(PLAN_CONTENT))
                .body("errors[0].field", equalTo("items[0].dose.holdSeconds"))
                .body("detail", containsString("at most 10 s"));
        patch(planId, "{\"reason\": \"holds of 10 s\", \"items\": [" + item(birdDog, 10, "") + "]}")
                .statusCode(200).body("items[0].dose.holdSeconds", equalTo(10));
    }

    @Test
    void aTherapistMarksAPlanAcuteAndLongHoldsAreThenRefusedUntilTheAcutePhaseEnds() {
        String birdDog = exerciseId("bird-dog");
        assign("tara", PAT, "{\"patientId\": \"$PATIENT\", \"acute\": true, \"items\": [" + item(birdDog, 11, "")
                + "]}").statusCode(400).body("type", equalTo(PLAN_CONTENT));
        String planId = assign("tara", PAT, "{\"patientId\": \"$PATIENT\", \"items\": [" + item(birdDog, 30, "")
                + "]}").statusCode(201).body("acute", equalTo(false)).extract().path("id");
        patch(planId, "{\"reason\": \"flare-up\", \"acute\": true}").statusCode(400)
                .body("type", equalTo(PLAN_CONTENT)).body("errors[0].field", equalTo("items[0].dose.holdSeconds"));
        patch(planId, "{\"reason\": \"flare-up, shorter holds\", \"acute\": true, \"items\": ["
                + item(birdDog, 8, "") + "]}").statusCode(200).body("acute", equalTo(true));
        patch(planId, "{\"reason\": \"acute phase over\", \"acute\": false, \"items\": [" + item(birdDog, 30, "")
                + "]}").statusCode(200).body("acute", equalTo(false)).body("items[0].dose.holdSeconds", equalTo(30));
        patch(planId, "{\"reason\": \"done\", \"status\": \"COMPLETED\"}").statusCode(200);
        patch(planId, "{\"reason\": \"flare-up again\", \"acute\": true}").statusCode(409)
                .body("type", equalTo("https://homeprogram.care/problems/plan-closed"));
    }

    // --- 2. cold only for an acute flare-up, whatever the item declares ---

    @Test
    void aTherapistsOwnIcePackSaysItIsColdAndThenNeedsTheAcuteFlareUpReason() {
        saveExercise(exercise("Ice pack", "TEMPERATURE", "Wrap the pack in a towel", "Never on bare skin", ""))
                .statusCode(400).body("type", equalTo(EXERCISE_CONTENT))
                .body("errors.field", hasItem("temperature"));
        String icePack = saveExercise(exercise("Ice pack", "TEMPERATURE", "Wrap the pack in a towel",
                "Never on bare skin", ", \"temperature\": \"COLD\"")).statusCode(201)
                .body("temperature", equalTo("COLD")).body("flags.size()", equalTo(0)).extract().path("id");
        assign("tara", PAT, "{\"patientId\": \"$PATIENT\", \"items\": [" + item(icePack, null, "") + "]}")
                .statusCode(400).body("type", equalTo(PLAN_CONTENT))
                .body("errors[0].field", equalTo("items[0].coldReason"))
                .body("detail", containsString("acute flare-up"));
        assign("tara", PAT, "{\"patientId\": \"$PATIENT\", \"items\": [" + item(icePack, null,
                ", \"coldReason\": \"ACUTE_FLARE_UP\"") + "]}").statusCode(201);

        String warmTowel = saveExercise(exercise("Warm towel", "TEMPERATURE", "Lay a warm towel on your back",
                "Warm, never hot", ", \"temperature\": \"HEAT\"")).statusCode(201).extract().path("id");
        assign("tara", PAT, "{\"patientId\": \"$PATIENT\", \"items\": [" + item(warmTowel, null, "") + "]}")
                .statusCode(201);
    }

    // --- 3. no full bed rest, in any likely wording ---

    @Test
    void bedRestIsRefusedInTheWordingsTherapistsTypeAndRestBetweenSetsIsNot() {
        for (String wording : List.of("Complete rest for two days.", "Stay in bed all day", "Don't get out of bed",
                "BED-REST until it settles")) {
            saveExercise(exercise("Recovery", "RELAXATION", wording, "Stop if it hurts", "")).statusCode(400)
                    .contentType("application/problem+json").body("type", equalTo(EXERCISE_CONTENT))
                    .body("errors[0].field", equalTo("instructions"));
        }
        saveExercise(exercise("Knee rocking", "MOVEMENT", "Rest between sets", "Avoid bed rest: keep moving", ""))
                .statusCode(201);
    }

    // --- 4. self-release never on the low back ---

    @Test
    void foamRollingTheLowBackIsRefusedInAPlanAndInAnOwnExercise() {
        String roller = exerciseId("foam-roller-release");
        assign("tara", PAT, "{\"patientId\": \"$PATIENT\", \"items\": [" + item(roller, 30,
                ", \"targetRegions\": [\"GLUTES\", \"LOW_BACK\"]") + "]}").statusCode(400)
                .body("type", equalTo(PLAN_CONTENT)).body("errors[0].field", equalTo("items[0].targetRegions"))
                .body("detail", containsString("low back"));
        assign("tara", PAT, "{\"patientId\": \"$PATIENT\", \"items\": [" + item(roller, 30,
                ", \"targetRegions\": [\"GLUTES\"]") + "]}").statusCode(201)
                .body("items[0].targetRegions", equalTo(List.of("GLUTES")));

        String release = exercise("Ball against the wall", "MYOFASCIAL_RELEASE", "Lean gently into the ball",
                "Not on bones", "%s");
        saveExercise(release.formatted("")).statusCode(400).body("type", equalTo(EXERCISE_CONTENT))
                .body("errors.field", hasItem("bodyRegions"));
        saveExercise(release.formatted(", \"bodyRegions\": [\"LOW_BACK\"]")).statusCode(400)
                .body("errors.field", hasItem("bodyRegions"));
        saveExercise(release.formatted(", \"bodyRegions\": [\"HIPS\"]")).statusCode(201)
                .body("bodyRegions", equalTo(List.of("HIPS")));
    }

    // --- 5. "pain is progress" never said ---

    @Test
    void anOwnExerciseSayingPainIsProgressIsRefused() {
        saveExercise(exercise("Hamstring stretch", "MOVEMENT", "Stretch gently", "No pain, no gain!", ""))
                .statusCode(400).body("type", equalTo(EXERCISE_CONTENT))
                .body("detail", containsString("never a sign of progress"));
        saveExercise(exercise("Hamstring stretch", "MOVEMENT", "Stretch gently", "Pain is not progress: stop", ""))
                .statusCode(201);
    }

    // --- 6. the hydration target ---

    @Test
    void aTherapistSetsTheHydrationTargetOnlyWithTheConfirmedCautionAndThePatientSeesIt() {
        String planId = PlanFixtures.assignAcute("tara", PAT);
        String tara = Tokens.accessToken("tara");
        given().auth().oauth2(tara).get("/api/plans/" + planId + "/hydration").then().statusCode(200)
                .body("targetLitres", nullValue())
                .body("suggestion.minLitres", equalTo(3)).body("suggestion.maxLitres", equalTo(4))
                .body("caution", containsString("fluid or salt restriction"));

        putHydration(tara, planId, "{\"targetLitres\": 2.5, \"reason\": \"agreed\"}").statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://homeprogram.care/problems/hydration-caution-not-confirmed"));
        for (String absurd : List.of("0.49", "6.01", "-1", "0", "1e9", "2.555")) {
            putHydration(tara, planId, "{\"targetLitres\": " + absurd + ", \"fluidRestrictionChecked\": true, "
                    + "\"reason\": \"typo\"}").statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("targetLitres"));
        }
        putHydration(tara, planId, "{\"targetLitres\": \"lots\", \"fluidRestrictionChecked\": true, "
                + "\"reason\": \"typo\"}").statusCode(400).contentType("application/problem+json");

        putHydration(tara, planId, "{\"targetLitres\": 2.5, \"fluidRestrictionChecked\": true, "
                + "\"reason\": \"agreed with the patient\"}").statusCode(200).body("targetLitres", equalTo(2.5f));
        given().auth().oauth2(Tokens.accessToken("pat")).get("/api/plans/mine").then().statusCode(200)
                .body("items.find { it.id == '" + planId + "' }.hydrationTargetLitres", equalTo(2.5f));
        given().auth().oauth2(tara).get("/api/plans/" + planId + "/versions").then()
                .body("items[0].reason", containsString("hydration target 2.5 L a day"));

        putHydration(Tokens.accessToken("pat"), planId, "{\"targetLitres\": 4, \"fluidRestrictionChecked\": true, "
                + "\"reason\": \"more\"}").statusCode(403);
        putHydration(Tokens.accessToken("theo"), planId, "{\"targetLitres\": 4, \"fluidRestrictionChecked\": "
                + "true, \"reason\": \"more\"}").statusCode(404);
        given().contentType("application/json").body("{\"targetLitres\": 4, \"fluidRestrictionChecked\": true, "
                + "\"reason\": \"more\"}").put("/api/plans/" + planId + "/hydration").then().statusCode(401);
        given().get("/api/plans/" + planId + "/hydration").then().statusCode(401);
        given().delete("/api/plans/" + planId + "/hydration").then().statusCode(401);
        given().auth().oauth2(Tokens.accessToken("theo")).delete("/api/plans/" + planId + "/hydration").then()
                .statusCode(404);

        given().auth().oauth2(tara).delete("/api/plans/" + planId + "/hydration").then().statusCode(200)
                .body("targetLitres", nullValue());
        given().auth().oauth2(Tokens.accessToken("pat")).get("/api/plans/" + planId).then()
                .body("hydrationTargetLitres", nullValue());
    }

    @Test
    void theGuidesFigureIsNotSuggestedForAPatientWithAFluidRestriction() {
        UUID patient = PlanFixtures.projectedPatient(TARA);
        TestEvents.publish("patient-events", "IntakeScreened", patient, Map.of("patientId", patient.toString(),
                "flags", List.of("FLUID_RESTRICTION"), "requiresSignOff", true));
        PlanFixtures.awaitCareTeam("tara", patient);
        String planId = assign("tara", patient, "{\"patientId\": \"$PATIENT\", \"status\": \"DRAFT\", \"templateId\": \""
                + templateId("tara", PlanFixtures.ACUTE) + "\"}").statusCode(201).extract().path("id");
        String tara = Tokens.accessToken("tara");
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(tara)
                .get("/api/plans/" + planId + "/hydration").then().statusCode(200)
                .body("restrictions", equalTo(List.of("FLUID_RESTRICTION"))));
        given().auth().oauth2(tara).get("/api/plans/" + planId + "/hydration").then()
                .body("suggestion", nullValue()).body("targetLitres", nullValue());
        putHydration(tara, planId, "{\"targetLitres\": 1.5, \"reason\": \"as the cardiologist advised\"}")
                .statusCode(400).body("detail", containsString("FLUID_RESTRICTION"));
        putHydration(tara, planId, "{\"targetLitres\": 1.5, \"fluidRestrictionChecked\": true, "
                + "\"reason\": \"as the cardiologist advised\"}").statusCode(200).body("targetLitres", equalTo(1.5f));
    }

    @Test
    void theSeededHydrationItemCanBeGivenWithItsOwnDefaultDose() {
        String hydration = exerciseId("electrolyte-hydration");
        Map<String, Object> dose = given().auth().oauth2(Tokens.accessToken("tara")).get("/api/exercises").then()
                .extract().path("items.find { it.slug == 'electrolyte-hydration' }.defaultDose");
        given().auth().oauth2(Tokens.accessToken("tara")).contentType(ContentType.JSON)
                .body(Map.of("patientId", PAT.toString(), "items", List.of(Map.of("exerciseId", hydration,
                        "dose", dose, "therapistConfirmed", true))))
                .post("/api/plans").then().statusCode(201).body("items[0].dose.timesPerDay", notNullValue());
    }

    private static ValidatableResponse putHydration(String token, String planId, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .put("/api/plans/" + planId + "/hydration").then();
    }
}
