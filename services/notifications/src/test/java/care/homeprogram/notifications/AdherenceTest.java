package care.homeprogram.notifications;

import static care.homeprogram.notifications.TestClockProducer.CLOCK;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import care.homeprogram.notifications.domain.AdherenceLevel;
import care.homeprogram.notifications.domain.Recipient;
import care.homeprogram.notifications.domain.ScheduledPlan;
import care.homeprogram.notifications.domain.SessionActivity;
import care.homeprogram.notifications.service.AdherenceSweep;
import care.homeprogram.testing.DemoUsers;
import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Non-adherence with time moved instead of waited for: 3 days without a session nudge the patient once, 14 days
 * stalled, 21 days the patient is marked dropped in the adherence list; a logged session resets it. The therapists are
 * not told from here: plan-service's non-adherence alerts reach them as AlertRaised (docs/notifications.md).
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "NOTIFICATIONS"))
class AdherenceTest {
    private static final Duration WAIT = Duration.ofMinutes(3);

    @Inject
    AdherenceSweep sweep;

    @Test
    void threeFourteenAndTwentyOneDaysWithoutASessionEscalateOnceEachAndASessionResets() {
        UUID patient = UUID.randomUUID();
        UUID plan = UUID.randomUUID();
        UUID item = UUID.randomUUID();
        Events.registerPatient(patient, "Europe/Berlin");
        await().atMost(WAIT).until(() -> Db.read(() -> Recipient.findById(patient)) != null);
        Events.planAssigned(plan, patient, LocalDate.now(CLOCK.withZone(ZoneId.of("Europe/Berlin"))),
                List.of(Events.item(item, 1, 8)));
        await().atMost(WAIT).until(() -> Db.read(() -> ScheduledPlan.findById(plan)) != null);

        sweep.sweep(); // the job over every active plan: nothing to say yet
        assertThat(sweep.sweepPlan(plan)).isEmpty();
        assertThat(Db.notifications(patient, "INACTIVE_NUDGE")).isEmpty();

        CLOCK.advance(Duration.ofDays(3).plusHours(1));
        assertThat(sweep.sweepPlan(plan)).contains(AdherenceLevel.INACTIVE);
        assertThat(sweep.sweepPlan(plan)).isEmpty(); // a second sweep (or another leader) says nothing again
        assertThat(Db.notifications(patient, "INACTIVE_NUDGE")).singleElement()
                .satisfies(n -> assertThat(n.title).isEqualTo("Your home program is waiting for you"));
        assertThat(therapistNoticesAbout(plan)).isEmpty(); // plan-service's alert tells the care team

        CLOCK.advance(Duration.ofDays(11));
        assertThat(sweep.sweepPlan(plan)).contains(AdherenceLevel.STALLED);

        CLOCK.advance(Duration.ofDays(7));
        assertThat(sweep.sweepPlan(plan)).contains(AdherenceLevel.DROPPED);
        assertThat(Db.notifications(patient, "INACTIVE_NUDGE")).hasSize(1); // the patient was nudged once
        assertThat(therapistNoticesAbout(plan)).isEmpty();

        String tara = Tokens.accessToken("tara");
        JsonPath view = given().auth().oauth2(tara).get("/api/notifications/adherence?size=100").then()
                .statusCode(200).extract().jsonPath();
        String entry = "items.find { it.planId == '" + plan + "' }";
        assertThat(view.getString(entry + ".level")).isEqualTo("DROPPED");
        assertThat(view.getString(entry + ".reasonCode")).isEqualTo("DROPPED_21_DAYS");
        assertThat(view.getString(entry + ".patientId")).isEqualTo(patient.toString());
        // Therapists only: a patient may not look, and another therapist does not see tara's patients.
        given().auth().oauth2(Tokens.accessToken("pat")).get("/api/notifications/adherence").then().statusCode(403);
        given().auth().oauth2(Tokens.accessToken("theo")).get("/api/notifications/adherence?size=100").then()
                .statusCode(200).body("items.planId", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(
                        plan.toString())));

        Events.sessionLogged(plan, patient, item, Events.now());
        await().atMost(WAIT).until(() -> Db.read(() -> SessionActivity.lastSessionOf(plan)).isPresent());
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(tara)
                .get("/api/notifications/adherence?size=100").then().statusCode(200)
                .body(entry + ".level", equalTo("ON_TRACK")));
        assertThat(sweep.sweepPlan(plan)).isEqualTo(Optional.empty());
    }
    @Test
    void theAdherenceListFollowsTheCareTeamOfNow() {
        UUID patient = UUID.randomUUID();
        UUID plan = UUID.randomUUID();
        Events.registerPatient(patient, "Europe/Berlin"); // in tara's care
        await().atMost(WAIT).until(() -> Db.read(() -> Recipient.findById(patient)) != null);
        Events.planAssigned(plan, patient, LocalDate.now(CLOCK.withZone(ZoneId.of("Europe/Berlin"))),
                List.of(Events.item(UUID.randomUUID(), 1, 8)));
        await().atMost(WAIT).until(() -> Db.read(() -> ScheduledPlan.findById(plan)) != null);
        CLOCK.advance(Duration.ofDays(3).plusHours(1));
        assertThat(sweep.sweepPlan(plan)).contains(AdherenceLevel.INACTIVE);
        String entry = "items.planId";
        given().auth().oauth2(Tokens.accessToken("tara")).get("/api/notifications/adherence?size=100").then()
                .statusCode(200).body(entry, org.hamcrest.Matchers.hasItem(plan.toString()));

        // patient-service hands the patient over from tara to theo
        Map<String, Object> handedOver = new java.util.HashMap<>(Events.contact(patient, "Europe/Berlin",
                Events.NO_QUIET_HOURS, true, true, "ACTIVE"));
        handedOver.put("therapistIds", List.of(DemoUsers.THEO.toString()));
        Events.patientEvent("CareTeamChanged", patient, Events.now(), handedOver);
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(Tokens.accessToken("tara"))
                .get("/api/notifications/adherence?size=100").then().statusCode(200)
                .body(entry, org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem(plan.toString()))));
        given().auth().oauth2(Tokens.accessToken("theo")).get("/api/notifications/adherence?size=100").then()
                .statusCode(200).body(entry, org.hamcrest.Matchers.hasItem(plan.toString()));

        CLOCK.advance(Duration.ofDays(11));
        assertThat(sweep.sweepPlan(plan)).contains(AdherenceLevel.STALLED);
        given().auth().oauth2(Tokens.accessToken("theo")).get("/api/notifications/adherence?size=100").then()
                .statusCode(200).body("items.find { it.planId == '" + plan + "' }.level", equalTo("STALLED"));
        assertThat(therapistNoticesAbout(plan)).isEmpty();
    }

    /** Whatever the sweep might have sent a therapist about the plan (it sends them nothing now). */
    private static List<care.homeprogram.notifications.domain.Notification> therapistNoticesAbout(UUID plan) {
        return Db.read(() -> care.homeprogram.notifications.domain.Notification
                .<care.homeprogram.notifications.domain.Notification>list(
                        "subjectId = ?1 and recipientId in (?2, ?3)", plan, DemoUsers.TARA, DemoUsers.THEO));
    }
}
