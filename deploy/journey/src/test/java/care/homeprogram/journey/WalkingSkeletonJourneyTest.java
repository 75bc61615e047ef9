package care.homeprogram.journey;

import static care.homeprogram.testing.DemoUsers.PAT;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import care.homeprogram.local.Platform;
import care.homeprogram.local.Service;
import care.homeprogram.testing.DemoUsers;
import care.homeprogram.testing.Mailbox;
import care.homeprogram.testing.Tokens;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The thin journey of the walking skeleton, through the public contract, with real tokens, the real broker,
 * real PostgreSQL and the real SMTP server: tara assigns the back-spasm template to pat; pat is told in the app
 * and by a PHI-free email, reads the plan; sam cannot; nobody without a token can.
 */
class WalkingSkeletonJourneyTest {
    private final Platform platform = RunningPlatform.get();

    @Test
    void taraAssignsTheBackSpasmProgramAndPatIsToldAndCanReadIt() {
        String tara = Tokens.accessToken("tara");
        String plans = platform.url(Service.PLANS);
        String subject = "Your new home program is ready";
        long mailsBefore = programMails(subject).size();

        String templateId = given().baseUri(plans).auth().oauth2(tara).get("/api/templates")
                .then().statusCode(200)
                .extract().path("items.find { it.slug == 'acute-back-spasm-4-weeks' }.id");
        // patient-service's demo care teams reach plan-service as events, a moment after start-up.
        await().atMost(Duration.ofSeconds(60)).until(() -> given().baseUri(plans).auth().oauth2(tara)
                .get("/api/plans?patientId=" + PAT).statusCode() == 200);

        // Nothing but emergencies is sent in quiet hours (docs/notifications.md): pat wants none, so that this
        // journey passes whatever the time of day. Preferences belong to patient-service; notification-service
        // follows its PatientContactChanged.
        given().baseUri(platform.url(Service.PATIENTS)).auth().oauth2(Tokens.accessToken("pat"))
                .contentType(ContentType.JSON).body("{\"timeZone\": \"Europe/Berlin\", \"quietHours\": {\"start\": "
                        + "\"00:00\", \"end\": \"00:00\"}, \"channels\": {\"email\": true, \"inApp\": true}}")
                .patch("/api/patients/me").then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given()
                .baseUri(platform.url(Service.NOTIFICATIONS)).auth().oauth2(Tokens.accessToken("pat"))
                .get("/api/notifications/preferences").then().statusCode(200)
                .body("quietHours.start", equalTo("00:00")).body("quietHours.end", equalTo("00:00")));

        String planId = given().baseUri(plans).auth().oauth2(tara).contentType(ContentType.JSON)
                .body("{\"patientId\": \"" + PAT + "\", \"templateId\": \"" + templateId + "\"}")
                .when().post("/api/plans")
                .then().statusCode(201).body("status", equalTo("ACTIVE"))
                .extract().path("id");

        String pat = Tokens.accessToken("pat");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given()
                .baseUri(platform.url(Service.NOTIFICATIONS)).auth().oauth2(pat)
                .get("/api/notifications").then().statusCode(200)
                .body("items.title", hasItem("Your new home program is ready")));
        // Other journeys also write to pat (reminders, their own plans): count this kind of mail, at least one more.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat((long) programMails(subject).size())
                .isGreaterThan(mailsBefore));
        List<Mailbox.Mail> mails = programMails(subject);
        Mailbox.Mail mail = mails.get(mails.size() - 1);
        assertThat(mail.body()).contains(platform.url(Service.PORTAL))
                .doesNotContainIgnoringCase("spasm").doesNotContainIgnoringCase("pain").doesNotContain("Morgan");

        given().baseUri(plans).auth().oauth2(pat).get("/api/plans/mine")
                .then().statusCode(200).body("items.id", hasItem(planId));
        given().baseUri(plans).auth().oauth2(Tokens.accessToken("sam")).get("/api/plans/" + planId)
                .then().statusCode(404);
        given().baseUri(plans).get("/api/plans/" + planId).then().statusCode(401);
    }

    private static List<Mailbox.Mail> programMails(String subject) {
        return Mailbox.messagesFor(DemoUsers.email("pat")).stream().filter(m -> subject.equals(m.subject())).toList();
    }

    /**
     * Health, metrics and OpenAPI are on each service's management interface; its public port (what the ingress
     * routes) answers 404 for all of /q (issue #12, finding 10).
     */
    @Test
    void everyServiceReportsHealthAndPublishesItsOpenApiOnItsManagementInterfaceOnly() {
        for (Service service : Service.values()) {
            given().baseUri(platform.managementUrl(service)).get("/q/health/ready").then().statusCode(200);
            given().baseUri(platform.managementUrl(service)).get("/q/metrics").then().statusCode(200);
            for (String path : List.of("/q/health/ready", "/q/health", "/q/metrics", "/q/openapi")) {
                assertThat(given().baseUri(platform.url(service)).redirects().follow(false).get(path).statusCode())
                        .as("%s public %s", service, path).isEqualTo(404);
            }
        }
        for (Service service : List.of(Service.PATIENTS, Service.PLANS, Service.NOTIFICATIONS)) {
            given().baseUri(platform.managementUrl(service)).get("/q/openapi?format=json").then().statusCode(200)
                    .body("openapi", org.hamcrest.Matchers.startsWith("3."));
        }
    }
}
