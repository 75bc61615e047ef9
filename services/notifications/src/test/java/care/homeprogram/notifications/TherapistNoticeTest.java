package care.homeprogram.notifications;

import static care.homeprogram.notifications.TestClockProducer.CLOCK;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import care.homeprogram.notifications.domain.EmailDelivery;
import care.homeprogram.notifications.domain.Notification;
import care.homeprogram.notifications.domain.Recipient;
import care.homeprogram.notifications.service.EmailDispatcher;
import care.homeprogram.testing.DemoUsers;
import care.homeprogram.testing.Mailbox;
import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Therapist notices from plan-service's AlertRaised, in-app and by PHI-free email: CRITICAL at once even in quiet
 * hours, the rest after them; an acknowledgement marks them handled; an address that never arrives ends in a
 * visible FAILED delivery.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "NOTIFICATIONS"))
class TherapistNoticeTest {
    private static final Duration WAIT = Duration.ofMinutes(3);

    @Inject
    EmailDispatcher emails;

    /** A fixed-offset zone in which it is about two in the morning now, so now is inside 21:00–08:00. */
    private static String zoneWhereItIsNight() {
        int utcHour = OffsetDateTime.now(CLOCK).withOffsetSameInstant(ZoneOffset.UTC).getHour();
        int offset = Math.floorMod(2 - utcHour, 24);
        if (offset > 12) {
            offset -= 24;
        }
        // Etc/GMT zones have the sign the other way round: Etc/GMT-5 is five hours ahead of UTC.
        String zone = offset == 0 ? "Etc/GMT" : "Etc/GMT" + (offset > 0 ? "-" : "+") + Math.abs(offset);
        assertThat(OffsetDateTime.now(CLOCK).atZoneSameInstant(ZoneId.of(zone)).getHour()).isEqualTo(2);
        return zone;
    }

    @Test
    void aCriticalNoticeGoesOutAtOnceInQuietHoursAndALowOneWaitsUntilAcknowledgedSkipsIt() {
        UUID therapist = UUID.randomUUID();
        UUID patient = UUID.randomUUID();
        Events.registerTherapist(therapist, zoneWhereItIsNight());
        await().atMost(WAIT).until(() -> Db.read(() -> Recipient.findById(therapist)) != null);

        UUID critical = UUID.randomUUID();
        Events.alertRaised(critical, patient, List.of(therapist), "CRITICAL");
        await().atMost(WAIT).untilAsserted(() -> assertThat(Mailbox.messagesFor(Events.email(therapist)))
                .extracting(Mailbox.Mail::subject).containsExactly("Urgent: please sign in to HomeProgram now"));
        assertThat(Db.notifications(therapist, "ATTENTION_CRITICAL")).singleElement().satisfies(n -> {
            assertThat(n.severity).isEqualTo("CRITICAL");
            assertThat(n.subjectId).isEqualTo(critical);
            assertThat(n.inApp).isTrue();
        });

        UUID low = UUID.randomUUID();
        Events.alertRaised(low, patient, List.of(therapist), "LOW");
        await().atMost(WAIT).until(() -> Db.emails(therapist).stream().anyMatch(e -> e.subject.equals(
                "An update is waiting for you in HomeProgram") && "waiting for the end of quiet hours".equals(
                        e.lastError)));
        EmailDelivery waiting = Db.emails(therapist).stream().filter(e -> !e.urgent).findFirst().orElseThrow();
        assertThat(waiting.state).isEqualTo(EmailDelivery.State.PENDING);
        assertThat(waiting.attempts).isZero();
        assertThat(waiting.nextAttemptAt.toInstant()).isAfter(OffsetDateTime.now(CLOCK).toInstant());
        assertThat(Db.notifications(therapist, "ATTENTION_LOW")).singleElement()
                .satisfies(n -> assertThat(n.severity).isEqualTo("LOW"));

        Events.alertAcknowledged(low, patient, therapist);
        await().atMost(WAIT).until(() -> Db.read(() -> EmailDelivery.<EmailDelivery>findById(waiting.id)).state
                == EmailDelivery.State.SKIPPED);
        assertThat(Db.notifications(therapist, "ATTENTION_LOW")).singleElement()
                .satisfies(n -> assertThat(n.handledAt).isNotNull());
        assertThat(Db.notifications(therapist, "ATTENTION_CRITICAL")).singleElement()
                .satisfies(n -> assertThat(n.handledAt).isNull());
        assertThat(Mailbox.messagesFor(Events.email(therapist))).hasSize(1);
    }

    @Test
    void aNoticeForEveryTherapistOfTheAlertOnceEvenWhenTheEventComesTwice() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID alert = UUID.randomUUID();
        UUID patient = UUID.randomUUID();
        String envelope = Events.envelope(UUID.randomUUID(), "AlertRaised", patient, Events.now(), java.util.Map.of(
                "alertId", alert.toString(), "patientId", patient.toString(), "planId", UUID.randomUUID().toString(),
                "therapistIds", List.of(first.toString(), second.toString(), first.toString()),
                "severity", "HIGH", "reasonCode", "STOP_RULE"));
        care.homeprogram.testing.TestEvents.publishRaw("plan-events", patient.toString(), envelope);
        care.homeprogram.testing.TestEvents.publishRaw("plan-events", patient.toString(), envelope);
        await().atMost(WAIT).until(() -> Db.notifications(second, "ATTENTION_HIGH").size() == 1);
        await().pollDelay(Duration.ofSeconds(2)).atMost(WAIT).until(() -> Db.read(() -> Notification.count(
                "subjectId", alert)) == 2);
    }

    @Test
    void aTherapistNotKnownYetSeesTheNoticeInAppAndTheEmailEndsVisiblyFailed() {
        UUID alert = UUID.randomUUID();
        Events.alertRaised(alert, UUID.randomUUID(), List.of(DemoUsers.THEO), "HIGH");
        String theo = Tokens.accessToken("theo");
        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(theo).get("/api/notifications")
                .then().statusCode(200)
                .body("items.subjectId", hasItem(alert.toString()))
                .body("items.find { it.subjectId == '" + alert + "' }.title",
                        equalTo("A patient in your care needs your attention today"))
                .body("items.find { it.subjectId == '" + alert + "' }.severity", equalTo("HIGH")));

        // Its address never arrives: every attempt fails until the last, with backoff; time moves instead of waiting.
        UUID notification = Db.notifications(DemoUsers.THEO, "ATTENTION_HIGH").stream()
                .filter(n -> alert.equals(n.subjectId)).findFirst().orElseThrow().id;
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200)).until(() -> {
            CLOCK.advance(Duration.ofMinutes(6));
            emails.dispatchBatch();
            return delivery(notification).state == EmailDelivery.State.FAILED;
        });
        JsonPath log = given().auth().oauth2(theo).get("/api/notifications/deliveries?size=100").then()
                .statusCode(200).extract().jsonPath();
        String path = "items.find { it.notificationId == '" + notification + "' }";
        assertThat(log.getString(path + ".state")).isEqualTo("FAILED");
        assertThat(log.getInt(path + ".attempts")).isEqualTo(8);
        assertThat(log.getString(path + ".lastError")).isEqualTo("recipient address not known yet");
        assertThat(log.getString(path + ".channel")).isEqualTo("EMAIL");
        // Nobody else sees theo's delivery log.
        given().auth().oauth2(Tokens.accessToken("tara")).get("/api/notifications/deliveries?size=100").then()
                .statusCode(200).body("items.notificationId", org.hamcrest.Matchers.not(hasItem(
                        notification.toString())));
    }

    private static EmailDelivery delivery(UUID notification) {
        return Db.read(() -> EmailDelivery.<EmailDelivery>find("notificationId", notification).firstResult());
    }
}
