package care.homeprogram.plans;

import static care.homeprogram.plans.PlanFixtures.awaitCareTeam;
import static care.homeprogram.plans.PlanFixtures.projectedPatient;
import static care.homeprogram.plans.TestClockProducer.CLOCK;
import static care.homeprogram.plans.safety.EscalationStep.CARE_TEAM;
import static care.homeprogram.plans.safety.EscalationStep.ESCALATION_CONTACT;
import static care.homeprogram.plans.safety.EscalationStep.HIGH_REMINDER;
import static care.homeprogram.testing.DemoUsers.TARA;
import static care.homeprogram.testing.DemoUsers.THEO;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import care.homeprogram.plans.domain.AlertEscalation;
import care.homeprogram.plans.safety.AlertSpec;
import care.homeprogram.plans.safety.Severity;
import care.homeprogram.plans.service.AlertEscalator;
import care.homeprogram.plans.service.AlertService;
import care.homeprogram.plans.service.OverdueAlerts;
import care.homeprogram.testing.DemoUsers;
import care.homeprogram.testing.ManagementInterface;
import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.TestEvents;
import care.homeprogram.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Unacknowledged alerts escalate at the configured thresholds (the defaults: CRITICAL to the care team at 15 minutes
 * and to the escalation contact at 30, HIGH a reminder at 24 hours), each step once, on the real PostgreSQL. The
 * scheduled run is off in tests: each test runs the job itself, as often and from as many threads as it likes, after
 * moving the application's clock instead of waiting.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PLANS"))
class AlertEscalationTest {
    private static final String CONTACT_EMAIL = "escalation@demo.homeprogram.test";

    @Inject
    AlertService alerts;

    @Inject
    AlertEscalator escalator;

    @Inject
    OverdueAlerts overdue;

    @Test
    void criticalGoesToTheCareTeamAtFifteenMinutesAndToTheContactAtThirtyEachExactlyOnce() throws Exception {
        UUID patient = patientOf(TARA);
        UUID alertId = raise(patient, null, Severity.CRITICAL, AlertSpec.RED_FLAG_EMERGENCY);
        Instant raisedAt = Db.alert(alertId).createdAt.toInstant();

        CLOCK.advanceTo(raisedAt.plus(Duration.ofMinutes(15)).minusSeconds(1));
        escalator.escalateDue();
        assertThat(Db.steps(alertId)).isEmpty();

        CLOCK.advanceTo(raisedAt.plus(Duration.ofMinutes(15)));
        runManyTimesFromTwoThreads();
        assertThat(Db.steps(alertId)).containsExactly(CARE_TEAM);
        List<JsonNode> escalated = Db.outbox("AlertEscalated", alertId);
        assertThat(escalated).hasSize(1);
        JsonNode careTeam = escalated.get(0).path("data");
        assertThat(careTeam.path("alertId").asText()).isEqualTo(alertId.toString());
        assertThat(careTeam.path("patientId").asText()).isEqualTo(patient.toString());
        assertThat(careTeam.path("severity").asText()).isEqualTo("CRITICAL");
        assertThat(careTeam.path("reasonCode").asText()).isEqualTo("RED_FLAG_EMERGENCY");
        assertThat(careTeam.path("step").asText()).isEqualTo("CARE_TEAM");
        assertThat(careTeam.path("therapistIds").toString()).isEqualTo("[\"" + TARA + "\"]");
        assertThat(careTeam.path("escalationContact").isNull()).isTrue();
        assertThat(careTeam.path("occurredAt").asText()).isNotEmpty();
        // Ids and codes only: no reason sentence, no name, no email of the patient.
        assertThat(escalated.get(0).toString()).doesNotContain("raised by", "projected-");

        CLOCK.advanceTo(raisedAt.plus(Duration.ofMinutes(30)).minusSeconds(1));
        escalator.escalateDue();
        assertThat(Db.steps(alertId)).containsExactly(CARE_TEAM);

        CLOCK.advanceTo(raisedAt.plus(Duration.ofMinutes(30)));
        runManyTimesFromTwoThreads();
        assertThat(Db.steps(alertId)).containsExactly(CARE_TEAM, ESCALATION_CONTACT);
        escalated = Db.outbox("AlertEscalated", alertId);
        assertThat(escalated).extracting(e -> e.path("data").path("step").asText())
                .containsExactly("CARE_TEAM", "ESCALATION_CONTACT");
        JsonNode contact = escalated.get(1).path("data");
        assertThat(contact.path("escalationContact").path("email").asText()).isEqualTo(CONTACT_EMAIL);
        assertThat(contact.path("escalationContact").path("adminRole").asText()).isEqualTo("admin");
        assertThat(contact.path("therapistIds").toString()).isEqualTo("[\"" + TARA + "\"]");
        AlertEscalation contactRow = Db.escalations(alertId).get(1);
        assertThat(contactRow.recipients.email()).isEqualTo(CONTACT_EMAIL);
        assertThat(contactRow.recipients.adminRole()).isEqualTo("admin");
        assertThat(Db.alert(alertId).escalationLevel).isEqualTo(2);

        // The therapist sees the history on the alert.
        given().auth().oauth2(Tokens.accessToken("tara")).get("/api/alerts?status=open").then().statusCode(200)
                .body("items.find { it.id == '" + alertId + "' }.escalations.step",
                        equalTo(List.of("CARE_TEAM", "ESCALATION_CONTACT")))
                .body("items.find { it.id == '" + alertId + "' }.escalations[1].at", notNullValue())
                .body("items.find { it.id == '" + alertId + "' }.occurrences", equalTo(1));

        // Both reach the broker, for notification-service.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(TestEvents.readAll("plan-events"))
                .filteredOn(e -> e.path("type").asText().equals("AlertEscalated")
                        && e.path("data").path("alertId").asText().equals(alertId.toString()))
                .extracting(e -> e.path("data").path("step").asText())
                .containsExactly("CARE_TEAM", "ESCALATION_CONTACT"));
    }

    @Test
    void twoEscalatorsAtOnceOverManyDueAlertsTakeEveryStepOnce() throws Exception {
        UUID patient = patientOf(TARA);
        List<UUID> alertIds = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            // Distinct plans make distinct alerts of one patient.
            alertIds.add(raise(patient, UUID.randomUUID(), Severity.CRITICAL, AlertSpec.RED_FLAG_EMERGENCY));
        }
        Instant lastRaised = Db.alert(alertIds.get(alertIds.size() - 1)).createdAt.toInstant();
        CLOCK.advanceTo(lastRaised.plus(Duration.ofMinutes(30)));

        runManyTimesFromTwoThreads();

        for (UUID alertId : alertIds) {
            assertThat(Db.steps(alertId)).as("alert %s", alertId).containsExactly(CARE_TEAM, ESCALATION_CONTACT);
            assertThat(Db.outbox("AlertEscalated", alertId)).as("alert %s", alertId).hasSize(2);
        }
    }

    @Test
    void acknowledgedAtTenMinutesNeverEscalates() {
        UUID patient = patientOf(TARA);
        UUID alertId = raise(patient, null, Severity.CRITICAL, AlertSpec.RED_FLAG_EMERGENCY);
        Instant raisedAt = Db.alert(alertId).createdAt.toInstant();

        CLOCK.advanceTo(raisedAt.plus(Duration.ofMinutes(10)));
        given().auth().oauth2(Tokens.accessToken("tara")).post("/api/alerts/" + alertId + "/acknowledge").then()
                .statusCode(200).body("status", equalTo("ACKNOWLEDGED")).body("escalations.size()", equalTo(0));

        CLOCK.advanceTo(raisedAt.plus(Duration.ofMinutes(31)));
        escalator.escalateDue();
        escalator.escalateDue();
        assertThat(Db.steps(alertId)).isEmpty();
        assertThat(Db.outbox("AlertEscalated", alertId)).isEmpty();
        assertThat(Db.alert(alertId).escalationLevel).isZero();
    }

    @Test
    void highRemindsTheCareTeamAtTwentyFourHoursNotBeforeAndNothingMore() throws Exception {
        UUID patient = patientOf(TARA);
        UUID alertId = raise(patient, null, Severity.HIGH, AlertSpec.RED_FLAG_SAME_DAY);
        Instant raisedAt = Db.alert(alertId).createdAt.toInstant();

        CLOCK.advanceTo(raisedAt.plus(Duration.ofMinutes(30)));
        escalator.escalateDue();
        assertThat(Db.steps(alertId)).isEmpty();
        CLOCK.advanceTo(raisedAt.plus(Duration.ofHours(24)).minusSeconds(1));
        escalator.escalateDue();
        assertThat(Db.steps(alertId)).isEmpty();

        CLOCK.advanceTo(raisedAt.plus(Duration.ofHours(24)));
        runManyTimesFromTwoThreads();
        assertThat(Db.steps(alertId)).containsExactly(HIGH_REMINDER);
        JsonNode reminder = Db.outbox("AlertEscalated", alertId).get(0).path("data");
        assertThat(reminder.path("step").asText()).isEqualTo("HIGH_REMINDER");
        assertThat(reminder.path("severity").asText()).isEqualTo("HIGH");
        assertThat(reminder.path("therapistIds").toString()).isEqualTo("[\"" + TARA + "\"]");
        assertThat(reminder.path("escalationContact").isNull()).isTrue();

        CLOCK.advanceTo(raisedAt.plus(Duration.ofHours(25)));
        escalator.escalateDue();
        assertThat(Db.steps(alertId)).containsExactly(HIGH_REMINDER);
        assertThat(Db.outbox("AlertEscalated", alertId)).hasSize(1);
    }

    @Test
    void theStepGoesToTheCareTeamOfNowNotOfWhenTheAlertWasRaised() {
        UUID patient = patientOf(TARA);
        UUID alertId = raise(patient, null, Severity.CRITICAL, AlertSpec.RED_FLAG_EMERGENCY);
        Instant raisedAt = Db.alert(alertId).createdAt.toInstant();
        assertThat(Db.outbox("AlertRaised", alertId).get(0).path("data").path("therapistIds").toString())
                .isEqualTo("[\"" + TARA + "\"]");

        TestEvents.publish("patient-events", "CareTeamChanged", patient, Map.of(
                "patientId", patient.toString(),
                "therapistIds", List.of(THEO.toString()),
                "email", DemoUsers.email("projected-" + patient.toString().substring(0, 8)),
                "timeZone", "Europe/Vienna",
                "quietHours", Map.of("start", "21:00", "end", "08:00"),
                "channels", Map.of("email", true, "inApp", true),
                "status", "ACTIVE"));
        awaitCareTeam("theo", patient);
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(Tokens.accessToken("tara"))
                .get("/api/plans?patientId=" + patient).statusCode() != 200);

        CLOCK.advanceTo(raisedAt.plus(Duration.ofMinutes(15)));
        escalator.escalateDue();
        JsonNode careTeam = Db.outbox("AlertEscalated", alertId).get(0).path("data");
        assertThat(careTeam.path("step").asText()).isEqualTo("CARE_TEAM");
        assertThat(careTeam.path("therapistIds").toString()).isEqualTo("[\"" + THEO + "\"]");
        assertThat(Db.escalations(alertId).get(0).recipients.therapistIds()).containsExactly(THEO);
        // And the new care team sees the alert with its history.
        given().auth().oauth2(Tokens.accessToken("theo")).get("/api/alerts?status=open").then().statusCode(200)
                .body("items.find { it.id == '" + alertId + "' }.escalations.step", equalTo(List.of("CARE_TEAM")));
    }

    /**
     * The gauge operations page on (deploy/kubernetes' HomeProgramCriticalAlertUnacknowledged): an open CRITICAL alert
     * counts once it is older than the escalation to the contact (30 minutes), an acknowledged one never. Other tests
     * of this JVM leave open alerts in the same database, so the test compares counts: first the clock moves an hour,
     * so every earlier alert is already past the threshold when the baseline is taken.
     */
    @Test
    void theOverdueGaugeCountsAnOpenCriticalAlertPastItsEscalationAndNotAnAcknowledgedOne() {
        UUID patient = patientOf(TARA);
        CLOCK.advance(Duration.ofHours(1));
        long before = overdue.count();
        assertThat(scrapedOverdueCritical()).isEqualTo(before);

        // Raised first and acknowledged at once: past the threshold below too, but answered.
        UUID acknowledged = raise(patient, UUID.randomUUID(), Severity.CRITICAL, AlertSpec.RED_FLAG_EMERGENCY);
        given().auth().oauth2(Tokens.accessToken("tara")).post("/api/alerts/" + acknowledged + "/acknowledge").then()
                .statusCode(200).body("status", equalTo("ACKNOWLEDGED"));
        UUID open = raise(patient, UUID.randomUUID(), Severity.CRITICAL, AlertSpec.RED_FLAG_EMERGENCY);
        // A HIGH alert is not CRITICAL, however old.
        raise(patient, UUID.randomUUID(), Severity.HIGH, AlertSpec.RED_FLAG_SAME_DAY);
        Instant raisedAt = Db.alert(open).createdAt.toInstant();

        CLOCK.advanceTo(raisedAt.plus(Duration.ofMinutes(30)).minusSeconds(1));
        assertThat(overdue.count()).as("not yet past the escalation to the contact").isEqualTo(before);

        CLOCK.advanceTo(raisedAt.plus(Duration.ofMinutes(30)));
        assertThat(overdue.count()).as("the open alert, not the acknowledged one").isEqualTo(before + 1);
        assertThat(scrapedOverdueCritical()).isEqualTo(before + 1);

        given().auth().oauth2(Tokens.accessToken("tara")).post("/api/alerts/" + open + "/acknowledge").then()
                .statusCode(200).body("status", equalTo("ACKNOWLEDGED"));
        assertThat(overdue.count()).as("acknowledged: no longer overdue").isEqualTo(before);
        assertThat(scrapedOverdueCritical()).isEqualTo(before);
    }

    /** homeprogram_alerts_overdue{severity="CRITICAL"} as Prometheus scrapes it from the management interface. */
    private static long scrapedOverdueCritical() {
        String metrics = ManagementInterface.given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher line = Pattern.compile("(?m)^homeprogram_alerts_overdue\\{[^}]*severity=\"CRITICAL\"[^}]*} ([0-9.E]+)$")
                .matcher(metrics);
        assertThat(line.find()).as("the gauge in /q/metrics").isTrue();
        return (long) Double.parseDouble(line.group(1));
    }

    /** A patient of their own, known through patient-service's events, so no other test's alerts get in the way. */
    private static UUID patientOf(UUID therapist) {
        UUID patient = projectedPatient(therapist);
        awaitCareTeam(therapist.equals(TARA) ? "tara" : "theo", patient);
        return patient;
    }

    private UUID raise(UUID patient, UUID planId, Severity severity, String reasonCode) {
        return QuarkusTransaction.requiringNew().call(() -> alerts.raise(patient, planId, null,
                new AlertSpec(severity, reasonCode, "raised by " + getClass().getSimpleName())));
    }

    /** Two escalators at once (as two replicas would run), each several times over. */
    private void runManyTimesFromTwoThreads() throws Exception {
        Db.together(2, () -> {
            int taken = 0;
            for (int run = 0; run < 5; run++) {
                taken += escalator.escalateDue();
            }
            return taken;
        });
    }
}
