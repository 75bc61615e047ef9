package care.homeprogram.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import care.homeprogram.local.Platform;
import care.homeprogram.local.Service;
import care.homeprogram.testing.DemoUsers;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

/**
 * Exactly-once effect across a crash: notification-service is killed (SIGKILL) in the middle of a burst of 1,000
 * PlanAssigned events and started again; every event becomes exactly one notification, none lost, none doubled.
 */
class NotificationCrashJourneyTest {
    private static final int EVENTS = 1_000;
    private static final String COUNT =
            "SELECT count(*) FROM notification WHERE recipient_id = ? AND kind = 'PLAN_ASSIGNED'";

    private final Platform platform = RunningPlatform.get();

    @Test
    void killedInTheMiddleOfABurstOfAThousandEventsItEndsWithExactlyAThousandNotifications() throws Exception {
        UUID patient = UUID.randomUUID();
        List<UUID> eventIds = new ArrayList<>();
        try (KafkaProducer<String, String> producer = JourneyPlans.producer()) {
            // Email off: the burst is about the exactly-once inbox, not about filling the shared mail server.
            JourneyPlans.send(producer, "patient-events", patient, UUID.randomUUID(), "PatientRegistered",
                    "{\"patientId\":\"" + patient + "\",\"therapistIds\":[\"" + DemoUsers.TARA + "\"],"
                            + "\"email\":\"" + DemoUsers.email("burst-" + patient.toString().substring(0, 8)) + "\","
                            + "\"timeZone\":\"Europe/Berlin\",\"quietHours\":{\"start\":\"21:00\",\"end\":\"08:00\"},"
                            + "\"channels\":{\"email\":false,\"inApp\":true},\"status\":\"ACTIVE\"}");
            producer.flush();
            await().atMost(Duration.ofMinutes(2)).until(() -> NotificationsDatabase.count(
                    "SELECT count(*) FROM recipient WHERE id = ?", patient) == 1);

            for (int i = 0; i < EVENTS / 2; i++) {
                eventIds.add(planAssigned(producer, patient));
            }
            producer.flush();
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                    .until(() -> NotificationsDatabase.count(COUNT, patient) >= 20);
            platform.kill(Service.NOTIFICATIONS);
            long atTheCrash = NotificationsDatabase.count(COUNT, patient);
            System.out.printf("notification-service killed with %d of %d notifications made%n", atTheCrash, EVENTS);

            for (int i = EVENTS / 2; i < EVENTS; i++) {
                eventIds.add(planAssigned(producer, patient));
            }
            producer.flush();
            assertThat(atTheCrash).as("killed in the middle of the burst").isBetween(20L, (long) EVENTS / 2);

            platform.restart(Service.NOTIFICATIONS);
        }
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                .until(() -> NotificationsDatabase.count(COUNT, patient) >= EVENTS);
        // Redeliveries after the restart keep arriving for a moment: none of them may add anything.
        await().pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(30))
                .until(() -> NotificationsDatabase.count(COUNT, patient) == EVENTS);

        Set<UUID> sources = new HashSet<>();
        for (List<Object> row : NotificationsDatabase.rows("SELECT source_event_id FROM notification "
                + "WHERE recipient_id = ? AND kind = 'PLAN_ASSIGNED'", patient)) {
            sources.add((UUID) row.get(0));
        }
        assertThat(sources).hasSize(EVENTS).containsExactlyInAnyOrderElementsOf(eventIds);
        assertThat(NotificationsDatabase.count("SELECT count(*) FROM processed_message WHERE message_id IN "
                + "(SELECT source_event_id FROM notification WHERE recipient_id = ?)", patient)).isEqualTo(EVENTS);
    }

    private static UUID planAssigned(KafkaProducer<String, String> producer, UUID patient) {
        UUID plan = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        JourneyPlans.send(producer, "plan-events", plan, id, "PlanAssigned", "{\"planId\":\"" + plan + "\",\"patientId\":\""
                + patient + "\",\"therapistId\":\"" + DemoUsers.TARA + "\",\"version\":1,\"startDate\":\""
                + OffsetDateTime.now().toLocalDate() + "\",\"status\":\"ACTIVE\",\"reason\":\"assigned\","
                + "\"items\":[]}");
        return id;
    }
}
