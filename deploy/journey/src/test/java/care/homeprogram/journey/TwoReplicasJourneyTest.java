package care.homeprogram.journey;

import static care.homeprogram.testing.DemoUsers.SAM;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import care.homeprogram.local.KafkaBroker;
import care.homeprogram.local.Platform;
import care.homeprogram.local.Platform.Replica;
import care.homeprogram.local.Service;
import care.homeprogram.testing.SharedStack;
import care.homeprogram.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;

/**
 * Two replicas each of plan-service and notification-service on the same databases and broker, as two pods of each
 * Deployment run them: every session logged through either plan-service is published once, every alert event is
 * handled once (one notice, one email delivery), every due reminder is sent once, and exactly one
 * notification-service runs the singleton jobs, with the other taking over within seconds when it is killed.
 */
class TwoReplicasJourneyTest {
    private static final int SESSIONS = 200;
    private static final int ALERTS = 300;
    private static final int REMINDERS = 400;

    private final Platform platform = RunningPlatform.get();

    @Test
    void twoReplicasOfEachServiceHandleEveryEventAndReminderOnceAndOneLeadsTheSingletonJobs() throws Exception {
        try (Replica plans2 = platform.startReplica(Service.PLANS);
                Replica notifications2 = platform.startReplica(Service.NOTIFICATIONS)) {
            // Leadership shows in readiness, on each replica's management interface.
            List<String> notificationUrls = List.of(platform.managementUrl(Service.NOTIFICATIONS),
                    notifications2.managementUrl());

            // Exactly one leader, and it stays one.
            await().atMost(Duration.ofSeconds(30)).until(() -> leaders(notificationUrls) == 1);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .until(() -> leaders(notificationUrls) == 1);

            sessionsThroughBothPlanServicesArePublishedOnce(List.of(platform.url(Service.PLANS), plans2.url()));
            alertsAreNoticedOnceByTwoConsumers();
            dueRemindersAreSentOnceByTwoDispatchers();
            leadershipMovesWhenTheLeaderIsKilled(notifications2);
        }
        // Whichever was killed, the platform's own notification-service serves the journeys that follow.
        if (!Platform.answers200(platform.managementUrl(Service.NOTIFICATIONS) + "/q/health/ready")) {
            platform.restart(Service.NOTIFICATIONS);
        }
    }

    private void sessionsThroughBothPlanServicesArePublishedOnce(List<String> planServices) throws Exception {
        String planId = JourneyPlans.assignAcute(platform, "tara", SAM);
        String sam = Tokens.accessToken("sam");
        String itemId = given().baseUri(planServices.get(0)).auth().oauth2(sam).get("/api/plans/" + planId)
                .then().statusCode(200).extract().path("items[0].id");
        Set<String> sessions = new HashSet<>();
        for (int i = 0; i < SESSIONS; i++) {
            sessions.add(given().baseUri(planServices.get(i % 2)).auth().oauth2(sam).contentType(ContentType.JSON)
                    .body("{\"itemId\": \"" + itemId + "\", \"performedAt\": \"" + OffsetDateTime.now().minusMinutes(5)
                            + "\", \"setsDone\": 1, \"repsDone\": 5, \"painBefore\": 1, \"painAfter\": 1,"
                            + " \"symptoms\": []}")
                    .post("/api/plans/" + planId + "/sessions").then().statusCode(201).extract()
                    .<String>path("sessionId"));
        }
        Map<String, Integer> recordsBySession = new HashMap<>();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            recordsBySession.clear();
            for (JsonNode event : JourneyPlans.sessionEvents(planId)) {
                recordsBySession.merge(event.path("data").path("sessionId").asText(), 1, Integer::sum);
            }
            return recordsBySession.keySet().containsAll(sessions);
        });
        assertThat(recordsBySession).as("one SessionLogged record per session, whichever relay sent it")
                .hasSize(SESSIONS).allSatisfy((session, records) -> assertThat(records).isEqualTo(1));
        System.out.printf("[replicas] %d sessions logged through two plan-services: %d SessionLogged records,"
                + " 0 lost, 0 doubled%n", SESSIONS, recordsBySession.values().stream().mapToInt(i -> i).sum());
    }

    private void alertsAreNoticedOnceByTwoConsumers() {
        UUID therapist = UUID.randomUUID();
        List<UUID> alerts = new ArrayList<>();
        try (KafkaProducer<String, String> producer = JourneyPlans.producer()) {
            // In-app and email: the email delivery log shows a doubled handling as a second delivery.
            JourneyPlans.send(producer, "patient-events", therapist, UUID.randomUUID(), "TherapistRegistered",
                    "{\"therapistId\":\"" + therapist
                    + "\",\"email\":\"replicas-" + therapist + "@demo.homeprogram.test\",\"timeZone\":\"UTC\","
                    + "\"quietHours\":{\"start\":\"00:00\",\"end\":\"00:00\"},"
                    + "\"channels\":{\"email\":true,\"inApp\":true},\"status\":\"ACTIVE\"}");
            producer.flush();
            await().atMost(Duration.ofMinutes(1)).until(() -> NotificationsDatabase.count(
                    "SELECT count(*) FROM recipient WHERE id = ?", therapist) == 1);
            for (int i = 0; i < ALERTS; i++) {
                UUID alert = UUID.randomUUID();
                UUID patient = UUID.randomUUID(); // keys spread over every partition, so both consumers take part
                alerts.add(alert);
                JourneyPlans.send(producer, "plan-events", patient, UUID.randomUUID(), "AlertRaised",
                        "{\"alertId\":\"" + alert + "\",\"patientId\":\""
                        + patient + "\",\"planId\":\"" + UUID.randomUUID() + "\",\"therapistIds\":[\"" + therapist
                        + "\"],\"severity\":\"HIGH\",\"reasonCode\":\"PAIN_RED\"}");
            }
            producer.flush();
        }
        await(
                "both notification-services consume plan-events").atMost(Duration.ofMinutes(1))
                .pollInterval(Duration.ofSeconds(1)).until(() -> consumersWithPlanEventPartitions() == 2);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(() -> NotificationsDatabase
                .count("SELECT count(*) FROM notification WHERE recipient_id = ? AND kind = 'ATTENTION_HIGH'",
                        therapist) >= ALERTS);
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> true);
        Set<UUID> subjects = NotificationsDatabase.rows("SELECT subject_id FROM notification WHERE recipient_id = ?"
                + " AND kind = 'ATTENTION_HIGH'", therapist).stream().map(row -> (UUID) row.get(0))
                .collect(Collectors.toSet());
        long notices = NotificationsDatabase.count("SELECT count(*) FROM notification WHERE recipient_id = ?"
                + " AND kind = 'ATTENTION_HIGH'", therapist);
        long emails = NotificationsDatabase.count("SELECT count(*) FROM email_delivery WHERE recipient_id = ?",
                therapist);
        assertThat(subjects).containsExactlyInAnyOrderElementsOf(alerts);
        assertThat(notices).as("one notice per alert").isEqualTo(ALERTS);
        assertThat(emails).as("one email delivery per notice").isEqualTo(ALERTS);
        System.out.printf("[replicas] %d AlertRaised events on 3 partitions, 2 consumers: %d notices, %d email"
                + " deliveries, 0 lost, 0 doubled%n", ALERTS, notices, emails);
    }

    private void dueRemindersAreSentOnceByTwoDispatchers() {
        // sam wants no quiet hours and in-app messages only, so reminders are sent at any time of the test run;
        // his own preferences are put back afterwards for the journeys that follow.
        String sam = Tokens.accessToken("sam");
        String patients = platform.url(Service.PATIENTS);
        String notifications = platform.url(Service.NOTIFICATIONS);
        Map<String, Object> me = given().baseUri(patients).auth().oauth2(sam).get("/api/patients/me")
                .then().statusCode(200).extract().jsonPath().getMap("$");
        Map<String, Object> own = Map.of("timeZone", me.get("timeZone"), "quietHours", me.get("quietHours"),
                "channels", me.get("channels"));
        // Preferences belong to patient-service; notification-service follows its PatientContactChanged.
        given().baseUri(patients).auth().oauth2(sam)
                .contentType(ContentType.JSON).body("{\"timeZone\": \"Etc/UTC\", \"quietHours\": {\"start\": \"00:00\","
                        + " \"end\": \"00:00\"}, \"channels\": {\"email\": false, \"inApp\": true}}")
                .patch("/api/patients/me").then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> "Etc/UTC".equals(given().baseUri(notifications)
                .auth().oauth2(sam).get("/api/notifications/preferences").then().statusCode(200).extract()
                .path("timeZone")));
        try {
            sendDueReminders();
        } finally {
            given().baseUri(patients).auth().oauth2(sam).contentType(ContentType.JSON).body(own)
                    .patch("/api/patients/me").then().statusCode(200);
        }
    }

    private void sendDueReminders() {
        String planId = JourneyPlans.assignAcute(platform, "tara", SAM);
        UUID plan = UUID.fromString(planId);
        await().atMost(Duration.ofMinutes(1)).until(() -> NotificationsDatabase.count(
                "SELECT count(*) FROM plan_schedule WHERE plan_id = ? AND status = 'ACTIVE'", plan) == 1);
        // A backlog of due reminders, as after an outage: the planner makes them for today's slots only, so the
        // journey writes them the way it does (one row per plan, day, slot and kind) to have hundreds at once.
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Timestamp due = Timestamp.from(Instant.now().minusSeconds(60));
        for (int slot = 0; slot < REMINDERS; slot++) {
            NotificationsDatabase.update("INSERT INTO reminder (id, recipient_id, plan_id, local_date, slot, kind,"
                    + " due_at, state, created_at) VALUES (?, ?, ?, ?, ?, 'REMINDER', ?, 'PENDING', now())",
                    UUID.randomUUID(), SAM, plan, today, 1_000 + slot, due);
        }
        String handled = "SELECT count(*) FROM reminder WHERE plan_id = ? AND slot >= 1000 AND state <> 'PENDING'";
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1))
                .until(() -> NotificationsDatabase.count(handled, plan) == REMINDERS);
        long sent = NotificationsDatabase.count("SELECT count(*) FROM reminder WHERE plan_id = ? AND slot >= 1000"
                + " AND state = 'SENT'", plan);
        long messages = NotificationsDatabase.count("SELECT count(*) FROM notification n JOIN reminder r"
                + " ON n.source_event_id = r.id WHERE r.plan_id = ? AND r.slot >= 1000", plan);
        long distinct = NotificationsDatabase.count("SELECT count(DISTINCT r.id) FROM notification n JOIN reminder r"
                + " ON n.source_event_id = r.id WHERE r.plan_id = ? AND r.slot >= 1000", plan);
        assertThat(sent).as("every due reminder sent").isEqualTo(REMINDERS);
        assertThat(messages).as("one message per reminder").isEqualTo(REMINDERS).isEqualTo(distinct);
        System.out.printf("[replicas] %d due reminders, 2 dispatchers: %d sent, %d messages, 0 doubled%n",
                REMINDERS, sent, messages);
    }

    private void leadershipMovesWhenTheLeaderIsKilled(Replica notifications2) {
        String first = platform.managementUrl(Service.NOTIFICATIONS);
        boolean platformsOwnLeads = leads(first);
        Instant killedAt = Instant.now();
        if (platformsOwnLeads) {
            platform.kill(Service.NOTIFICATIONS);
        } else {
            notifications2.kill();
        }
        String survivor = platformsOwnLeads ? notifications2.managementUrl() : first;
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> leads(survivor));
        System.out.printf("[replicas] leader of the singleton jobs killed (SIGKILL): the other replica leads %d ms"
                + " later%n", Duration.between(killedAt, Instant.now()).toMillis());
    }

    private static long leaders(List<String> urls) {
        return urls.stream().filter(TwoReplicasJourneyTest::leads).count();
    }

    /** What the readiness detail (at a management URL) says of its leadership; false when it does not answer. */
    private static boolean leads(String url) {
        try {
            Boolean leader = given().baseUri(url).get("/q/health/ready").then().extract()
                    .path("checks.find { it.name == 'singleton-jobs' }.data.leader");
            return Boolean.TRUE.equals(leader);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static int consumersWithPlanEventPartitions() {
        String topic = RunningPlatform.topicPrefix() + "plan-events";
        // The broker's super user: describing another service's consumer group is an operator's view.
        try (Admin admin = KafkaBroker.admin(SharedStack.coordinates().kafkaBootstrapServers())) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("notification-service"))
                    .describedGroups().get("notification-service").get();
            int members = 0;
            for (MemberDescription member : group.members()) {
                if (member.assignment().topicPartitions().stream().anyMatch(p -> p.topic().equals(topic))) {
                    members++;
                }
            }
            return members;
        } catch (Exception e) {
            throw new IllegalStateException("could not describe notification-service's consumer group", e);
        }
    }
}
