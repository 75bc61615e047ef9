package care.homeprogram.patients;

import static care.homeprogram.testing.DemoUsers.PAT;
import static care.homeprogram.testing.DemoUsers.POLLY;
import static care.homeprogram.testing.DemoUsers.SAM;
import static care.homeprogram.testing.DemoUsers.THEO;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.TestEvents;
import care.homeprogram.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** patient-service against real Keycloak tokens, real PostgreSQL and the real broker. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PATIENTS"))
class PatientApiTest {

    @Test
    void aPatientReadsTheirOwnRecordWithTimeZoneAndPreferences() {
        given().auth().oauth2(Tokens.accessToken("pat"))
                .when().get("/api/patients/me")
                .then().statusCode(200)
                .body("id", equalTo(PAT.toString()))
                .body("timeZone", equalTo("Europe/Berlin"))
                .body("quietHours.start", equalTo("21:00"))
                .body("channels.email", equalTo(true));
    }

    @Test
    void anotherPatientGets404ForPatsRecord() {
        given().auth().oauth2(Tokens.accessToken("sam"))
                .when().get("/api/patients/" + PAT)
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://homeprogram.care/problems/not-found"));
    }

    @Test
    void theirTherapistSeesThePatientAndAForeignTherapistGets404() {
        given().auth().oauth2(Tokens.accessToken("tara"))
                .when().get("/api/patients/" + PAT)
                .then().statusCode(200).body("username", equalTo("pat"));
        given().auth().oauth2(Tokens.accessToken("theo"))
                .when().get("/api/patients/" + PAT)
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anAdminMayNotOpenAPatientRecord() {
        given().auth().oauth2(Tokens.accessToken("ada"))
                .when().get("/api/patients/" + PAT)
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void withoutATokenEverythingIs401() {
        given().when().get("/api/patients/" + PAT).then().statusCode(401);
        given().when().get("/api/patients").then().statusCode(401);
        given().when().get("/api/patients/me").then().statusCode(401);
    }

    @Test
    void aTherapistListsOnlyTheirOwnPatients() {
        given().auth().oauth2(Tokens.accessToken("tara"))
                .when().get("/api/patients")
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.id", containsInAnyOrder(PAT.toString(), SAM.toString()))
                .body("items.id", not(hasItem(POLLY.toString())));
    }

    @Test
    void anAdminListsAccountsWithoutClinicalOrContactData() {
        given().auth().oauth2(Tokens.accessToken("ada"))
                .when().get("/api/patients")
                .then().statusCode(200)
                .body("total", greaterThanOrEqualTo(3))
                .body("items[0].birthDate", nullValue())
                .body("items[0].email", nullValue())
                .body("items[0].timeZone", nullValue());
    }

    @Test
    void aPatientMayNotListPatients() {
        given().auth().oauth2(Tokens.accessToken("pat"))
                .when().get("/api/patients")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void anOversizedPageIsAClear400() {
        given().auth().oauth2(Tokens.accessToken("tara"))
                .when().get("/api/patients?size=500")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://homeprogram.care/problems/validation"));
    }

    @Test
    void aBadTimeZoneIsRefusedNamingTheField() {
        given().auth().oauth2(Tokens.accessToken("sam")).contentType(ContentType.JSON)
                .body("{\"timeZone\": \"Mars/Olympus\"}")
                .when().patch("/api/patients/me")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("timeZone"));
    }

    @Test
    void aMalformedBodyIsA400ProblemNotA500() {
        given().auth().oauth2(Tokens.accessToken("sam")).contentType(ContentType.JSON)
                .body("{\"quietHours\": ")
                .when().patch("/api/patients/me")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://homeprogram.care/problems/malformed-body"));
    }

    @Test
    void changedPreferencesAreAnnouncedWithoutNamesOrClinicalData() {
        given().auth().oauth2(Tokens.accessToken("polly")).contentType(ContentType.JSON)
                .body("{\"timeZone\": \"Europe/Lisbon\", \"quietHours\": {\"start\": \"22:00\", \"end\": \"07:30\"}}")
                .when().patch("/api/patients/me")
                .then().statusCode(200).body("timeZone", equalTo("Europe/Lisbon"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<JsonNode> events = TestEvents.readAll("patient-events");
            JsonNode changed = events.stream()
                    .filter(e -> e.path("type").asText().equals("PatientContactChanged"))
                    .filter(e -> e.path("aggregateId").asText().equals(POLLY.toString()))
                    .findFirst().orElseThrow();
            assertThat(changed.path("data").path("timeZone").asText()).isEqualTo("Europe/Lisbon");
            assertThat(changed.path("data").path("quietHours").path("start").asText()).isEqualTo("22:00");
            assertThat(changed.toString()).doesNotContain("Polly", "Nakamura", "birth");
        });
    }

    /**
     * patient-service is the one owner of every person's notification preferences: a therapist changes theirs here
     * too, and the change is announced (TherapistContactChanged, ids and contact only) for notification-service to
     * project, which no longer accepts writes.
     */
    @Test
    void aTherapistChangesTheirOwnPreferencesHereAndTheChangeIsAnnounced() {
        String theo = Tokens.accessToken("theo");
        given().auth().oauth2(theo).contentType(ContentType.JSON)
                .body("{\"timeZone\": \"Asia/Seoul\", \"quietHours\": {\"start\": \"23:00\", \"end\": \"06:15\"},"
                        + " \"channels\": {\"email\": false, \"inApp\": true}}")
                .when().patch("/api/therapists/me")
                .then().statusCode(200).body("timeZone", equalTo("Asia/Seoul"))
                .body("quietHours.start", equalTo("23:00")).body("channels.email", equalTo(false));
        given().auth().oauth2(theo).when().get("/api/therapists/me").then().statusCode(200)
                .body("timeZone", equalTo("Asia/Seoul")).body("quietHours.end", equalTo("06:15"))
                .body("channels.inApp", equalTo(true));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode changed = TestEvents.readAll("patient-events").stream()
                    .filter(e -> e.path("type").asText().equals("TherapistContactChanged"))
                    .filter(e -> e.path("aggregateId").asText().equals(THEO.toString()))
                    .findFirst().orElseThrow();
            assertThat(changed.path("data").path("timeZone").asText()).isEqualTo("Asia/Seoul");
            assertThat(changed.path("data").path("quietHours").path("start").asText()).isEqualTo("23:00");
            assertThat(changed.path("data").path("quietHours").path("end").asText()).isEqualTo("06:15");
            assertThat(changed.path("data").path("channels").path("email").asBoolean()).isFalse();
        });

        given().auth().oauth2(theo).contentType(ContentType.JSON).body("{\"quietHours\": {\"start\": \"25:00\","
                + " \"end\": \"06:00\"}}").when().patch("/api/therapists/me").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(theo).contentType(ContentType.JSON).body("{\"timeZone\": \"Mars/Olympus\"}")
                .when().patch("/api/therapists/me").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Tokens.accessToken("pat")).contentType(ContentType.JSON)
                .body("{\"timeZone\": \"Asia/Seoul\"}").when().patch("/api/therapists/me").then().statusCode(403);
    }
}
