package care.homeprogram.notifications;

import static care.homeprogram.notifications.TestClockProducer.CLOCK;
import static care.homeprogram.testing.DemoUsers.PAT;
import static care.homeprogram.testing.DemoUsers.SAM;
import static care.homeprogram.testing.DemoUsers.TARA;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import care.homeprogram.notifications.PushServicePeer.Browser;
import care.homeprogram.notifications.PushServicePeer.Received;
import care.homeprogram.notifications.domain.PushDelivery;
import care.homeprogram.notifications.domain.Recipient;
import care.homeprogram.notifications.service.MessageTemplate;
import care.homeprogram.notifications.service.NotificationService;
import care.homeprogram.notifications.service.PushDispatcher;
import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.TestEvents;
import care.homeprogram.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
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
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Web Push against a push service started by the test that speaks the real protocol ({@link PushServicePeer}): it
 * verifies each request's VAPID JWT with the key the API hands out and decrypts the aes128gcm payload with the
 * keys of the browser the test plays. PHI-free texts, once per message whatever the redeliveries, retried after a
 * 503, nothing in quiet hours but urgent notices, nothing late, nothing after opting out, and a 410 removes the
 * subscription. On the real broker and PostgreSQL, with time moved by the test clock.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "NOTIFICATIONS"))
class WebPushTest {
    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Inject
    PushDispatcher pushes;

    @Inject
    NotificationService notifications;

    @Test
    void aPatientsMessagesArePushedSignedAndEncryptedOnceAndA410RemovesTheSubscription() throws Exception {
        try (PushServicePeer peer = new PushServicePeer(CLOCK::instant)) {
            Events.patientEvent("PatientRegistered", PAT, Events.now(),
                    Events.contact(PAT, "Europe/Berlin", Events.NO_QUIET_HOURS, true, true, "ACTIVE"));
            await().atMost(WAIT).until(() -> Db.read(() -> Recipient.findById(PAT)) != null);
            String pat = Tokens.accessToken("pat");
            String vapidKey = given().auth().oauth2(pat).get("/api/notifications/push/key").then().statusCode(200)
                    .extract().path("publicKey");
            Browser phone = peer.subscribe();
            String subscriptionId = subscribe(pat, phone);
            assertThat(subscribe(pat, phone)).as("the same browser again is the same subscription")
                    .isEqualTo(subscriptionId);

            // A new plan, its PlanAssigned delivered twice (a broker redelivery): one push.
            UUID plan = UUID.randomUUID();
            UUID assigned = UUID.randomUUID();
            LocalDate today = LocalDate.now(CLOCK.withZone(BERLIN));
            String envelope = Events.envelope(assigned, "PlanAssigned", plan, Events.now(),
                    Events.schedule(plan, PAT, 1, today, "ACTIVE", List.of(Events.item(UUID.randomUUID(), 1))));
            TestEvents.publishRaw("plan-events", plan.toString(), envelope);
            TestEvents.publishRaw("plan-events", plan.toString(), envelope);
            UUID after = Events.planChanged(plan, PAT, 2, today, "ACTIVE", List.of(Events.item(UUID.randomUUID(), 1)));
            await().atMost(WAIT).until(() -> Db.processed(after));
            dispatchUntil(() -> peer.receivedBy(phone).size() == 1);
            pushes.dispatchBatch();
            assertThat(peer.receivedBy(phone)).singleElement().satisfies(push -> {
                assertAccepted(push, vapidKey);
                assertThat(push.payload().path("title").asText()).isEqualTo("HomeProgram");
                assertThat(push.payload().path("body").asText()).isEqualTo("You have a new message");
                assertThat(push.payload().path("url").asText()).startsWith("http");
                assertThat(push.payload().size()).as("nothing but title, text and link").isEqualTo(3);
                assertThat(push.header("Urgency")).isEqualTo("normal");
                assertThat(Long.parseLong(push.header("TTL"))).isBetween(86400L - 120, 86400L);
                assertThat(push.header("Topic")).matches("[A-Za-z0-9_-]{22}");
            });
            assertThat(pushesTo(subscriptionId)).singleElement().satisfies(d -> {
                assertThat(d.state).isEqualTo(PushDelivery.State.SENT);
                assertThat(d.attempts).isEqualTo(1);
            });

            // A reminder (as the reminder dispatcher creates it): the push service is busy at first (503), the
            // retry gets through.
            peer.answerNext(phone, 503);
            QuarkusTransaction.requiringNew().run(() -> notifications.notify(PAT, MessageTemplate.REMINDER,
                    UUID.randomUUID(), plan));
            dispatchUntil(() -> peer.receivedBy(phone).size() == 2);
            assertThat(peer.receivedBy(phone).get(1).answered()).isEqualTo(503);
            CLOCK.advance(Duration.ofSeconds(5));
            dispatchUntil(() -> peer.receivedBy(phone).size() == 3);
            Received remindedPush = peer.receivedBy(phone).get(2);
            assertAccepted(remindedPush, vapidKey);
            assertThat(remindedPush.payload().path("body").asText()).isEqualTo("Your program for today is ready");
            assertThat(Long.parseLong(remindedPush.header("TTL"))).isBetween(3 * 3600L - 120, 3 * 3600L);
            assertThat(pushesTo(subscriptionId)).hasSize(2).last().satisfies(d -> {
                assertThat(d.state).isEqualTo(PushDelivery.State.SENT);
                assertThat(d.attempts).as("every attempt counted").isEqualTo(2);
            });

            // The person's delivery log lists the pushes with the emails: channel PUSH, state, attempts, and of the
            // device only its push service's host, never its endpoint (the device's secret address).
            String log = given().auth().oauth2(pat).get("/api/notifications/deliveries?size=100").then()
                    .statusCode(200).extract().asString();
            assertThat(log).doesNotContain(phone.endpoint()).doesNotContain(phone.endpoint().replace("/", "\\/"));
            assertThat(pushLog(pat)).containsExactlyInAnyOrder("SENT/1/localhost/You have a new message",
                    "SENT/2/localhost/Your program for today is ready");
            assertDeliveryLogPagesAcrossChannels(pat);

            // The browser dropped the subscription: the push service answers 410 and it is removed here too.
            peer.answerNext(phone, 410);
            UUID another = UUID.randomUUID();
            UUID anotherAssigned = Events.planAssigned(another, PAT, today, List.of());
            await().atMost(WAIT).until(() -> Db.processed(anotherAssigned));
            dispatchUntil(() -> peer.receivedBy(phone).size() == 4);
            assertThat(pushesTo(subscriptionId)).hasSize(3).last().satisfies(d -> {
                assertThat(d.state).isEqualTo(PushDelivery.State.SKIPPED);
                assertThat(d.lastError).isEqualTo("subscription expired (410)");
            });
            assertThat(given().auth().oauth2(pat).get("/api/notifications/push/subscriptions").then()
                    .statusCode(200).extract().jsonPath().getList("id")).doesNotContain(subscriptionId);
            assertThat(pushLog(pat)).as("a removed device has no push service to name any more")
                    .containsExactlyInAnyOrder("SENT/1/null/You have a new message",
                            "SENT/2/null/Your program for today is ready", "SKIPPED/1/null/You have a new message");
            UUID third = UUID.randomUUID();
            UUID thirdAssigned = Events.planAssigned(third, PAT, today, List.of());
            await().atMost(WAIT).until(() -> Db.processed(thirdAssigned));
            pushes.dispatchBatch();
            assertThat(pushesTo(subscriptionId)).hasSize(3);
            assertThat(peer.receivedBy(phone)).hasSize(4);
            given().auth().oauth2(pat).delete("/api/notifications/push/subscriptions/" + subscriptionId).then()
                    .statusCode(404);
        }
    }

    @Test
    void nothingIsPushedInQuietHoursButUrgentNoticesNothingLateAndNothingAfterOptingOut() throws Exception {
        try (PushServicePeer peer = new PushServicePeer(CLOCK::instant)) {
            // Quiet hours from an hour ago to four hours from now, for tara and for sam.
            LocalTime local = LocalTime.now(CLOCK.withZone(BERLIN)).withSecond(0).withNano(0);
            DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
            Map<String, String> quiet = Map.of("start", local.minusHours(1).format(hhmm),
                    "end", local.plusHours(4).format(hhmm));
            Map<String, Object> therapist = new LinkedHashMap<>();
            therapist.put("therapistId", TARA.toString());
            therapist.put("email", Events.email(TARA));
            therapist.put("timeZone", "Europe/Berlin");
            therapist.put("quietHours", quiet);
            therapist.put("channels", Map.of("email", true, "inApp", true));
            therapist.put("status", "ACTIVE");
            Events.publish("patient-events", "TherapistRegistered", TARA, Events.now(), therapist);
            Events.patientEvent("PatientRegistered", SAM, Events.now(),
                    Events.contact(SAM, "Europe/Berlin", quiet, true, true, "ACTIVE"));
            await().atMost(WAIT).until(() -> Db.read(() -> {
                Recipient tara = Recipient.findById(TARA);
                Recipient sam = Recipient.findById(SAM);
                return tara != null && sam != null && quiet.get("end").equals(tara.quietEnd)
                        && quiet.get("end").equals(sam.quietEnd);
            }));
            String tara = Tokens.accessToken("tara");
            String vapidKey = given().auth().oauth2(tara).get("/api/notifications/push/key").then().statusCode(200)
                    .extract().path("publicKey");
            Browser taraPhone = peer.subscribe();
            String taraSubscription = subscribe(tara, taraPhone);
            Browser samPhone = peer.subscribe();
            String samSubscription = subscribe(Tokens.accessToken("sam"), samPhone);

            // A HIGH alert waits for the end of quiet hours; a CRITICAL one is pushed at once, marked urgent.
            UUID high = Events.alertRaised(UUID.randomUUID(), SAM, List.of(TARA), "HIGH");
            await().atMost(WAIT).until(() -> Db.processed(high));
            UUID critical = Events.alertRaised(UUID.randomUUID(), SAM, List.of(TARA), "CRITICAL");
            await().atMost(WAIT).until(() -> Db.processed(critical));
            dispatchUntil(() -> peer.receivedBy(taraPhone).size() == 1);
            assertThat(peer.receivedBy(taraPhone)).singleElement().satisfies(push -> {
                assertAccepted(push, vapidKey);
                assertThat(push.payload().path("body").asText()).isEqualTo("A patient needs your attention");
                assertThat(push.header("Urgency")).isEqualTo("high");
            });

            // A reminder for sam in sam's quiet hours is held back, and is too late (TTL 3 h) when they end.
            QuarkusTransaction.requiringNew().run(() -> notifications.notify(SAM, MessageTemplate.REMINDER,
                    UUID.randomUUID(), null));
            pushes.dispatchBatch();
            assertThat(pushesTo(samSubscription)).singleElement().satisfies(d -> {
                assertThat(d.state).isEqualTo(PushDelivery.State.PENDING);
                assertThat(d.lastError).isEqualTo("waiting for the end of quiet hours");
                assertThat(d.nextAttemptAt).isAfter(OffsetDateTime.now(CLOCK).plusHours(3));
            });

            // When quiet hours end the HIGH notice goes out; sam's reminder is too late by then and is not sent.
            CLOCK.advance(Duration.ofHours(4).plusMinutes(1));
            dispatchUntil(() -> peer.receivedBy(taraPhone).size() == 2);
            assertThat(peer.receivedBy(taraPhone)).allSatisfy(push -> assertAccepted(push, vapidKey));
            assertThat(pushesTo(taraSubscription)).hasSize(2)
                    .allSatisfy(d -> assertThat(d.state).isEqualTo(PushDelivery.State.SENT));
            assertThat(pushesTo(samSubscription)).singleElement().satisfies(d -> {
                assertThat(d.state).isEqualTo(PushDelivery.State.SKIPPED);
                assertThat(d.lastError).isEqualTo("too late: its time to live has passed");
            });
            assertThat(peer.receivedBy(samPhone)).isEmpty();

            // Opted out: the alert pending in quiet hours is skipped; a later one queues nothing.
            given().auth().oauth2(tara).delete("/api/notifications/push/subscriptions/" + taraSubscription).then()
                    .statusCode(204);
            UUID later = Events.alertRaised(UUID.randomUUID(), SAM, List.of(TARA), "CRITICAL");
            await().atMost(WAIT).until(() -> Db.processed(later));
            pushes.dispatchBatch();
            assertThat(pushesTo(taraSubscription)).hasSize(2);
            assertThat(peer.receivedBy(taraPhone)).hasSize(2);
        }
    }

    @Test
    void aPendingPushIsSkippedWhenItsPhoneIsOptedOut() throws Exception {
        try (PushServicePeer peer = new PushServicePeer(CLOCK::instant)) {
            String pat = Tokens.accessToken("pat");
            Events.patientEvent("PatientContactChanged", PAT, Events.now(),
                    Events.contact(PAT, "Europe/Berlin", Events.NO_QUIET_HOURS, true, true, "ACTIVE"));
            await().atMost(WAIT).until(() -> Db.read(() -> Recipient.findById(PAT)) != null);
            Browser tablet = peer.subscribe();
            String subscription = subscribe(pat, tablet);
            UUID source = UUID.randomUUID();
            QuarkusTransaction.requiringNew().run(() -> notifications.notify(PAT, MessageTemplate.INACTIVE_NUDGE,
                    source, null));
            given().auth().oauth2(pat).delete("/api/notifications/push/subscriptions/" + subscription).then()
                    .statusCode(204);
            pushes.dispatchBatch();
            assertThat(pushesTo(subscription)).singleElement().satisfies(d -> {
                        assertThat(d.state).isEqualTo(PushDelivery.State.SKIPPED);
                        assertThat(d.lastError).isEqualTo("unsubscribed");
                    });
            assertThat(peer.receivedBy(tablet)).isEmpty();
        }
    }

    /** The push entries of the person's delivery log as state/attempts/push service/text. */
    private static List<String> pushLog(String token) {
        List<Map<String, Object>> items = given().auth().oauth2(token).get("/api/notifications/deliveries?size=100")
                .then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().filter(item -> "PUSH".equals(item.get("channel")))
                .map(item -> item.get("state") + "/" + item.get("attempts") + "/" + item.get("pushService") + "/"
                        + item.get("subject"))
                .toList();
    }

    /** One page at a time through both channels: every entry once, newest first, the total of both. */
    private static void assertDeliveryLogPagesAcrossChannels(String token) {
        io.restassured.path.json.JsonPath all = given().auth().oauth2(token)
                .get("/api/notifications/deliveries?size=100").then().statusCode(200).extract().jsonPath();
        List<String> ids = all.getList("items.id");
        assertThat(all.getLong("total")).isEqualTo(ids.size());
        assertThat(all.getList("items.channel", String.class)).as("both channels in one log").contains("PUSH", "EMAIL");
        List<String> paged = new java.util.ArrayList<>();
        for (int page = 0; page < ids.size(); page++) {
            List<String> one = given().auth().oauth2(token).get("/api/notifications/deliveries?size=1&page=" + page)
                    .then().statusCode(200).body("total", org.hamcrest.Matchers.equalTo(ids.size()))
                    .extract().jsonPath().getList("items.id");
            paged.addAll(one);
        }
        assertThat(paged).isEqualTo(ids);
        List<String> createdAt = all.getList("items.createdAt");
        assertThat(createdAt).isSortedAccordingTo(java.util.Comparator.comparing(OffsetDateTime::parse,
                java.util.Comparator.reverseOrder()));
    }

    private static List<PushDelivery> pushesTo(String subscriptionId) {
        return Db.read(() -> PushDelivery.<PushDelivery>list("subscriptionId = ?1 order by createdAt, id",
                UUID.fromString(subscriptionId)));
    }

    private static String subscribe(String token, Browser browser) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(browser.subscriptionJson())
                .post("/api/notifications/push/subscriptions").then().statusCode(201).extract().path("id");
    }

    /** The push service accepted it: VAPID verified with the key the API hands out, the payload decrypted. */
    private static void assertAccepted(Received push, String vapidKey) {
        assertThat(push.refusal()).isNull();
        assertThat(push.answered()).isIn(201, 503, 410);
        assertThat(push.header("Authorization")).endsWith(", k=" + vapidKey);
        assertThat(push.header("Content-Encoding")).isEqualTo("aes128gcm");
        assertThat(push.payload().toString()).doesNotContain("pain", "Pat", "Sam", "knee", "exercise");
    }

    private void dispatchUntil(BooleanSupplier done) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).until(() -> {
            pushes.dispatchBatch();
            return done.getAsBoolean();
        });
    }
}
