package care.homeprogram.journey;

import static care.homeprogram.testing.DemoUsers.SAM;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import care.homeprogram.local.Platform;
import care.homeprogram.local.Service;
import care.homeprogram.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * plan-service's real events reach notification-service: an assigned plan is projected for reminders, a session is
 * counted for adherence, a red pain score becomes a notice in the therapist's inbox, and acknowledging the alert
 * marks that notice handled.
 */
class TherapistNoticeJourneyTest {
    private final Platform platform = RunningPlatform.get();

    @Test
    void aRedSessionOfSamBecomesANoticeForTaraThatHerAcknowledgementMarksHandled() {
        String tara = Tokens.accessToken("tara");
        String plans = platform.url(Service.PLANS);
        String notifications = platform.url(Service.NOTIFICATIONS);
        String templateId = given().baseUri(plans).auth().oauth2(tara).get("/api/templates")
                .then().statusCode(200)
                .extract().path("items.find { it.slug == 'acute-back-spasm-4-weeks' }.id");
        await().atMost(Duration.ofSeconds(60)).until(() -> given().baseUri(plans).auth().oauth2(tara)
                .get("/api/plans?patientId=" + SAM).statusCode() == 200);
        JsonPath plan = given().baseUri(plans).auth().oauth2(tara).contentType(ContentType.JSON)
                .body("{\"patientId\": \"" + SAM + "\", \"templateId\": \"" + templateId
                        + "\", \"intakeSignOff\": true}")
                .post("/api/plans").then().statusCode(201).extract().jsonPath();
        UUID planId = UUID.fromString(plan.getString("id"));
        List<String> items = plan.getList("items.id");

        // The schedule is projected with every item, ready for reminders in sam's zone.
        await().atMost(Duration.ofSeconds(60)).until(() -> NotificationsDatabase.count(
                "SELECT count(*) FROM plan_schedule_item WHERE plan_id = ? AND state = 'ACTIVE'", planId)
                == items.size());
        assertThat(NotificationsDatabase.count("SELECT count(*) FROM plan_schedule WHERE plan_id = ? "
                + "AND status = 'ACTIVE'", planId)).isEqualTo(1);

        String sam = Tokens.accessToken("sam");
        given().baseUri(plans).auth().oauth2(sam).contentType(ContentType.JSON)
                .body("{\"itemId\": \"" + items.get(0) + "\", \"performedAt\": \"" + OffsetDateTime.now()
                        + "\", \"setsDone\": 1, \"repsDone\": 5, \"painBefore\": 3, \"painAfter\": 8}")
                .post("/api/plans/" + planId + "/sessions").then().statusCode(201);
        String alertId = await().atMost(Duration.ofSeconds(60)).until(() -> given().baseUri(plans).auth()
                .oauth2(tara).get("/api/alerts?status=open").then().statusCode(200).extract().jsonPath()
                .getString("items.find { it.planId == '" + planId + "' }.id"), id -> id != null);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().baseUri(notifications).auth()
                .oauth2(tara).get("/api/notifications?size=100").then().statusCode(200)
                .body("items.find { it.subjectId == '" + alertId + "' }.severity", notNullValue()));
        // The session counts for adherence, and the paused item no longer reminds.
        await().atMost(Duration.ofSeconds(60)).until(() -> NotificationsDatabase.count(
                "SELECT count(*) FROM session_activity WHERE plan_id = ?", planId) == 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> NotificationsDatabase.count(
                "SELECT count(*) FROM plan_schedule_item WHERE plan_id = ? AND item_id = ? AND state = 'PAUSED'",
                planId, UUID.fromString(items.get(0))) == 1);

        given().baseUri(plans).auth().oauth2(tara).post("/api/alerts/" + alertId + "/acknowledge")
                .then().statusCode(200).body("status", equalTo("ACKNOWLEDGED"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().baseUri(notifications).auth()
                .oauth2(tara).get("/api/notifications?size=100").then().statusCode(200)
                .body("items.find { it.subjectId == '" + alertId + "' }.handledAt", notNullValue()));
    }
}
