package care.homeprogram.notifications;

import static care.homeprogram.notifications.TestClockProducer.CLOCK;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import care.homeprogram.commons.validation.QuietHours;
import care.homeprogram.notifications.domain.Recipient;
import care.homeprogram.notifications.rest.Preferences;
import care.homeprogram.notifications.service.PreferenceService;
import care.homeprogram.testing.DemoUsers;
import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** GET/PUT /api/notifications/preferences for the signed-in person: validation, opt-out at once, precedence. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "NOTIFICATIONS"))
class PreferencesTest {
    private static final String PROBLEM = "application/problem+json";
    private static final String VALIDATION = "https://homeprogram.care/problems/validation";

    @Inject
    PreferenceService preferences;

    private static String body(String zone, String start, String end, boolean email, boolean inApp) {
        return "{\"timeZone\": \"" + zone + "\", \"quietHours\": {\"start\": \"" + start + "\", \"end\": \"" + end
                + "\"}, \"channels\": {\"email\": " + email + ", \"inApp\": " + inApp + "}}";
    }

    @Test
    void anyoneSignedInReadsAndChangesTheirOwnPreferences() {
        String ada = Tokens.accessToken("ada");
        given().auth().oauth2(ada).get("/api/notifications/preferences").then().statusCode(200)
                .body("quietHours.start", equalTo("21:00")).body("quietHours.end", equalTo("08:00"))
                .body("channels.email", equalTo(true)).body("channels.inApp", equalTo(true));

        given().auth().oauth2(ada).contentType(ContentType.JSON)
                .body(body("America/New_York", "22:30", "07:00", false, true))
                .put("/api/notifications/preferences").then().statusCode(200)
                .body("timeZone", equalTo("America/New_York")).body("quietHours.start", equalTo("22:30"));
        given().auth().oauth2(ada).get("/api/notifications/preferences").then().statusCode(200)
                .body("timeZone", equalTo("America/New_York"))
                .body("quietHours.start", equalTo("22:30")).body("quietHours.end", equalTo("07:00"))
                .body("channels.email", equalTo(false)).body("channels.inApp", equalTo(true));
        // Another person's preferences are their own.
        given().auth().oauth2(Tokens.accessToken("polly")).get("/api/notifications/preferences").then()
                .statusCode(200).body("timeZone", org.hamcrest.Matchers.not(equalTo("America/New_York")));
    }

    @Test
    void badZonesTimesAndShapesAreProblemsAndNoTokenIs401() {
        String ada = Tokens.accessToken("ada");
        for (String bad : List.of(body("Mars/Olympus_Mons", "21:00", "08:00", true, true),
                body("+02:00", "21:00", "08:00", true, true))) {
            given().auth().oauth2(ada).contentType(ContentType.JSON).body(bad)
                    .put("/api/notifications/preferences").then().statusCode(400).contentType(PROBLEM)
                    .body("type", equalTo(VALIDATION)).body("errors.field", hasItem(
                            org.hamcrest.Matchers.containsString("timeZone")));
        }
        given().auth().oauth2(ada).contentType(ContentType.JSON).body(body("Europe/Berlin", "25:00", "08:00", true,
                true)).put("/api/notifications/preferences").then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo(VALIDATION))
                .body("errors.field", hasItem(org.hamcrest.Matchers.containsString("start")));
        given().auth().oauth2(ada).contentType(ContentType.JSON).body("{\"timeZone\": \"Europe/Berlin\"}")
                .put("/api/notifications/preferences").then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo(VALIDATION));
        given().auth().oauth2(ada).contentType(ContentType.JSON).body("{not json")
                .put("/api/notifications/preferences").then().statusCode(400).contentType(PROBLEM);
        given().get("/api/notifications/preferences").then().statusCode(401);
        given().contentType(ContentType.JSON).body(body("Europe/Berlin", "21:00", "08:00", true, true))
                .put("/api/notifications/preferences").then().statusCode(401);
    }

    @Test
    void optingOutOfEmailSkipsTheEmailsNotSentYetAtOnce() {
        String tara = Tokens.accessToken("tara");
        // Quiet hours around now, so a LOW notice's email waits: it is pending when tara opts out.
        OffsetDateTime now = OffsetDateTime.now(CLOCK).withOffsetSameInstant(ZoneOffset.UTC);
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        String start = now.minusHours(1).format(hhmm);
        String end = now.plusHours(1).format(hhmm);
        given().auth().oauth2(tara).contentType(ContentType.JSON).body(body("Etc/UTC", start, end, true, true))
                .put("/api/notifications/preferences").then().statusCode(200);

        UUID alert = UUID.randomUUID();
        Events.alertRaised(alert, UUID.randomUUID(), List.of(DemoUsers.TARA), "LOW");
        String notification = await().atMost(Duration.ofMinutes(3)).until(() -> given().auth().oauth2(tara)
                .get("/api/notifications?size=100").then().statusCode(200).extract().jsonPath()
                .getString("items.find { it.subjectId == '" + alert + "' }.id"), id -> id != null);
        String path = "items.find { it.notificationId == '" + notification + "' }.state";
        await().atMost(Duration.ofMinutes(3)).until(() -> "PENDING".equals(given().auth().oauth2(tara)
                .get("/api/notifications/deliveries?size=100").then().extract().jsonPath().getString(path)));

        given().auth().oauth2(tara).contentType(ContentType.JSON).body(body("Etc/UTC", start, end, false, true))
                .put("/api/notifications/preferences").then().statusCode(200).body("channels.email", equalTo(false));
        given().auth().oauth2(tara).get("/api/notifications/deliveries?size=100").then().statusCode(200)
                .body(path, equalTo("SKIPPED"))
                .body("items.find { it.notificationId == '" + notification + "' }.lastError",
                        equalTo("email opted out"));
    }

    @Test
    void theLatestChangeWinsBetweenThePersonsOwnEditAndPatientServicesAnnouncement() {
        UUID patient = UUID.randomUUID();
        Map<String, Object> berlin = Events.contact(patient, "Europe/Berlin", Events.NO_QUIET_HOURS, true, true,
                "ACTIVE");
        Events.patientEvent("PatientRegistered", patient, Events.now().minusHours(1), berlin);
        await().atMost(Duration.ofMinutes(3)).until(() -> recipient(patient) != null);

        preferences.update(patient, "patient", new Preferences("America/Chicago", new QuietHours("22:00", "07:00"),
                new Preferences.Channels(true, true)));

        // An announcement older than the edit keeps the edit, but its new address is taken.
        Map<String, Object> older = new java.util.HashMap<>(Events.contact(patient, "Asia/Tokyo",
                Events.NO_QUIET_HOURS, true, true, "ACTIVE"));
        older.put("email", "moved-" + patient + "@demo.homeprogram.test");
        Events.patientEvent("PatientContactChanged", patient, Events.now().minusMinutes(30), older);
        await().atMost(Duration.ofMinutes(3)).until(() -> recipient(patient).email.startsWith("moved-"));
        assertThat(recipient(patient).timeZone).isEqualTo("America/Chicago");
        assertThat(recipient(patient).quietStart).isEqualTo("22:00");

        // A newer one wins.
        Events.patientEvent("PatientContactChanged", patient, Events.now().plusMinutes(1), Events.contact(patient,
                "Asia/Tokyo", Events.NO_QUIET_HOURS, true, true, "ACTIVE"));
        await().atMost(Duration.ofMinutes(3)).until(() -> recipient(patient).timeZone.equals("Asia/Tokyo"));
        assertThat(recipient(patient).quietStart).isEqualTo("00:00");
    }

    private static Recipient recipient(UUID id) {
        return Db.read(() -> Recipient.findById(id));
    }
}
