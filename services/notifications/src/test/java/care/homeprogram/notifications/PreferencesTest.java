package care.homeprogram.notifications;

import static care.homeprogram.notifications.TestClockProducer.CLOCK;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import care.homeprogram.notifications.domain.EmailDelivery;
import care.homeprogram.notifications.domain.Recipient;
import care.homeprogram.notifications.domain.Reminder;
import care.homeprogram.notifications.service.EmailDispatcher;
import care.homeprogram.testing.Tokens;
import care.homeprogram.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * One owner for contact preferences: patient-service. This service only projects them from the patient-events it
 * consumes (a patient's PatientContactChanged, a therapist's TherapistContactChanged) and honours them; its own
 * preferences endpoint is read-only and a write answers 405 (docs/api.md).
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "NOTIFICATIONS"))
class PreferencesTest {
    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Inject
    EmailDispatcher emails;

    @Test
    void theOldWriteAnswers405AndChangesNothingWhileReadsStillWork() {
        String ada = Tokens.accessToken("ada");
        given().auth().oauth2(ada).contentType(ContentType.JSON)
                .body("{\"timeZone\": \"America/New_York\", \"quietHours\": {\"start\": \"22:30\", \"end\": \"07:00\"},"
                        + " \"channels\": {\"email\": false, \"inApp\": true}}")
                .put("/api/notifications/preferences").then().statusCode(405);
        given().auth().oauth2(ada).get("/api/notifications/preferences").then().statusCode(200)
                .body("timeZone", org.hamcrest.Matchers.not(equalTo("America/New_York")))
                .body("channels.email", equalTo(true));
        given().get("/api/notifications/preferences").then().statusCode(401);
    }

    @Test
    void aPatientsQuietHoursAnnouncedByPatientServiceHoldTheirReminders() {
        UUID patient = UUID.randomUUID();
        UUID plan = UUID.randomUUID();
        Map<String, Object> contact = Events.contact(patient, "Europe/Berlin", Events.NO_QUIET_HOURS, true, true,
                "ACTIVE");
        Events.patientEvent("PatientRegistered", patient, Events.now(), contact);
        await().atMost(WAIT).until(() -> recipient(patient) != null);
        LocalDate start = LocalDate.now(CLOCK.withZone(BERLIN));
        Events.planAssigned(plan, patient, start, List.of(Events.item(UUID.randomUUID(), 1)));
        LocalDate tomorrow = start.plusDays(1);
        await().atMost(WAIT).untilAsserted(() -> assertThat(reminderTimes(plan, tomorrow))
                .containsExactly(LocalTime.of(9, 0)));

        // The patient sets quiet hours over the morning in patient-service (PATCH /api/patients/me): its
        // PatientContactChanged is the only way they reach this service, and the reminder waits for their end.
        Map<String, Object> quietMornings = new HashMap<>(contact);
        quietMornings.put("quietHours", Map.of("start", "07:00", "end", "10:30"));
        Events.patientEvent("PatientContactChanged", patient, Events.now(), quietMornings);
        await().atMost(WAIT).untilAsserted(() -> assertThat(reminderTimes(plan, tomorrow))
                .containsExactly(LocalTime.of(10, 30)));
        assertThat(recipient(patient).quietStart).isEqualTo("07:00");
        assertThat(recipient(patient).quietEnd).isEqualTo("10:30");
    }

    @Test
    void aTherapistsQuietHoursAndEmailOptOutAnnouncedByPatientServiceAreHonoured() {
        UUID therapist = UUID.randomUUID();
        Events.registerTherapist(therapist, "Etc/UTC");
        await().atMost(WAIT).until(() -> recipient(therapist) != null);

        // Quiet hours around now, set in patient-service (PATCH /api/therapists/me): a LOW notice's email waits.
        OffsetDateTime now = OffsetDateTime.now(CLOCK).withOffsetSameInstant(ZoneOffset.UTC);
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        String start = now.minusHours(1).format(hhmm);
        String end = now.plusHours(1).format(hhmm);
        therapistContactChanged(therapist, Map.of("start", start, "end", end), true);
        await().atMost(WAIT).until(() -> start.equals(recipient(therapist).quietStart));

        UUID alert = UUID.randomUUID();
        Events.alertRaised(alert, UUID.randomUUID(), List.of(therapist), "LOW");
        await().atMost(WAIT).until(() -> Db.emails(therapist).size() == 1);
        emails.dispatchBatch();
        EmailDelivery held = Db.emails(therapist).getFirst();
        assertThat(held.state).as("held in quiet hours").isEqualTo(EmailDelivery.State.PENDING);
        assertThat(held.sentAt).isNull();

        // Opting out of email in patient-service skips what was not sent yet, once the event arrives.
        therapistContactChanged(therapist, Map.of("start", start, "end", end), false);
        await().atMost(WAIT).until(() -> Db.emails(therapist).getFirst().state == EmailDelivery.State.SKIPPED);
        assertThat(Db.emails(therapist).getFirst().lastError).isEqualTo("email opted out");
        assertThat(recipient(therapist).emailEnabled).isFalse();
    }

    @Test
    void anOlderAnnouncementNeverOverwritesANewerOne() {
        UUID patient = UUID.randomUUID();
        Events.patientEvent("PatientRegistered", patient, Events.now(), Events.contact(patient, "America/Chicago",
                Map.of("start", "22:00", "end", "07:00"), true, true, "ACTIVE"));
        await().atMost(WAIT).until(() -> recipient(patient) != null);

        UUID older = Events.publish("patient-events", "PatientContactChanged", patient,
                Events.now().minusMinutes(30), Events.contact(patient, "Asia/Tokyo", Events.NO_QUIET_HOURS, true,
                        true, "ACTIVE"));
        await().atMost(WAIT).until(() -> Db.processed(older));
        assertThat(recipient(patient).timeZone).isEqualTo("America/Chicago");
        assertThat(recipient(patient).quietStart).isEqualTo("22:00");

        Events.patientEvent("PatientContactChanged", patient, Events.now().plusMinutes(1), Events.contact(patient,
                "Asia/Tokyo", Events.NO_QUIET_HOURS, true, true, "ACTIVE"));
        await().atMost(WAIT).until(() -> recipient(patient).timeZone.equals("Asia/Tokyo"));
        assertThat(recipient(patient).quietStart).isEqualTo("00:00");
    }

    /** A therapist's TherapistContactChanged, shaped as patient-service publishes it (docs/events.md). */
    private static void therapistContactChanged(UUID therapist, Map<String, String> quietHours, boolean email) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("therapistId", therapist.toString());
        data.put("email", Events.email(therapist));
        data.put("timeZone", "Etc/UTC");
        data.put("channels", Map.of("email", email, "inApp", true));
        data.put("status", "ACTIVE");
        data.put("quietHours", quietHours);
        Events.publish("patient-events", "TherapistContactChanged", therapist, Events.now(), data);
    }

    private static List<LocalTime> reminderTimes(UUID plan, LocalDate day) {
        return Db.remindersOn(plan, day).stream().filter(r -> r.kind == Reminder.Kind.REMINDER)
                .map(r -> r.dueAt.atZoneSameInstant(BERLIN).toLocalTime()).toList();
    }

    private static Recipient recipient(UUID id) {
        return Db.read(() -> Recipient.findById(id));
    }
}
