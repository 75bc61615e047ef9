package care.homeprogram.plans;

import static care.homeprogram.plans.PlanFixtures.assignAcute;
import static care.homeprogram.plans.PlanFixtures.awaitCareTeam;
import static care.homeprogram.plans.PlanFixtures.firstItem;
import static care.homeprogram.plans.PlanFixtures.logSession;
import static care.homeprogram.plans.PlanFixtures.projectedPatient;
import static care.homeprogram.plans.TestClockProducer.CLOCK;
import static care.homeprogram.testing.DemoUsers.PAT;
import static care.homeprogram.testing.DemoUsers.TARA;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import care.homeprogram.plans.domain.Alert;
import care.homeprogram.plans.domain.Plan;
import care.homeprogram.plans.domain.SessionLog;
import care.homeprogram.plans.safety.Severity;
import care.homeprogram.plans.service.AdherenceAlerter;
import care.homeprogram.plans.service.AlertEscalator;
import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Non-adherence becomes plan-service alerts (docs/clinical-rules.md, "Non-adherence"): LOW at 3 days without a
 * session, HIGH at 14, DROPPED (HIGH) at 21, each once per lapse however often and from however many threads the job
 * runs; a session starts a new lapse; days on hold do not count. The scheduled run is off in tests: each test runs the
 * job itself after moving the application's clock.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PLANS"))
class NonAdherenceAlertTest {
    private static final Duration DAY = Duration.ofDays(1);

    @Inject
    AdherenceAlerter adherence;

    @Inject
    AlertEscalator escalator;

    @Test
    void lowAtThreeDaysHighAtFourteenDroppedAtTwentyOneEachOnceAcknowledgeableAndAnnouncedToTheCareTeam()
            throws Exception {
        UUID patient = projectedPatient(TARA);
        awaitCareTeam("tara", patient);
        UUID planId = UUID.fromString(assignAcute("tara", patient));
        Instant activated = activatedAt(planId);

        CLOCK.advanceTo(activated.plus(Duration.ofDays(3)).minus(Duration.ofHours(1)));
        sweepManyTimesFromTwoThreads();
        assertThat(alertsOf(planId)).isEmpty();

        CLOCK.advanceTo(activated.plus(Duration.ofDays(3)));
        sweepManyTimesFromTwoThreads();
        List<Alert> alerts = alertsOf(planId);
        assertThat(alerts).extracting(a -> a.reasonCode).containsExactly("NON_ADHERENCE_3_DAYS");
        Alert low = alerts.get(0);
        assertThat(low.severity).isEqualTo(Severity.LOW);
        assertThat(low.occurrences).isEqualTo(1);
        assertThat(low.reason).startsWith("No session logged for 3 days");

        List<JsonNode> raised = Db.outbox("AlertRaised", low.id);
        assertThat(raised).hasSize(1);
        JsonNode data = raised.get(0).path("data");
        assertThat(data.path("patientId").asText()).isEqualTo(patient.toString());
        assertThat(data.path("planId").asText()).isEqualTo(planId.toString());
        assertThat(data.path("severity").asText()).isEqualTo("LOW");
        assertThat(data.path("reasonCode").asText()).isEqualTo("NON_ADHERENCE_3_DAYS");
        assertThat(data.path("therapistIds").toString()).isEqualTo("[\"" + TARA + "\"]");

        // The care team's therapist acknowledges it like any alert; the same lapse never raises it again.
        given().auth().oauth2(Tokens.accessToken("tara")).post("/api/alerts/" + low.id + "/acknowledge").then()
                .statusCode(200).body("status", equalTo("ACKNOWLEDGED"));
        given().auth().oauth2(Tokens.accessToken("theo")).post("/api/alerts/" + low.id + "/acknowledge").then()
                .statusCode(404);
        CLOCK.advanceTo(activated.plus(Duration.ofDays(14)).minus(Duration.ofHours(1)));
        sweepManyTimesFromTwoThreads();
        assertThat(alertsOf(planId)).extracting(a -> a.reasonCode).containsExactly("NON_ADHERENCE_3_DAYS");
        assertThat(Db.outbox("AlertRaised", low.id)).hasSize(1);

        CLOCK.advanceTo(activated.plus(Duration.ofDays(14)));
        sweepManyTimesFromTwoThreads();
        assertThat(alertsOf(planId)).extracting(a -> a.reasonCode + " " + a.severity + " " + a.occurrences)
                .containsExactly("NON_ADHERENCE_3_DAYS LOW 1", "NON_ADHERENCE_14_DAYS HIGH 1");

        CLOCK.advanceTo(activated.plus(Duration.ofDays(21)).minus(Duration.ofHours(1)));
        sweepManyTimesFromTwoThreads();
        assertThat(alertsOf(planId)).hasSize(2);

        CLOCK.advanceTo(activated.plus(Duration.ofDays(21)));
        sweepManyTimesFromTwoThreads();
        List<Alert> all = alertsOf(planId);
        assertThat(all).extracting(a -> a.reasonCode + " " + a.severity + " " + a.occurrences).containsExactly(
                "NON_ADHERENCE_3_DAYS LOW 1", "NON_ADHERENCE_14_DAYS HIGH 1", "DROPPED_21_DAYS HIGH 1");
        for (Alert alert : all) {
            assertThat(Db.outbox("AlertRaised", alert.id)).hasSize(1);
            assertThat(Db.outbox("AlertRepeated", alert.id)).isEmpty();
        }

        // An unacknowledged HIGH non-adherence alert escalates like any other (a reminder at 24 hours).
        Alert dropped = all.get(2);
        CLOCK.advanceTo(dropped.createdAt.toInstant().plus(Duration.ofHours(24)));
        escalator.escalateDue();
        assertThat(Db.steps(dropped.id)).contains(care.homeprogram.plans.safety.EscalationStep.HIGH_REMINDER);
    }

    @Test
    void aLoggedSessionStartsANewLapse() throws Exception {
        PlanFixtures.demoCareTeamsArrived();
        String plan = assignAcute("tara", PAT);
        UUID planId = UUID.fromString(plan);
        String item = firstItem("tara", plan);

        CLOCK.advance(Duration.ofDays(2));
        logSession("pat", plan, item, 1, 1, "", "").statusCode(201);
        Instant sessionAt = Db.read(() -> SessionLog.ofPlan(planId).get(0).performedAt.toInstant());

        // Five days after the activation, but less than three since the session.
        CLOCK.advanceTo(sessionAt.plus(Duration.ofDays(3)).minus(Duration.ofHours(1)));
        sweepManyTimesFromTwoThreads();
        assertThat(alertsOf(planId)).isEmpty();

        CLOCK.advanceTo(sessionAt.plus(Duration.ofDays(3)));
        sweepManyTimesFromTwoThreads();
        assertThat(alertsOf(planId)).extracting(a -> a.reasonCode).containsExactly("NON_ADHERENCE_3_DAYS");
    }

    @Test
    void daysOnHoldDoNotCount() throws Exception {
        UUID patient = projectedPatient(TARA);
        awaitCareTeam("tara", patient);
        String plan = assignAcute("tara", patient);
        UUID planId = UUID.fromString(plan);
        Instant activated = activatedAt(planId);

        CLOCK.advance(DAY);
        patch(plan, "{\"status\": \"ON_HOLD\", \"reason\": \"holiday\"}");
        CLOCK.advance(Duration.ofDays(5));
        patch(plan, "{\"status\": \"ACTIVE\", \"reason\": \"back from holiday\"}");
        Duration held = Db.read(() -> {
            Object[] row = (Object[]) Plan.getEntityManager().createNativeQuery(
                    "SELECT started_at, ended_at FROM plan_adherence_pause WHERE plan_id = :plan")
                    .setParameter("plan", planId).getSingleResult();
            return Duration.between(instant(row[0]), instant(row[1]));
        });
        assertThat(held).isBetween(Duration.ofDays(5), Duration.ofDays(5).plusMinutes(1));

        // Three days plus the five on hold: nothing at 3 days, nor just before 3 + 5.
        CLOCK.advanceTo(activated.plus(Duration.ofDays(3)).plus(held).minus(Duration.ofHours(1)));
        sweepManyTimesFromTwoThreads();
        assertThat(alertsOf(planId)).isEmpty();

        CLOCK.advanceTo(activated.plus(Duration.ofDays(3)).plus(held));
        sweepManyTimesFromTwoThreads();
        List<Alert> alerts = alertsOf(planId);
        assertThat(alerts).extracting(a -> a.reasonCode).containsExactly("NON_ADHERENCE_3_DAYS");
        assertThat(alerts.get(0).reason).contains("not counting 5 days on hold");
    }

    private static void patch(String planId, String body) {
        given().auth().oauth2(Tokens.accessToken("tara")).contentType(ContentType.JSON).body(body)
                .patch("/api/plans/" + planId).then().statusCode(200);
    }

    private static Instant activatedAt(UUID planId) {
        OffsetDateTime at = Db.read(() -> Plan.<Plan>findById(planId).activatedAt);
        assertThat(at).isNotNull();
        return at.toInstant();
    }

    private static List<Alert> alertsOf(UUID planId) {
        return Db.read(() -> Alert.<Alert>list("planId = ?1 order by createdAt, reasonCode", planId));
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        return (Instant) value;
    }

    /** As two replicas would run the job, each several times over. */
    private void sweepManyTimesFromTwoThreads() throws Exception {
        Db.together(2, () -> {
            for (int i = 0; i < 3; i++) {
                adherence.sweep();
            }
            return null;
        });
    }
}
