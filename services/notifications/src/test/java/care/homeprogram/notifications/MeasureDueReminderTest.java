package care.homeprogram.notifications;

import static care.homeprogram.notifications.TestClockProducer.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import care.homeprogram.notifications.domain.EmailDelivery;
import care.homeprogram.notifications.domain.Notification;
import care.homeprogram.notifications.domain.Recipient;
import care.homeprogram.notifications.service.EmailDispatcher;
import care.homeprogram.notifications.service.MessageTemplate;
import care.homeprogram.testing.Mailbox;
import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The reminder for a due questionnaire (docs/notifications.md): plan-service's MeasureDue, on the real broker, gives
 * the patient one PHI-free message, however often the event is delivered or the occasion announced; their channel
 * opt-outs and quiet hours hold it like any other message.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "NOTIFICATIONS"))
class MeasureDueReminderTest {
    private static final Duration WAIT = Duration.ofMinutes(2);
    private static final String KIND = MessageTemplate.MEASURE_DUE.name();

    @Inject
    EmailDispatcher emails;

    @Test
    void aDueQuestionnaireGivesThePatientOneReminderWhateverTheRedeliveries() {
        UUID patient = UUID.randomUUID();
        Events.registerPatient(patient, "Europe/Berlin");
        await().atMost(WAIT).until(() -> recipient(patient) != null);
        UUID plan = UUID.randomUUID();
        UUID schedule = UUID.randomUUID();

        // The same event delivered twice, and the same occasion announced again under a new event id.
        UUID eventId = UUID.randomUUID();
        String intake = measureDue(eventId, patient, plan, schedule, "INTAKE");
        TestEvents.publishRaw("plan-events", plan.toString(), intake);
        TestEvents.publishRaw("plan-events", plan.toString(), intake);
        UUID again = UUID.randomUUID();
        TestEvents.publishRaw("plan-events", plan.toString(), measureDue(again, patient, plan, schedule, "INTAKE"));
        await().atMost(WAIT).until(() -> Db.processed(eventId) && Db.processed(again));

        List<Notification> reminders = Db.notifications(patient, KIND);
        assertThat(reminders).singleElement().satisfies(n -> {
            assertThat(n.title).isEqualTo("You have a short questionnaire to fill in");
            assertThat(n.body).isEqualTo("Your therapist would like to hear how you are doing. It only takes a few "
                    + "minutes.");
            assertThat(n.inApp).isTrue();
            assertThat(n.severity).isNull();
            assertThat(n.subjectId).isEqualTo(schedule);
        });
        await().atMost(WAIT).untilAsserted(() -> assertThat(Mailbox.messagesFor(Events.email(patient)))
                .singleElement().satisfies(mail -> {
                    assertThat(mail.subject()).isEqualTo("You have a short questionnaire to fill in");
                    assertThat(mail.body()).contains("You have a short questionnaire to fill in.")
                            .contains("no health details").doesNotContainIgnoringCase("psfs")
                            .doesNotContainIgnoringCase("score").doesNotContainIgnoringCase("pain");
                }));

        // The next occasion of the same measure is a new reminder.
        UUID week = UUID.randomUUID();
        TestEvents.publishRaw("plan-events", plan.toString(), measureDue(week, patient, plan, schedule, "WEEK_2"));
        await().atMost(WAIT).until(() -> Db.processed(week));
        assertThat(Db.notifications(patient, KIND)).hasSize(2);
        await().atMost(WAIT).untilAsserted(() -> assertThat(Mailbox.messagesFor(Events.email(patient))).hasSize(2));
    }

    @Test
    void anEmailOptOutGivesTheReminderInTheAppOnlyAndQuietHoursHoldItsEmail() {
        OffsetDateTime now = OffsetDateTime.now(CLOCK).withOffsetSameInstant(ZoneOffset.UTC);
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        Map<String, String> quietNow = Map.of("start", now.minusHours(1).format(hhmm),
                "end", now.plusHours(1).format(hhmm));
        UUID optedOut = UUID.randomUUID();
        Events.patientEvent("PatientRegistered", optedOut, Events.now(),
                Events.contact(optedOut, "Etc/UTC", Events.NO_QUIET_HOURS, false, true, "ACTIVE"));
        UUID sleeping = UUID.randomUUID();
        Events.patientEvent("PatientRegistered", sleeping, Events.now(),
                Events.contact(sleeping, "Etc/UTC", quietNow, true, true, "ACTIVE"));
        await().atMost(WAIT).until(() -> recipient(optedOut) != null && recipient(sleeping) != null);

        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID plan = UUID.randomUUID();
        TestEvents.publishRaw("plan-events", plan.toString(),
                measureDue(first, optedOut, plan, UUID.randomUUID(), "DISCHARGE"));
        UUID otherPlan = UUID.randomUUID();
        TestEvents.publishRaw("plan-events", otherPlan.toString(),
                measureDue(second, sleeping, otherPlan, UUID.randomUUID(), "INTAKE"));
        await().atMost(WAIT).until(() -> Db.processed(first) && Db.processed(second));

        assertThat(Db.notifications(optedOut, KIND)).singleElement().satisfies(n -> assertThat(n.inApp).isTrue());
        assertThat(Db.emails(optedOut)).as("no email for a patient who opted out of email").isEmpty();

        assertThat(Db.notifications(sleeping, KIND)).hasSize(1);
        emails.dispatchBatch();
        assertThat(Db.emails(sleeping)).singleElement().satisfies(held -> {
            assertThat(held.state).as("held in quiet hours").isEqualTo(EmailDelivery.State.PENDING);
            assertThat(held.sentAt).isNull();
        });
    }

    /** MeasureDue as plan-service's outbox writes it (docs/events.md). */
    private static String measureDue(UUID id, UUID patient, UUID plan, UUID schedule, String occasion) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("patientId", patient.toString());
        data.put("planId", plan.toString());
        data.put("scheduleId", schedule.toString());
        data.put("occasion", occasion);
        data.put("dueFrom", LocalDate.now(CLOCK).toString());
        return Events.envelope(id, "MeasureDue", plan, Events.now(), data);
    }

    private static Recipient recipient(UUID id) {
        return Db.read(() -> Recipient.findById(id));
    }
}
