package care.homeprogram.notifications;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import care.homeprogram.commons.events.DeadLetters;
import care.homeprogram.notifications.domain.Notification;
import care.homeprogram.notifications.domain.Recipient;
import care.homeprogram.notifications.events.PlanEventsConsumer;
import care.homeprogram.testing.DatabaseOutage;
import care.homeprogram.testing.ManagementInterface;
import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.TestEvents;
import care.homeprogram.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * No safety signal is lost or doubled on the way from plan-service's events to a therapist's notice: a database
 * outage is waited out (not dead-lettered), a message that can never be processed is dead-lettered with its reason
 * and original coordinates, and an admin's replay delivers a dead-lettered message once, however often it is run.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "NOTIFICATIONS"))
class DeliveryThroughFaultsTest {
    private static final Duration WAIT = Duration.ofMinutes(4);
    private static final int BURST = 200;
    private static final Duration OUTAGE = Duration.ofSeconds(30);

    @Test
    void aThirtySecondDatabaseOutageDuringABurstOfTwoHundredAlertsLosesAndDoublesNoNotice() {
        UUID therapist = UUID.randomUUID();
        UUID patient = UUID.randomUUID();
        Events.registerTherapist(therapist, "UTC");
        await().atMost(WAIT).until(() -> Db.read(() -> Recipient.findById(therapist)) != null);
        List<UUID> alerts = new ArrayList<>();
        List<Map.Entry<String, String>> burst = new ArrayList<>();
        for (int i = 0; i < BURST; i++) {
            UUID alert = UUID.randomUUID();
            alerts.add(alert);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("alertId", alert.toString());
            data.put("patientId", patient.toString());
            data.put("planId", UUID.randomUUID().toString());
            data.put("therapistIds", List.of(therapist.toString()));
            data.put("severity", "HIGH");
            data.put("reasonCode", "PAIN_RED");
            burst.add(Map.entry(patient.toString(),
                    Events.envelope(UUID.randomUUID(), "AlertRaised", patient, Events.now(), data)));
        }

        DatabaseOutage outage = DatabaseOutage.of(
                ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class));
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        Instant outageEnds = Instant.now().plus(OUTAGE);
        scheduler.schedule(outage::close, OUTAGE.toMillis(), TimeUnit.MILLISECONDS);
        try {
            TestEvents.publishBurst("plan-events", burst);
            await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> Db.read(() -> Notification.count("recipientId", therapist)) >= BURST);
        } finally {
            outage.close();
            scheduler.shutdownNow();
        }
        Duration recovered = Duration.between(outageEnds, Instant.now());

        // Give a late duplicate the time to show up before counting.
        await().pollDelay(Duration.ofSeconds(3)).atMost(WAIT).until(() -> true);
        List<Notification> notices = Db.notifications(therapist, "ATTENTION_HIGH");
        assertThat(notices).as("one notice per alert").hasSize(BURST);
        assertThat(notices.stream().map(n -> n.subjectId).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(alerts);
        Set<String> ours = alerts.stream().map(UUID::toString).collect(Collectors.toSet());
        assertThat(TestEvents.records("plan-events-dlq")).as("dead-lettered alerts of the burst")
                .noneMatch(r -> ours.stream().anyMatch(r.value()::contains));
        assertThat(retries()).as("the consumer met the outage and waited it out").isPositive();
        assertThat(ManagementInterface.given().get("/q/metrics").then().statusCode(200).extract().asString())
                .as("consumer lag, for the operators' alert rules").contains("kafka_consumer_fetch_manager_records_lag");
        System.out.printf("[chaos] database outage of %d s during a burst of %d AlertRaised: %d notices, %d distinct,"
                + " 0 dead-lettered, all present %d ms after the database came back%n", OUTAGE.toSeconds(), BURST,
                notices.size(), notices.stream().map(n -> n.subjectId).distinct().count(), recovered.toMillis());
    }

    @Test
    void messagesThatCanNeverBeProcessedAreDeadLetteredWithTheirReasonAndTheQueueMovesOn() {
        UUID patient = UUID.randomUUID();
        UUID therapist = UUID.randomUUID();
        TestEvents.publishRaw("plan-events", patient.toString(), "{this is not an event");
        UUID newerVersion = UUID.randomUUID();
        TestEvents.publishRaw("plan-events", patient.toString(), Events.envelope(newerVersion, "AlertRaised", patient,
                Events.now(), Map.of("alertId", UUID.randomUUID().toString())).replace("\"version\":1",
                        "\"version\":7"));
        UUID after = Events.alertRaised(UUID.randomUUID(), patient, List.of(therapist), "HIGH");
        await().atMost(WAIT).until(() -> Db.processed(after));

        List<ConsumerRecord<String, String>> dead = await().atMost(WAIT)
                .until(() -> TestEvents.records("plan-events-dlq").stream()
                        .filter(r -> patient.toString().equals(r.key())).toList(), l -> l.size() == 2);
        assertThat(dead).allSatisfy(r -> {
            assertThat(TestEvents.header(r, DeadLetters.CONSUMER)).isEqualTo(PlanEventsConsumer.CONSUMER);
            assertThat(TestEvents.header(r, DeadLetters.TOPIC)).isEqualTo(RealInfrastructure.topicPrefix()
                    + "plan-events");
            assertThat(TestEvents.header(r, DeadLetters.PARTITION)).isNotNull();
            assertThat(TestEvents.header(r, DeadLetters.OFFSET)).isNotNull();
        });
        assertThat(TestEvents.header(dead.get(0), DeadLetters.REASON)).startsWith("not an event envelope");
        assertThat(TestEvents.header(dead.get(1), DeadLetters.REASON)).contains("has version 7");
        assertThat(Db.processed(newerVersion)).isFalse();
    }

    /**
     * plan-service's SessionCorrected and SessionWithdrawn (docs/events.md) are nothing notification-service acts on
     * yet: consumed and skipped, never dead-lettered as if they were poison.
     */
    @Test
    void sessionCorrectionsAndWithdrawalsAreSkippedNotDeadLettered() {
        UUID patient = UUID.randomUUID();
        UUID corrected = Events.publish("plan-events", "SessionCorrected", patient, Events.now(),
                sessionChange(patient, "correctedAt"));
        UUID withdrawn = Events.publish("plan-events", "SessionWithdrawn", patient, Events.now(),
                sessionChange(patient, "withdrawnAt"));
        // Same key, same partition: once the alert after them is processed, so were they (or dead-lettered).
        UUID after = Events.alertRaised(UUID.randomUUID(), patient, List.of(UUID.randomUUID()), "HIGH");

        await().atMost(WAIT).until(() -> Db.processed(after));
        assertThat(Db.processed(corrected)).isTrue();
        assertThat(Db.processed(withdrawn)).isTrue();
        assertThat(TestEvents.records("plan-events-dlq")).noneMatch(r -> patient.toString().equals(r.key()));
    }

    /** The data of plan-service's SessionCorrected / SessionWithdrawn, with the time of the change under {@code at}. */
    private static Map<String, Object> sessionChange(UUID patient, String at) {
        return Map.of("sessionId", UUID.randomUUID().toString(), "planId", UUID.randomUUID().toString(),
                "patientId", patient.toString(), "itemId", UUID.randomUUID().toString(),
                "performedAt", Events.now().minusHours(1).toString(), at, Events.now().toString());
    }

    @Test
    void anAdminReplaysADeadLetteredAlertOnceAfterTheFixAndOnlyAnAdminMay() {
        UUID therapist = UUID.randomUUID();
        UUID patient = UUID.randomUUID();
        UUID alert = UUID.randomUUID();
        Events.registerTherapist(therapist, "UTC");
        await().atMost(WAIT).until(() -> Db.read(() -> Recipient.findById(therapist)) != null);
        // An AlertRaised that an earlier, faulty version of this consumer could not process and dead-lettered; the
        // fixed consumer (this one) can.
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("alertId", alert.toString());
        data.put("patientId", patient.toString());
        data.put("therapistIds", List.of(therapist.toString()));
        data.put("severity", "CRITICAL");
        data.put("reasonCode", "RED_FLAG");
        UUID eventId = UUID.randomUUID();
        TestEvents.publishWithHeaders("plan-events-dlq", patient.toString(),
                Events.envelope(eventId, "AlertRaised", patient, Events.now(), data), Map.of(
                        DeadLetters.CONSUMER, PlanEventsConsumer.CONSUMER,
                        DeadLetters.REASON, "rejected by consumer version 0.9 (fixed since)",
                        DeadLetters.TOPIC, RealInfrastructure.topicPrefix() + "plan-events",
                        DeadLetters.PARTITION, "0", DeadLetters.OFFSET, "41"));

        given().auth().oauth2(Tokens.accessToken("tara")).get("/api/notifications/dead-letters").then()
                .statusCode(403);
        given().get("/api/notifications/dead-letters").then().statusCode(401);
        String admin = Tokens.accessToken("ada");
        given().auth().oauth2(admin).get("/api/notifications/dead-letters").then().statusCode(200)
                .body("items.find { it.eventId == '" + eventId + "' }.reason",
                        equalTo("rejected by consumer version 0.9 (fixed since)"))
                .body("items.find { it.eventId == '" + eventId + "' }.originalOffset", equalTo(41));

        given().auth().oauth2(admin).post("/api/notifications/dead-letters/replay").then().statusCode(200);
        await().atMost(WAIT).until(() -> Db.notifications(therapist, "ATTENTION_CRITICAL").size() == 1);
        given().auth().oauth2(admin).get("/api/notifications/dead-letters").then().statusCode(200)
                .body("items.findAll { it.eventId == '" + eventId + "' }.size()", equalTo(0));

        // A second replay (or the same message dead-lettered and replayed twice) changes nothing.
        TestEvents.publishRaw("plan-events", patient.toString(),
                Events.envelope(eventId, "AlertRaised", patient, Events.now(), data));
        given().auth().oauth2(admin).post("/api/notifications/dead-letters/replay").then().statusCode(200);
        UUID marker = Events.alertRaised(UUID.randomUUID(), patient, List.of(therapist), "LOW");
        await().atMost(WAIT).until(() -> Db.processed(marker));
        assertThat(Db.notifications(therapist, "ATTENTION_CRITICAL")).hasSize(1);
    }

    private static double retries() {
        String metrics = ManagementInterface.given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("homeprogram_events_retries_total")
                && l.contains(PlanEventsConsumer.CONSUMER)).mapToDouble(l -> Double.parseDouble(
                        l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
