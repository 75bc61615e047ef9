package care.homeprogram.notifications;

import static care.homeprogram.testing.DemoUsers.PAT;
import static care.homeprogram.testing.DemoUsers.TARA;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import care.homeprogram.testing.DemoPatients;
import care.homeprogram.testing.DemoUsers;
import care.homeprogram.testing.Mailbox;
import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.TestEvents;
import care.homeprogram.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** notification-service on the real broker, PostgreSQL, SMTP server and Keycloak. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "NOTIFICATIONS"))
class NotificationFlowTest {

    @Test
    void aPlanAssignedDeliveredTwiceGivesOneInboxEntryAndOneEmail() {
        UUID patient = UUID.randomUUID();
        String username = "twice-" + patient.toString().substring(0, 8);
        register(patient, username);
        String assigned = planAssignedEnvelope(patient);
        TestEvents.publishRaw("plan-events", patient.toString(), assigned);
        TestEvents.publishRaw("plan-events", patient.toString(), assigned);

        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertThat(
                Mailbox.messagesFor(DemoUsers.email(username))).hasSize(1));
        // Both copies have been consumed by now (same partition, in order); wait a little longer for any double.
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                Mailbox.messagesFor(DemoUsers.email(username))).hasSize(1));
        Mailbox.Mail mail = Mailbox.messagesFor(DemoUsers.email(username)).get(0);
        assertThat(mail.subject()).isEqualTo("Your new home program is ready");
        assertThat(mail.body()).contains("http://localhost:8080/").doesNotContainIgnoringCase("pain")
                .doesNotContainIgnoringCase("back").doesNotContain(username);
    }

    @Test
    void patSeesTheNewProgramInTheInboxAndOnlyPatCanMarkItRead() {
        DemoPatients.publishRegistrations();
        TestEvents.publishRaw("plan-events", PAT.toString(), planAssignedEnvelope(PAT));

        String pat = Tokens.accessToken("pat");
        String notificationId = await().atMost(Duration.ofMinutes(2)).until(() -> {
            JsonPath inbox = given().auth().oauth2(pat).get("/api/notifications").then().statusCode(200)
                    .extract().jsonPath();
            List<String> titles = inbox.getList("items.title");
            return titles.contains("Your new home program is ready") ? inbox.getString("items[0].id") : null;
        }, id -> id != null);

        long unread = unread(pat);
        assertThat(unread).as("the count is the inbox's unread messages").isEqualTo(unreadListed(pat)).isPositive();
        long samsUnread = unread(Tokens.accessToken("sam"));

        given().auth().oauth2(Tokens.accessToken("sam")).post("/api/notifications/" + notificationId + "/read")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.accessToken("sam")).get("/api/notifications").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.not(hasItem(notificationId)));
        given().auth().oauth2(pat).post("/api/notifications/" + notificationId + "/read")
                .then().statusCode(200).body("readAt", notNullValue());
        assertThat(unread(pat)).as("one fewer unread, at once").isEqualTo(unread - 1).isEqualTo(unreadListed(pat));
        assertThat(unread(Tokens.accessToken("sam"))).as("pat's message is not sam's").isEqualTo(samsUnread);
        given().post("/api/notifications/" + notificationId + "/read").then().statusCode(401);
        given().get("/api/notifications").then().statusCode(401);
        given().get("/api/notifications/unread").then().statusCode(401);
    }

    private static long unread(String token) {
        return given().auth().oauth2(token).get("/api/notifications/unread").then().statusCode(200)
                .extract().jsonPath().getLong("unread");
    }

    /** The unread messages of the person's whole inbox, as its pages list them. */
    private static long unreadListed(String token) {
        JsonPath inbox = given().auth().oauth2(token).get("/api/notifications?size=100").then().statusCode(200)
                .extract().jsonPath();
        assertThat(inbox.getInt("total")).as("the whole inbox on one page").isLessThanOrEqualTo(100);
        return inbox.getList("items.readAt").stream().filter(r -> r == null).count();
    }

    @Test
    void anUnknownNotificationIsA404AndABadIdA400() {
        String pat = Tokens.accessToken("pat");
        given().auth().oauth2(pat).post("/api/notifications/" + UUID.randomUUID() + "/read").then().statusCode(404);
        given().auth().oauth2(pat).post("/api/notifications/not-a-uuid/read").then().statusCode(404);
        given().auth().oauth2(pat).get("/api/notifications?size=1000").then().statusCode(400)
                .body("type", equalTo("https://homeprogram.care/problems/validation"));
    }

    @Test
    void aPoisonPlanEventGoesToTheDeadLetterTopicAndLaterEventsStillFlow() {
        TestEvents.publishRaw("plan-events", "poison", "{\"id\": \"not-a-uuid\"}");
        UUID patient = UUID.randomUUID();
        String username = "after-poison-" + patient.toString().substring(0, 8);
        register(patient, username);
        TestEvents.publishRaw("plan-events", patient.toString(), planAssignedEnvelope(patient));

        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertThat(TestEvents.readAll("plan-events-dlq"))
                .anyMatch(e -> e.toString().contains("not-a-uuid")));
        await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> assertThat(
                Mailbox.messagesFor(DemoUsers.email(username))).hasSize(1));
    }

    /** As patient-service registers a patient, without quiet hours: these tests must pass at any time of day. */
    private static void register(UUID patient, String username) {
        TestEvents.publish("patient-events", "PatientRegistered", patient, Map.of(
                "patientId", patient.toString(),
                "therapistIds", List.of(TARA.toString()),
                "email", DemoUsers.email(username),
                "timeZone", "Europe/Berlin",
                "quietHours", Events.NO_QUIET_HOURS,
                "channels", Map.of("email", true, "inApp", true),
                "status", "ACTIVE"));
    }

    private static String planAssignedEnvelope(UUID patient) {
        UUID planId = UUID.randomUUID();
        return "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"PlanAssigned\",\"occurredAt\":\"2026-11-23T10:00:00Z\","
                + "\"version\":1,\"aggregateId\":\"" + planId + "\",\"data\":{\"planId\":\"" + planId
                + "\",\"patientId\":\"" + patient + "\",\"therapistId\":\"" + TARA + "\",\"version\":1,"
                + "\"startDate\":\"2026-11-23\",\"items\":[]}}";
    }

}
