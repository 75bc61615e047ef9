package care.homeprogram.plans;

import static care.homeprogram.plans.PlanFixtures.assignAcute;
import static care.homeprogram.plans.PlanFixtures.awaitCareTeam;
import static care.homeprogram.plans.PlanFixtures.firstItem;
import static care.homeprogram.plans.PlanFixtures.logSession;
import static care.homeprogram.plans.PlanFixtures.projectedPatient;
import static care.homeprogram.plans.TestClockProducer.CLOCK;
import static care.homeprogram.testing.DemoUsers.PAT;
import static care.homeprogram.testing.DemoUsers.TARA;
import static care.homeprogram.testing.DemoUsers.THEO;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import care.homeprogram.plans.safety.AlertSpec;
import care.homeprogram.plans.safety.Severity;
import care.homeprogram.plans.service.AlertEscalator;
import care.homeprogram.plans.service.AlertService;
import care.homeprogram.testing.DatabaseRoles;
import care.homeprogram.testing.DemoPatients;
import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.Tokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The therapist's page of a patient ({@code GET /api/plans/overview}) is kept in memory between reads
 * (KeptOverviews), and it is never stale: after each kind of write that changes what it shows, the very next read
 * shows the change, and every answer, kept or computed, is what the separate reads (which never use the kept
 * overview) answer. The care-team check and the audit record stay per read.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PLANS"))
class PatientOverviewStaysCurrentTest {
    @Inject
    MeterRegistry registry;

    @Inject
    AlertService alerts;

    @Inject
    AlertEscalator escalator;

    @BeforeEach
    void careTeamsArrive() {
        PlanFixtures.demoCareTeamsArrived();
    }

    @Test
    void everyWriteTheOverviewShowsIsInTheNextRead() {
        PlanFixtures.acknowledgeOpenAlerts("tara", PAT);
        // a new plan
        String planId = assignAcute("tara", PAT);
        assertThat(current(PAT).getString("current.planId")).isEqualTo(planId);

        // a session the patient logs
        String itemId = firstItem("pat", planId);
        String sessionId = logSession("pat", planId, itemId, 2, 3, "", "").statusCode(201).extract()
                .path("sessionId");
        assertThat(current(PAT).getInt(session(sessionId) + ".painAfter")).isEqualTo(3);

        // the patient corrects it, then withdraws it
        as("pat").body("{\"painBefore\": 2, \"painAfter\": 4, \"symptoms\": [], \"setsDone\": 1, \"repsDone\": 5,"
                + " \"reason\": \"it was 4\"}").put("/api/plans/" + planId + "/sessions/" + sessionId).then()
                .statusCode(200);
        JsonPath corrected = current(PAT);
        assertThat(corrected.getInt(session(sessionId) + ".painAfter")).isEqualTo(4);
        assertThat(corrected.getList(session(sessionId) + ".changes")).hasSize(1);
        as("pat").body("{\"reason\": \"logged twice\"}")
                .post("/api/plans/" + planId + "/sessions/" + sessionId + "/withdraw").then().statusCode(200);
        assertThat(current(PAT).getString(session(sessionId) + ".withdrawnAt")).isNotNull();

        // red pain: the item pauses (an item and a version) and an alert is raised
        String paused = logSession("pat", planId, itemId, 2, 7, "", "").statusCode(201).extract().path("sessionId");
        JsonPath alerted = current(PAT);
        assertThat(alerted.getList("current.sessions.id")).contains(paused);
        assertThat(alerted.getString("plans.find { it.id == '" + planId + "' }.items.find { it.id == '" + itemId
                + "' }.status")).isEqualTo("PAUSED");
        assertThat(alerted.getInt("plans.find { it.id == '" + planId + "' }.version")).isEqualTo(2);
        String alertId = alerted.getString("openAlerts.find { it.planId == '" + planId + "' }.id");
        assertThat(alertId).isNotNull();

        // the therapist acknowledges the alert, then resumes the item
        as("tara").post("/api/alerts/" + alertId + "/acknowledge").then().statusCode(200);
        assertThat(current(PAT).getList("openAlerts.id")).doesNotContain(alertId);
        as("tara").body("{\"reason\": \"reviewed by phone\"}")
                .post("/api/plans/" + planId + "/items/" + itemId + "/resume").then().statusCode(200);
        JsonPath resumed = current(PAT);
        assertThat(resumed.getList("current.versions")).hasSize(3);

        // a measure attached, then answered: the schedule and the score
        String scheduleId = as("tara").body("{\"instrument\": \"pain-nrs\", \"atIntake\": true}")
                .post("/api/measures/plans/" + planId + "/schedules").then().statusCode(201).extract().path("id");
        assertThat(current(PAT).getList("current.measureSchedules.id")).contains(scheduleId);
        String responseId = as("pat").body("{\"answers\": {\"pain\": 6}}")
                .post("/api/measures/schedules/" + scheduleId + "/responses").then().statusCode(201).extract()
                .path("responseId");
        assertThat(current(PAT).getList("scores.instruments.scores.points.responseId.flatten()"))
                .contains(responseId);

        // a therapist's change of the plan: a new version with a note on the item
        as("tara").body("{\"status\": \"ON_HOLD\", \"reason\": \"holiday\"}").patch("/api/plans/" + planId).then()
                .statusCode(200);
        JsonPath held = current(PAT);
        assertThat(held.getString("plans.find { it.id == '" + planId + "' }.status")).isEqualTo("ON_HOLD");
        assertThat(held.getInt("current.versions[0].version")).isEqualTo(4);
        assertThat(held.getList("current.earlierVersions.version")).startsWith(3);
    }

    /** A new time zone or care team arrives as patient-service's event: the next read shows it, or is refused. */
    @Test
    void aCareTeamChangeIsInTheNextRead() {
        UUID patient = projectedPatient(TARA);
        awaitCareTeam("tara", patient);
        String planId = assignAcute("tara", patient);
        String zone = "plans.find { it.id == '" + planId + "' }.today.timeZone";
        assertThat(current(patient).getString(zone)).isEqualTo("Europe/Vienna");

        DemoPatients.changeCareTeam(patient, "projected-" + patient.toString().substring(0, 8), "Pacific/Auckland",
                List.of(TARA, THEO));
        await().atMost(Duration.ofSeconds(60)).until(() -> "Pacific/Auckland".equals(read("tara", patient)
                .getString(zone)));
        current(patient);
        // theo joined: one kept overview answers every therapist of the care team alike
        assertThat(readBody("theo", patient)).isEqualTo(readBody("tara", patient));

        DemoPatients.changeCareTeam(patient, "projected-" + patient.toString().substring(0, 8), "Pacific/Auckland",
                List.of(THEO));
        await().atMost(Duration.ofSeconds(60)).until(() -> as("tara")
                .get("/api/plans/overview?patientId=" + patient).statusCode() == 404);
        as("theo").get("/api/plans/overview?patientId=" + patient).then().statusCode(200);
    }

    /** An escalation step of an open alert (the escalator, not a request) is in the next read. */
    @Test
    void anEscalationStepIsInTheNextRead() {
        UUID patient = projectedPatient(TARA);
        awaitCareTeam("tara", patient);
        UUID alertId = QuarkusTransaction.requiringNew().call(() -> alerts.raise(patient, null, null,
                new AlertSpec(Severity.CRITICAL, AlertSpec.RED_FLAG_EMERGENCY, "raised by the overview test")));
        String steps = "openAlerts.find { it.id == '" + alertId + "' }.escalations";
        assertThat(current(patient).getList(steps)).isEmpty();
        Instant raisedAt = Db.alert(alertId).createdAt.toInstant();
        CLOCK.advanceTo(raisedAt.plus(Duration.ofMinutes(15)));
        escalator.escalateDue();
        assertThat(current(patient).getList(steps + ".step")).containsExactly("CARE_TEAM");
    }

    /** What another replica or a hand-made fix writes, without passing through this process, is seen too. */
    @Test
    void aChangeWrittenStraightToTheDatabaseIsInTheNextRead() throws Exception {
        String planId = assignAcute("tara", PAT);
        String itemId = firstItem("pat", planId);
        String sessionId = logSession("pat", planId, itemId, 1, 2, "", "").statusCode(201).extract()
                .path("sessionId");
        current(PAT);
        try (Connection c = DatabaseRoles.asRuntimeRole();
                PreparedStatement fix = c.prepareStatement("UPDATE session_log SET sets_done = 3 WHERE id = ?")) {
            fix.setObject(1, UUID.fromString(sessionId));
            assertThat(fix.executeUpdate()).isEqualTo(1);
        }
        assertThat(current(PAT).getInt(session(sessionId) + ".setsDone")).isEqualTo(3);
    }

    /** The patient's day turns: what is due today and the adherence weeks are computed again. */
    @Test
    void aNewDayIsInTheNextRead() {
        String planId = assignAcute("tara", PAT);
        String date = "plans.find { it.id == '" + planId + "' }.today.date";
        String before = current(PAT).getString(date);
        CLOCK.advance(Duration.ofDays(1));
        assertThat(current(PAT).getString(date)).isEqualTo(LocalDate.parse(before).plusDays(1).toString());
    }

    /**
     * The second of two reads in a row is answered from memory, the first after a change is computed again; each
     * read, kept or not, is checked against the care team and audited.
     */
    @Test
    void anUnchangedOverviewIsAnsweredFromMemoryAndStillAuditedAndChecked() {
        String planId = assignAcute("tara", PAT);
        readBody("tara", PAT);
        double kept = answered("kept");
        double computed = answered("computed");
        for (int read = 0; read < 2; read++) {
            String correlationId = "kept-overview-" + UUID.randomUUID();
            as("tara").header("X-Correlation-Id", correlationId).get("/api/plans/overview?patientId=" + PAT).then()
                    .statusCode(200);
            JsonPath trail = as("ada").get("/api/plans/audit?correlationId=" + correlationId).then().statusCode(200)
                    .extract().jsonPath();
            assertThat(trail.getInt("total")).isEqualTo(1);
            assertThat(trail.getString("items[0].patientId")).isEqualTo(PAT.toString());
            assertThat(trail.getString("items[0].actorSub")).isEqualTo(TARA.toString());
            assertThat(trail.getInt("items[0].status")).isEqualTo(200);
        }
        assertThat(answered("kept")).isEqualTo(kept + 2);
        assertThat(answered("computed")).isEqualTo(computed);
        // kept or not, outside the care team it is 404 and the attempt is on the patient's record
        String denied = "kept-overview-denied-" + UUID.randomUUID();
        as("theo").header("X-Correlation-Id", denied).get("/api/plans/overview?patientId=" + PAT).then()
                .statusCode(404);
        JsonPath trail = as("ada").get("/api/plans/audit?correlationId=" + denied).then().statusCode(200).extract()
                .jsonPath();
        assertThat(trail.getString("items[0].patientId")).isEqualTo(PAT.toString());
        assertThat(trail.getString("items[0].outcome")).isEqualTo("DENIED");
        as("pat").get("/api/plans/overview?patientId=" + PAT).then().statusCode(403);
        given().get("/api/plans/overview?patientId=" + PAT).then().statusCode(401);

        as("tara").body("{\"status\": \"ON_HOLD\", \"reason\": \"travelling\"}").patch("/api/plans/" + planId)
                .then().statusCode(200);
        readBody("tara", PAT);
        assertThat(answered("computed")).isEqualTo(computed + 1);
    }

    private double answered(String how) {
        return registry.counter("homeprogram.plans.overviews", "answer", how).count();
    }

    private static String session(String sessionId) {
        return "current.sessions.find { it.id == '" + sessionId + "' }";
    }

    /**
     * Two reads in a row (the second answered from the kept overview if the first kept it), byte for byte the same,
     * and each part what its separate read answers now.
     */
    private static JsonPath current(UUID patient) {
        String first = readBody("tara", patient);
        String second = readBody("tara", patient);
        assertThat(second).isEqualTo(first);
        JsonPath overview = new JsonPath(second);
        assertThat(overview.getList("plans", Map.class))
                .isEqualTo(separate("/api/plans?patientId=" + patient).getList("items", Map.class));
        assertThat(overview.getMap("scores"))
                .isEqualTo(separate("/api/measures/patients/" + patient + "/scores").getMap(""));
        assertThat(overview.getList("openAlerts", Map.class)).isEqualTo(separate("/api/alerts?status=open")
                .getList("items", Map.class).stream().filter(a -> patient.toString().equals(a.get("patientId")))
                .toList());
        String planId = overview.getString("current.planId");
        if (planId != null) {
            assertThat(overview.getList("current.sessions", Map.class))
                    .isEqualTo(separate("/api/plans/" + planId + "/sessions").getList("items", Map.class));
            assertThat(overview.getMap("current.adherence"))
                    .isEqualTo(separate("/api/plans/" + planId + "/adherence").getMap(""));
            assertThat(overview.getList("current.versions", Map.class))
                    .isEqualTo(separate("/api/plans/" + planId + "/versions").getList("items", Map.class));
            assertThat(overview.getList("current.measureSchedules", Map.class)).isEqualTo(
                    separate("/api/measures/plans/" + planId + "/schedules").getList("items", Map.class));
        }
        return overview;
    }

    private static JsonPath read(String therapist, UUID patient) {
        return new JsonPath(readBody(therapist, patient));
    }

    private static String readBody(String therapist, UUID patient) {
        return as(therapist).get("/api/plans/overview?patientId=" + patient).then().statusCode(200)
                .contentType(ContentType.JSON).extract().body().asString();
    }

    private static JsonPath separate(String path) {
        return as("tara").get(path).then().statusCode(200).extract().jsonPath();
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Tokens.accessToken(user)).contentType(ContentType.JSON);
    }
}
