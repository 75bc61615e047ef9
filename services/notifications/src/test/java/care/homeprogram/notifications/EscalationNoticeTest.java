package care.homeprogram.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import care.homeprogram.notifications.domain.Recipient;
import care.homeprogram.testing.Mailbox;
import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * plan-service's AlertEscalated, as a therapist and the clinic's escalation contact live it: the care team of now
 * is told again (urgently for a CRITICAL alert, in their quiet hours too), the contact gets an urgent PHI-free email,
 * a redelivered event tells nobody twice, and an acknowledgement marks every notice of the alert handled.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "NOTIFICATIONS"))
class EscalationNoticeTest {
    private static final Duration WAIT = Duration.ofMinutes(3);

    @Test
    void anUnacknowledgedCriticalAlertReachesTheCareTeamAgainThenTheEscalationContactOnceEach() {
        UUID therapist = UUID.randomUUID();
        UUID patient = UUID.randomUUID();
        UUID alert = UUID.randomUUID();
        TestEvents.publish("patient-events", "TherapistRegistered", therapist, Map.of(
                "therapistId", therapist.toString(), "email", Events.email(therapist), "timeZone", "UTC",
                "channels", Map.of("email", true, "inApp", true), "status", "ACTIVE"));
        await().atMost(WAIT).until(() -> Db.read(() -> Recipient.findById(therapist)) != null);
        String contact = "escalation-" + alert.toString().substring(0, 8) + "@demo.homeprogram.test";

        String careTeamStep = escalated(alert, patient, therapist, "CARE_TEAM", null);
        TestEvents.publishRaw("plan-events", patient.toString(), careTeamStep);
        TestEvents.publishRaw("plan-events", patient.toString(), careTeamStep); // redelivered
        await().atMost(WAIT).untilAsserted(() -> assertThat(Mailbox.messagesFor(Events.email(therapist)))
                .extracting(Mailbox.Mail::subject)
                .containsExactly("Urgent, still unacknowledged: please sign in to HomeProgram now"));

        TestEvents.publishRaw("plan-events", patient.toString(),
                escalated(alert, patient, therapist, "ESCALATION_CONTACT", contact));
        await().atMost(WAIT).untilAsserted(() -> assertThat(Mailbox.messagesFor(contact)).singleElement()
                .satisfies(mail -> {
                    assertThat(mail.subject()).isEqualTo("Escalation: an urgent HomeProgram notice is unacknowledged");
                    assertThat(mail.body()).doesNotContain(patient.toString(), alert.toString());
                }));
        await().atMost(WAIT).until(() -> Mailbox.messagesFor(Events.email(therapist)).size() == 2);

        Events.alertAcknowledged(alert, patient, therapist);
        await().atMost(WAIT).until(() -> Db.read(() -> care.homeprogram.notifications.domain.Notification
                .count("subjectId = ?1 and handledAt is null", alert)) == 0);
        assertThat(Db.read(() -> care.homeprogram.notifications.domain.Notification.count("subjectId", alert)))
                .as("two notices to the therapist, one to the contact").isEqualTo(3);
    }

    @Test
    void anUnknownStepIsDeadLetteredNotGuessed() {
        UUID patient = UUID.randomUUID();
        String event = escalated(UUID.randomUUID(), patient, UUID.randomUUID(), "SOMETHING_NEW", null);
        TestEvents.publishRaw("plan-events", patient.toString(), event);
        await().atMost(WAIT).until(() -> TestEvents.records("plan-events-dlq").stream()
                .anyMatch(r -> patient.toString().equals(r.key())
                        && TestEvents.header(r, "dead-letter-reason").contains("unknown step SOMETHING_NEW")));
    }

    private static String escalated(UUID alert, UUID patient, UUID therapist, String step, String contact) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("alertId", alert.toString());
        data.put("patientId", patient.toString());
        data.put("planId", UUID.randomUUID().toString());
        data.put("severity", "CRITICAL");
        data.put("reasonCode", "RED_FLAG");
        data.put("step", step);
        data.put("therapistIds", List.of(therapist.toString()));
        data.put("escalationContact", contact == null ? null : Map.of("email", contact, "adminRole", "admin"));
        return Events.envelope(UUID.randomUUID(), "AlertEscalated", patient, Events.now(), data);
    }
}
