package care.homeprogram.plans;

import static care.homeprogram.plans.PlanFixtures.assign;
import static care.homeprogram.plans.PlanFixtures.assignAcute;
import static care.homeprogram.plans.PlanFixtures.exerciseId;
import static care.homeprogram.plans.PlanFixtures.firstItem;
import static care.homeprogram.plans.PlanFixtures.logSession;
import static care.homeprogram.testing.DemoUsers.PAT;
import static care.homeprogram.testing.DemoUsers.TARA;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import care.homeprogram.testing.DatabaseRoles;
import care.homeprogram.testing.DemoPatients;
import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The patient's screen ({@code GET /api/plans/mine}) is kept in memory between reads (PatientScreens), and it is
 * never stale: after each kind of write that changes what it shows, the very next read shows the change, and every
 * answer, kept or computed, is byte for byte what the uncached reads of the same plans ({@code GET /api/plans/{id}},
 * which never use the kept screen) assemble to.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PLANS"))
class MyPlansStayCurrentTest {
    private static final String DOSE = "{\"sets\": 1, \"reps\": 5, \"timesPerDay\": 1, "
            + "\"daysOfWeek\": [\"MONDAY\", \"THURSDAY\"], \"weeks\": 2}";

    @jakarta.inject.Inject
    io.micrometer.core.instrument.MeterRegistry registry;

    @BeforeEach
    void careTeamsArrive() {
        PlanFixtures.demoCareTeamsArrived();
    }

    @Test
    void everyChangeATherapistOrThePatientMakesIsInTheNextRead() {
        String planId = assignAcute("tara", PAT);
        JsonPath screen = readTwice();
        assertThat(screen.getList("items.id", String.class)).contains(planId);

        // a new plan
        String bird = exerciseId("bird-dog");
        String second = assign("tara", PAT, "{\"patientId\": \"$PATIENT\", \"items\": [{\"exerciseId\": \"" + bird
                + "\", \"dose\": " + DOSE + "}]}").statusCode(201).extract().path("id");
        assertThat(readTwice().getList("items.id", String.class)).contains(planId, second);

        // on hold, then active again
        change(planId, "{\"status\": \"ON_HOLD\", \"reason\": \"travelling\"}");
        assertThat(readTwice().getString("items.find { it.id == '" + planId + "' }.status")).isEqualTo("ON_HOLD");
        change(planId, "{\"status\": \"ACTIVE\", \"reason\": \"back home\"}");
        assertThat(readTwice().getString("items.find { it.id == '" + planId + "' }.status")).isEqualTo("ACTIVE");

        // the items changed: a note to the patient on the kept item, a new version
        String item = firstItem("pat", second);
        change(second, "{\"items\": [{\"id\": \"" + item + "\", \"exerciseId\": \"" + bird + "\", \"dose\": " + DOSE
                + ", \"noteToPatient\": \"Slowly, back flat\"}], \"reason\": \"a note\"}");
        JsonPath noted = readTwice();
        assertThat(noted.getString("items.find { it.id == '" + second + "' }.items[0].noteToPatient"))
                .isEqualTo("Slowly, back flat");
        assertThat(noted.getInt("items.find { it.id == '" + second + "' }.version")).isEqualTo(2);

        // the thresholds and the acute phase
        change(planId, "{\"acute\": false, \"safetyThresholds\": {\"greenMax\": 2, \"amberMax\": 4, "
                + "\"baselineRiseAlert\": 2},"
                + " \"reason\": \"acute phase over\"}");
        JsonPath settled = readTwice();
        assertThat(settled.getBoolean("items.find { it.id == '" + planId + "' }.acute")).isFalse();
        assertThat(settled.getInt("items.find { it.id == '" + planId + "' }.thresholds.amberMax")).isEqualTo(4);

        // a hydration target
        given().auth().oauth2(Tokens.accessToken("tara")).contentType(ContentType.JSON)
                .body("{\"targetLitres\": 1.75, \"fluidRestrictionChecked\": true, \"reason\": \"agreed\"}")
                .put("/api/plans/" + planId + "/hydration").then().statusCode(200);
        assertThat(readTwice().getFloat("items.find { it.id == '" + planId + "' }.hydrationTargetLitres"))
                .isEqualTo(1.75f);

        // the patient's own session pauses an item (a stop rule); the therapist resumes it
        String acuteItem = firstItem("pat", planId);
        logSession("pat", planId, acuteItem, 1, 2, "\"PAIN_RISING_WITH_REPETITIONS\"", "").statusCode(201);
        assertThat(readTwice().getString(itemOf(planId, acuteItem) + ".status")).isEqualTo("PAUSED");
        given().auth().oauth2(Tokens.accessToken("tara")).contentType(ContentType.JSON)
                .body("{\"reason\": \"reviewed by phone\"}")
                .post("/api/plans/" + planId + "/items/" + acuteItem + "/resume").then().statusCode(200);
        assertThat(readTwice().getString(itemOf(planId, acuteItem) + ".status")).isEqualTo("ACTIVE");

        // finished plans leave the screen
        change(planId, "{\"status\": \"COMPLETED\", \"reason\": \"goals met\"}");
        change(second, "{\"status\": \"REVOKED\", \"reason\": \"wrong plan\"}");
        assertThat(readTwice().getList("items.id", String.class)).doesNotContain(planId, second);
    }

    /** What another replica or a hand-made fix writes, without passing through this process, is seen too. */
    @Test
    void aChangeWrittenStraightToTheDatabaseIsInTheNextRead() throws Exception {
        String planId = assignAcute("tara", PAT);
        String item = firstItem("pat", planId);
        readTwice();
        try (Connection c = DatabaseRoles.asRuntimeRole();
                PreparedStatement note = c.prepareStatement(
                        "UPDATE plan_item SET note_to_patient = 'written elsewhere' WHERE id = ?")) {
            note.setObject(1, UUID.fromString(item));
            assertThat(note.executeUpdate()).isEqualTo(1);
        }
        assertThat(readTwice().getString(itemOf(planId, item) + ".noteToPatient")).isEqualTo("written elsewhere");
    }

    /** The screen's today: the patient's time zone as patient-service last said, and the date now in it. */
    @Test
    void aNewTimeZoneAndANewDayAreInTheNextRead() {
        String planId = assignAcute("tara", PAT);
        String zone = "items.find { it.id == '" + planId + "' }.today.timeZone";
        assertThat(readTwice().getString(zone)).isEqualTo("Europe/Berlin");
        try {
            DemoPatients.changeCareTeam(PAT, "pat", "Pacific/Auckland", List.of(TARA));
            await().atMost(Duration.ofSeconds(60)).until(() -> "Pacific/Auckland".equals(read().getString(zone)));
            readTwice();
        } finally {
            DemoPatients.changeCareTeam(PAT, "pat", "Europe/Berlin", List.of(TARA));
            await().atMost(Duration.ofSeconds(60)).until(() -> "Europe/Berlin".equals(read().getString(zone)));
        }

        String date = "items.find { it.id == '" + planId + "' }.today.date";
        String before = readTwice().getString(date);
        TestClockProducer.CLOCK.advance(Duration.ofDays(1));
        assertThat(readTwice().getString(date)).isEqualTo(java.time.LocalDate.parse(before).plusDays(1).toString());
    }

    /** The second of two reads in a row is answered from memory, the first after a change is computed again. */
    @Test
    void anUnchangedScreenIsAnsweredFromMemory() {
        String planId = assignAcute("tara", PAT);
        readBody();
        double kept = answered("kept");
        double computed = answered("computed");
        readBody();
        assertThat(answered("kept")).isEqualTo(kept + 1);
        assertThat(answered("computed")).isEqualTo(computed);
        change(planId, "{\"status\": \"ON_HOLD\", \"reason\": \"travelling\"}");
        readBody();
        assertThat(answered("computed")).isEqualTo(computed + 1);
    }

    private double answered(String how) {
        return registry.counter("homeprogram.plans.screens", "answer", how).count();
    }

    /** A screen answered from memory is audited like any read: one record per read, naming the patient. */
    @Test
    void aKeptScreenIsAuditedOnEveryRead() {
        assignAcute("tara", PAT);
        readTwice();
        for (int read = 0; read < 2; read++) {
            String correlationId = "kept-screen-" + UUID.randomUUID();
            given().auth().oauth2(Tokens.accessToken("pat")).header("X-Correlation-Id", correlationId)
                    .get("/api/plans/mine").then().statusCode(200);
            JsonPath trail = given().auth().oauth2(Tokens.accessToken("ada"))
                    .get("/api/plans/audit?correlationId=" + correlationId).then().statusCode(200).extract()
                    .jsonPath();
            assertThat(trail.getInt("total")).isEqualTo(1);
            assertThat(trail.getString("items[0].patientId")).isEqualTo(PAT.toString());
            assertThat(trail.getString("items[0].resource")).isEqualTo("/api/plans/mine");
            assertThat(trail.getInt("items[0].status")).isEqualTo(200);
        }
    }

    private static String itemOf(String planId, String itemId) {
        return "items.find { it.id == '" + planId + "' }.items.find { it.id == '" + itemId + "' }";
    }

    /**
     * Two reads in a row (the second answered from the kept screen if the first kept it), each byte for byte the
     * uncached answer; the screen as read.
     */
    private static JsonPath readTwice() {
        String first = readBody();
        String second = readBody();
        assertThat(second).isEqualTo(first);
        assertThat(first).isEqualTo(uncached(new JsonPath(first).getList("items.id", String.class)));
        return new JsonPath(second);
    }

    private static JsonPath read() {
        return new JsonPath(readBody());
    }

    private static String readBody() {
        return given().auth().oauth2(Tokens.accessToken("pat")).get("/api/plans/mine").then().statusCode(200)
                .contentType(ContentType.JSON).extract().body().asString();
    }

    /** The page the plans' own reads assemble to, in the same order. */
    private static String uncached(List<String> planIds) {
        String plans = planIds.stream().map(id -> given().auth().oauth2(Tokens.accessToken("pat"))
                .get("/api/plans/" + id).then().statusCode(200).extract().body().asString())
                .collect(Collectors.joining(","));
        return "{\"items\":[" + plans + "],\"total\":" + planIds.size() + "}";
    }

    private static void change(String planId, String body) {
        given().auth().oauth2(Tokens.accessToken("tara")).contentType(ContentType.JSON).body(body)
                .patch("/api/plans/" + planId).then().statusCode(200);
    }
}
