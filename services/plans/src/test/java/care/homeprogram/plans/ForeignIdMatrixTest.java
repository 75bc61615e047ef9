package care.homeprogram.plans;

import static care.homeprogram.testing.DemoUsers.POLLY;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import care.homeprogram.testing.OpenApiOperations;
import care.homeprogram.testing.OpenApiOperations.Operation;
import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every operation of plan-service's OpenAPI document that takes an id in its path, called for objects of theo's
 * patient polly (her plan, its item, her session and alert, theo's private exercise) by callers who may not reach
 * them (and her remote-monitoring record): tara (a therapist outside polly's care team) and pat (another patient) get
 * 404 problem+json, as for an id
 * that does not exist; a role the operation is not for gets 403. An admin's own operations get an unknown id (404).
 * Afterwards polly's plan, session, alert and theo's exercise are exactly as they were: a refused change changed
 * nothing. A new operation with a path id fails here until the walk knows its ids and a valid body.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PLANS"))
class ForeignIdMatrixTest {
    private static final Map<String, String> ROLE_OF = Map.of("tara", "therapist", "pat", "patient", "ada", "admin");
    private static final String DOSE = "{\"sets\": 1, \"reps\": 5, \"timesPerDay\": 1, "
            + "\"daysOfWeek\": [\"MONDAY\", \"TUESDAY\", \"WEDNESDAY\", \"THURSDAY\", \"FRIDAY\", \"SATURDAY\", "
            + "\"SUNDAY\"], \"weeks\": 2}";
    private static final Set<String> BOTH = Set.of("patient", "therapist");
    private static final Map<String, Set<String>> ROLES = Map.ofEntries(
            Map.entry("GET /api/plans/{id}", BOTH),
            Map.entry("PATCH /api/plans/{id}", Set.of("therapist")),
            Map.entry("GET /api/plans/{id}/versions", BOTH),
            Map.entry("POST /api/plans/{id}/sessions", Set.of("patient")),
            Map.entry("GET /api/plans/{id}/sessions", BOTH),
            Map.entry("PUT /api/plans/{id}/sessions/{sessionId}", Set.of("patient")),
            Map.entry("POST /api/plans/{id}/sessions/{sessionId}/withdraw", Set.of("patient")),
            Map.entry("POST /api/plans/{id}/items/{itemId}/resume", Set.of("therapist")),
            Map.entry("GET /api/plans/{id}/adherence", BOTH),
            Map.entry("GET /api/plans/{id}/hydration", Set.of("therapist")),
            Map.entry("PUT /api/plans/{id}/hydration", Set.of("therapist")),
            Map.entry("DELETE /api/plans/{id}/hydration", Set.of("therapist")),
            Map.entry("POST /api/alerts/{id}/acknowledge", Set.of("therapist")),
            Map.entry("PUT /api/exercises/{id}", Set.of("therapist")),
            Map.entry("POST /api/exercises/{id}/archive", Set.of("therapist")),
            Map.entry("PUT /api/templates/{id}", Set.of("therapist")),
            Map.entry("DELETE /api/templates/{id}", Set.of("therapist")),
            Map.entry("POST /api/plans/{id}/progression/dismiss", Set.of("therapist")),
            Map.entry("GET /api/exercises/{id}/media", BOTH),
            Map.entry("POST /api/exercises/{id}/images", Set.of("therapist")),
            Map.entry("PUT /api/exercises/{id}/video", Set.of("therapist")),
            Map.entry("DELETE /api/exercises/{id}/media/{mediaId}", Set.of("therapist")),
            Map.entry("GET /api/media/{mediaId}", BOTH),
            Map.entry("GET /api/fhir/patients/{id}", BOTH),
            Map.entry("POST /api/plans/outbox/parked/{id}/retry", Set.of("admin")),
            Map.entry("GET /api/instruments/{key}", Set.of("patient", "therapist", "admin")),
            Map.entry("GET /api/instruments/{key}/terms", Set.of("admin")),
            Map.entry("POST /api/instruments/{key}/enable", Set.of("admin")),
            Map.entry("POST /api/measures/plans/{id}/schedules", Set.of("therapist")),
            Map.entry("GET /api/measures/plans/{id}/schedules", BOTH),
            Map.entry("POST /api/measures/schedules/{id}/responses", Set.of("patient")),
            Map.entry("GET /api/measures/patients/{id}/scores", BOTH));

    @BeforeEach
    void careTeamsArrive() {
        PlanFixtures.demoCareTeamsArrived();
    }

    @Test
    void everyOperationWithAPathIdRefusesCallersWhoMayNotReachTheObject() throws Exception {
        // theo's patient polly: a plan with an item, a session she logged (pain rising: an alert), a private exercise
        String exerciseId = given().auth().oauth2(Tokens.accessToken("theo")).contentType(ContentType.JSON)
                .body("{\"name\": \"Theo's private stretch\", \"category\": \"MOVEMENT\", \"summary\": \"Reach up\", "
                        + "\"instructions\": [\"Reach up slowly\"], \"cautions\": [\"Stop if it hurts.\"], "
                        + "\"whySafe\": \"Small movement\", \"defaultDose\": " + DOSE + "}")
                .post("/api/exercises").then().statusCode(201).extract().path("id");
        String planId = PlanFixtures.assign("theo", POLLY, "{\"patientId\": \"$PATIENT\", \"items\": [{\"exerciseId\": \""
                + exerciseId + "\", \"dose\": " + DOSE + "}]}").statusCode(201).extract().path("id");
        String itemId = PlanFixtures.firstItem("theo", planId);
        String sessionId = PlanFixtures.logSession("polly", planId, itemId, 1, 7, "", "").statusCode(201)
                .extract().path("sessionId");
        String alertId = await().atMost(Duration.ofSeconds(10)).until(() -> given().auth()
                .oauth2(Tokens.accessToken("theo")).get("/api/alerts?status=open").then().statusCode(200)
                .extract().<String>path("items.find { it.planId == '" + planId + "' }.id"), id -> id != null);
        String templateId = given().auth().oauth2(Tokens.accessToken("theo")).contentType(ContentType.JSON)
                .body("{\"planId\": \"" + planId + "\", \"name\": \"Theo's private program\"}")
                .post("/api/templates").then().statusCode(201).extract().path("id");
        String planBefore = given().auth().oauth2(Tokens.accessToken("theo")).get("/api/plans/" + planId)
                .then().statusCode(200).extract().asString();
        String sessionsBefore = given().auth().oauth2(Tokens.accessToken("theo"))
                .get("/api/plans/" + planId + "/sessions").then().statusCode(200).extract().asString();
        String hydrationBefore = given().auth().oauth2(Tokens.accessToken("theo"))
                .get("/api/plans/" + planId + "/hydration").then().extract().asString();

        // a picture of theo's private exercise: polly's plan has it, nobody else may see or change it
        String mediaId = given().auth().oauth2(Tokens.accessToken("theo")).contentType("application/octet-stream")
                .queryParam("alt", "Reaching up").body(ExerciseMediaApiTest.png(4, 4))
                .post("/api/exercises/" + exerciseId + "/images").then().statusCode(201).extract().path("id");
        // an outcome measure on polly's plan (theo attaches it), due now
        String scheduleId = given().auth().oauth2(Tokens.accessToken("theo")).contentType(ContentType.JSON)
                .body("{\"instrument\": \"pain-nrs\", \"atIntake\": true}")
                .post("/api/measures/plans/" + planId + "/schedules").then().statusCode(201).extract().path("id");
        Map<String, String> ids = Map.of("{sessionId}", sessionId, "{itemId}", itemId, "{mediaId}", mediaId,
                "{month}", java.time.YearMonth.now(TestClockProducer.CLOCK).toString());
        Map<String, String> bodies = Map.ofEntries(
                Map.entry("PATCH /api/plans/{id}", "{\"status\": \"REVOKED\", \"reason\": \"taking over\"}"),
                Map.entry("POST /api/plans/{id}/sessions", "{\"itemId\": \"" + itemId + "\", \"performedAt\": \""
                        + OffsetDateTime.now(TestClockProducer.CLOCK).minusMinutes(1)
                        + "\", \"painBefore\": 1, \"painAfter\": 1}"),
                Map.entry("PUT /api/plans/{id}/sessions/{sessionId}", "{\"painBefore\": 1, \"painAfter\": 1, \"reason\": \"x\"}"),
                Map.entry("POST /api/plans/{id}/sessions/{sessionId}/withdraw", "{\"reason\": \"not mine\"}"),
                Map.entry("POST /api/plans/{id}/items/{itemId}/resume", "{\"reason\": \"all fine\"}"),
                Map.entry("PUT /api/plans/{id}/hydration", "{\"targetLitres\": 2.5, \"fluidRestrictionChecked\": true, "
                        + "\"reason\": \"summer\"}"),
                Map.entry("POST /api/plans/{id}/progression/dismiss", "{\"week\": 1, \"reason\": \"not now\"}"),
                Map.entry("PUT /api/templates/{id}", "{\"name\": \"Mine now\", \"items\": [{\"exerciseId\": \""
                        + exerciseId + "\", \"dose\": " + DOSE + "}]}"),
                Map.entry("PUT /api/exercises/{id}", "{\"name\": \"Mine now\", \"category\": \"MOVEMENT\", \"summary\": \"x\", "
                        + "\"instructions\": [\"x\"], \"cautions\": [\"x\"], \"whySafe\": \"x\", \"defaultDose\": "
                        + DOSE + "}"),
                Map.entry("POST /api/exercises/{id}/images", "not even a picture"),
                Map.entry("PUT /api/exercises/{id}/video", "not even a video"),
                Map.entry("POST /api/instruments/{key}/enable", "{\"acceptTerms\": true, \"termsVersion\": \"x\"}"),
                Map.entry("POST /api/measures/plans/{id}/schedules", "{\"instrument\": \"psfs\", \"atIntake\": true}"),
                Map.entry("POST /api/measures/schedules/{id}/responses", "{\"answers\": {\"pain\": 1}}"),
                Map.entry("PUT /api/rtm/patients/{id}/consent", "{\"method\": \"VERBAL\"}"),
                Map.entry("POST /api/rtm/patients/{id}/setup", "{}"),
                Map.entry("POST /api/rtm/patients/{id}/timer/stop", "{\"interactive\": true}"),
                Map.entry("POST /api/rtm/patients/{id}/time", "{\"date\": \""
                        + java.time.LocalDate.now(TestClockProducer.CLOCK) + "\", \"minutes\": 10, "
                        + "\"interactive\": true, \"note\": \"x\"}"));

        // The calendar feed's {token} is a secret link, not anybody's object id: CalendarFeedTest covers it (any
        // unknown link is 404, whoever asks).
        List<Operation> operations = OpenApiOperations.withPathIds().stream()
                .filter(operation -> !operation.template().contains("{token}")).toList();
        assertThat(operations).extracting(Operation::toString).contains("GET /api/plans/{id}",
                "PATCH /api/plans/{id}", "POST /api/alerts/{id}/acknowledge", "GET /api/fhir/patients/{id}",
                "PUT /api/exercises/{id}", "PUT /api/plans/{id}/sessions/{sessionId}");
        List<String> checked = new ArrayList<>();
        for (Operation operation : operations) {
            // The document names the roles only where SmallRye can see @RolesAllowed (not on operations inherited
            // from commons): otherwise the table says who the operation is for.
            Set<String> roles = operation.roles().isEmpty() ? ROLES.get(operation.toString()) : operation.roles();
            assertThat(roles).as("who %s is for: add it to ROLES", operation).isNotNull().isNotEmpty();
            String url = operation.template();
            String first = url.startsWith("/api/alerts/") ? alertId
                    : url.startsWith("/api/exercises/") ? exerciseId
                    : url.startsWith("/api/templates/") ? templateId
                    : url.startsWith("/api/media/") ? mediaId
                    : url.startsWith("/api/fhir/patients/") ? POLLY.toString()
                    : url.startsWith("/api/plans/outbox/") ? UUID.randomUUID().toString()
                    : url.startsWith("/api/instruments/") ? "no-such-instrument"
                    : url.startsWith("/api/measures/plans/") ? planId
                    : url.startsWith("/api/measures/schedules/") ? scheduleId
                    : url.startsWith("/api/measures/patients/") ? POLLY.toString()
                    : url.startsWith("/api/rtm/patients/") ? POLLY.toString()
                    : url.startsWith("/api/plans/") ? planId : null;
            assertThat(first).as("the walk knows whose object {id} of %s is", operation).isNotNull();
            url = url.replace("{id}", first).replace("{key}", first);
            for (Map.Entry<String, String> id : ids.entrySet()) {
                url = url.replace(id.getKey(), id.getValue());
            }
            assertThat(url).as("every path id of %s is known to the walk", operation).doesNotContain("{");
            String body = bodies.get(operation.toString());
            assertThat(body != null || !operation.hasBody()).as("a valid body for %s", operation).isTrue();

            for (String who : List.of("tara", "pat", "ada")) {
                RequestSpecification request = given().auth().oauth2(Tokens.accessToken(who));
                if (body != null) {
                    request = request.contentType(ContentType.JSON).body(body);
                }
                Response response = request.when().request(operation.method(), url);
                boolean mayUseIt = roles.contains(ROLE_OF.get(who));
                assertThat(response.statusCode()).as("%s as %s: %s", operation, who, response.asString())
                        .isEqualTo(mayUseIt ? 404 : 403);
                if (mayUseIt) {
                    assertThat(response.contentType()).as("%s as %s", operation, who)
                            .startsWith("application/problem+json");
                    assertThat(response.jsonPath().getString("type")).as("%s as %s", operation, who)
                            .isEqualTo("https://homeprogram.care/problems/not-found");
                }
                checked.add(operation + " as " + who + " -> " + response.statusCode());
            }
        }
        assertThat(checked).hasSizeGreaterThanOrEqualTo(3 * 14);

        // a refused change changed nothing
        assertThat(given().auth().oauth2(Tokens.accessToken("theo")).get("/api/plans/" + planId).then()
                .statusCode(200).extract().asString()).isEqualTo(planBefore);
        assertThat(given().auth().oauth2(Tokens.accessToken("theo")).get("/api/plans/" + planId + "/sessions")
                .then().statusCode(200).extract().asString()).isEqualTo(sessionsBefore);
        assertThat(given().auth().oauth2(Tokens.accessToken("theo")).get("/api/plans/" + planId + "/hydration")
                .then().extract().asString()).isEqualTo(hydrationBefore);
        given().auth().oauth2(Tokens.accessToken("theo")).get("/api/alerts?status=open").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(alertId));
        given().auth().oauth2(Tokens.accessToken("theo")).get("/api/exercises").then().statusCode(200)
                .body("items.find { it.id == '" + exerciseId + "' }.name",
                        org.hamcrest.Matchers.equalTo("Theo's private stretch"));
        given().auth().oauth2(Tokens.accessToken("theo")).get("/api/templates").then().statusCode(200)
                .body("items.find { it.id == '" + templateId + "' }.name",
                        org.hamcrest.Matchers.equalTo("Theo's private program"));
        assertThat(Db.read(() -> care.homeprogram.plans.domain.ProgressionDismissal.count("key.planId",
                UUID.fromString(planId)))).as("a refused dismissal is not kept").isZero();
        assertThat(Db.read(() -> care.homeprogram.plans.domain.MeasureResponse.count("scheduleId",
                UUID.fromString(scheduleId)))).as("a refused answer is not kept").isZero();
        assertThat(Db.read(() -> care.homeprogram.plans.domain.RtmEnrolment.count("patientId", POLLY)))
                .as("a refused RTM consent is not kept").isZero();
        assertThat(Db.read(() -> care.homeprogram.plans.domain.RtmTimeEntry.count("patientId", POLLY)))
                .as("refused RTM time is not kept").isZero();
        given().auth().oauth2(Tokens.accessToken("theo")).get("/api/measures/plans/" + planId + "/schedules").then()
                .statusCode(200).body("items.instrument", org.hamcrest.Matchers.contains("pain-nrs"));
        given().auth().oauth2(Tokens.accessToken("theo")).get("/api/exercises/" + exerciseId + "/media").then()
                .statusCode(200).body("total", org.hamcrest.Matchers.equalTo(1))
                .body("items[0].id", org.hamcrest.Matchers.equalTo(mediaId));
    }
}
