package care.homeprogram.plans;

import static care.homeprogram.plans.PlanFixtures.assignAcute;
import static care.homeprogram.plans.PlanFixtures.firstItem;
import static care.homeprogram.plans.PlanFixtures.logSession;
import static care.homeprogram.testing.DemoUsers.PAT;
import static care.homeprogram.testing.DemoUsers.TARA;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import care.homeprogram.commons.audit.AuditEntry;
import care.homeprogram.commons.audit.AuditLog;
import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/plans/overview?patientId=}: the therapist's page of a patient in one read (issue 13 item 6, issue 19
 * item 3). Each part is what the separate read answers, for the care team only, with one audit record naming the
 * patient.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PLANS"))
class PatientOverviewApiTest {
    @Inject
    AuditLog audit;

    @BeforeEach
    void careTeamsArrive() {
        PlanFixtures.demoCareTeamsArrived();
    }

    @Test
    void oneReadAnswersWhatTheSeparateReadsAnswerAndLeavesOneRecordNamingThePatient() {
        String planId = assignAcute("tara", PAT);
        String itemId = firstItem("pat", planId);
        logSession("pat", planId, itemId, 2, 3, "", "").statusCode(201);
        // two more versions: on hold, then active again (the history the page compares)
        as("tara").contentType(ContentType.JSON).body("{\"status\": \"ON_HOLD\", \"reason\": \"holiday\"}")
                .patch("/api/plans/" + planId).then().statusCode(200);
        as("tara").contentType(ContentType.JSON).body("{\"status\": \"ACTIVE\", \"reason\": \"back home\"}")
                .patch("/api/plans/" + planId).then().statusCode(200);
        int version = as("tara").get("/api/plans/" + planId).then().statusCode(200).extract().path("version");

        String correlationId = "overview-" + UUID.randomUUID();
        JsonPath overview = as("tara").header("X-Correlation-Id", correlationId)
                .get("/api/plans/overview?patientId=" + PAT).then().statusCode(200).contentType(ContentType.JSON)
                .extract().jsonPath();

        // the plan just assigned is the newest the patient follows: the page leads with it
        assertThat(overview.getString("patientId")).isEqualTo(PAT.toString());
        assertThat(overview.getString("current.planId")).isEqualTo(planId);
        assertThat(overview.getList("plans.id")).contains(planId);
        assertThat(overview.getList("plans", Map.class))
                .isEqualTo(separate("/api/plans?patientId=" + PAT).getList("items", Map.class));
        assertThat(overview.getList("current.sessions", Map.class))
                .isEqualTo(separate("/api/plans/" + planId + "/sessions").getList("items", Map.class))
                .hasSizeGreaterThanOrEqualTo(1);
        assertThat(overview.getMap("current.adherence"))
                .isEqualTo(separate("/api/plans/" + planId + "/adherence").getMap(""));
        assertThat(overview.getList("current.versions", Map.class))
                .isEqualTo(separate("/api/plans/" + planId + "/versions").getList("items", Map.class));
        assertThat(overview.getList("current.measureSchedules", Map.class)).isEqualTo(
                separate("/api/measures/plans/" + planId + "/schedules").getList("items", Map.class));
        assertThat(overview.getMap("scores")).isEqualTo(separate("/api/measures/patients/" + PAT + "/scores")
                .getMap(""));
        assertThat(overview.getList("instruments", Map.class))
                .isEqualTo(separate("/api/instruments").getList("items", Map.class));
        // the versions before the current one, newest first, each as GET /api/plans/{id}?version= answers it
        List<Map> earlier = overview.getList("current.earlierVersions", Map.class);
        assertThat(earlier).extracting(p -> p.get("version"))
                .containsExactly(java.util.stream.IntStream.iterate(version - 1, v -> v >= Math.max(1, version - 6),
                        v -> v - 1).boxed().toArray());
        for (Map<?, ?> before : earlier) {
            assertThat(before).isEqualTo(separate("/api/plans/" + planId + "?version=" + before.get("version"))
                    .getMap(""));
        }
        // only this patient's alerts, and only open ones, as the alert list shows them
        List<Map> alerts = overview.getList("openAlerts", Map.class);
        assertThat(alerts).allSatisfy(a -> {
            assertThat(a.get("patientId")).isEqualTo(PAT.toString());
            assertThat(a.get("status")).isEqualTo("OPEN");
        });
        assertThat(alerts).isEqualTo(separate("/api/alerts?status=open").getList("items", Map.class).stream()
                .filter(a -> PAT.toString().equals(a.get("patientId"))).toList());

        // fewer earlier versions when asked
        assertThat(as("tara").get("/api/plans/overview?patientId=" + PAT + "&versionsBefore=1").then()
                .statusCode(200).extract().jsonPath().getList("current.earlierVersions.version"))
                .containsExactly(version - 1);

        // one request, one record: the therapist read this patient's data
        assertThat(audit.byCorrelationId(correlationId)).singleElement().satisfies(entry -> {
            assertThat(entry.patientId()).isEqualTo(PAT);
            assertThat(entry.actorSub()).isEqualTo(TARA.toString());
            assertThat(entry.outcome()).isEqualTo("ALLOWED");
        });
    }

    @Test
    void aPatientWithoutPlansHasNoCurrentPlan() {
        UUID fresh = PlanFixtures.projectedPatient(TARA);
        PlanFixtures.awaitCareTeam("tara", fresh);
        JsonPath overview = as("tara").get("/api/plans/overview?patientId=" + fresh).then().statusCode(200)
                .extract().jsonPath();
        assertThat(overview.getList("plans")).isEmpty();
        assertThat(overview.getList("openAlerts")).isEmpty();
        assertThat(overview.getString("current")).isNull();
    }

    @Test
    void outsideTheCareTeamOrUnknownIs404AndTheDeniedAttemptNamesThePatient() {
        String denied = "overview-denied-" + UUID.randomUUID();
        as("theo").header("X-Correlation-Id", denied).get("/api/plans/overview?patientId=" + PAT).then()
                .statusCode(404).contentType("application/problem+json");
        AuditEntry entry = audit.byCorrelationId(denied).get(0);
        assertThat(entry.patientId()).isEqualTo(PAT);
        assertThat(entry.outcome()).isEqualTo("DENIED");
        as("tara").get("/api/plans/overview?patientId=" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void onlyTherapistsReadItAndStrangersAre401() {
        as("pat").get("/api/plans/overview?patientId=" + PAT).then().statusCode(403);
        as("ada").get("/api/plans/overview?patientId=" + PAT).then().statusCode(403);
        given().get("/api/plans/overview?patientId=" + PAT).then().statusCode(401);
    }

    @Test
    void badRequestsAreClear400s() {
        as("tara").get("/api/plans/overview").then().statusCode(400).contentType("application/problem+json")
                .body(containsString("patientId"));
        as("tara").get("/api/plans/overview?patientId=not-a-uuid").then().statusCode(400)
                .contentType("application/problem+json").body(containsString("patientId"));
        as("tara").get("/api/plans/overview?patientId=" + PAT + "&versionsBefore=-1").then().statusCode(400)
                .contentType("application/problem+json").body(containsString("versionsBefore"));
        as("tara").get("/api/plans/overview?patientId=" + PAT + "&versionsBefore=1000000").then().statusCode(400)
                .contentType("application/problem+json").body(containsString("versionsBefore"));
        as("tara").get("/api/plans/overview?patientId=" + PAT + "&versionsBefore=99999999999999").then()
                .statusCode(400).contentType("application/problem+json");
        as("tara").get("/api/plans/overview?patientId=" + PAT + "&versionsBefore=six").then().statusCode(400)
                .contentType("application/problem+json");
    }

    private static io.restassured.specification.RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.accessToken(user));
    }

    private static JsonPath separate(String path) {
        return as("tara").get(path).then().statusCode(200).extract().jsonPath();
    }
}
