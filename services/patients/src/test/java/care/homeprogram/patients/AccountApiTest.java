package care.homeprogram.patients;

import static care.homeprogram.testing.DemoUsers.PAT;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import care.homeprogram.local.KeycloakServer;
import care.homeprogram.patients.TestPeople.Person;
import care.homeprogram.testing.Mailbox;
import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.SharedStack;
import care.homeprogram.testing.TestEvents;
import care.homeprogram.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Accounts through the real Keycloak admin API: what the admin does shows at the next sign-in. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PATIENTS"))
class AccountApiTest {

    private static String admin() {
        return Tokens.accessToken("ada");
    }

    @Test
    void anAdminCreatesATherapistWhoSignsInWithTheNewCredentialsAndIsAnnounced() {
        Person therapist = TestPeople.account("therapist");

        String token = Tokens.accessToken(therapist.username(), therapist.password());
        assertThat(Tokens.subject(token)).isEqualTo(therapist.id().toString());
        given().auth().oauth2(token).when().get("/api/therapists/me")
                .then().statusCode(200).body("username", equalTo(therapist.username()))
                .body("status", equalTo("ACTIVE"));
        given().auth().oauth2(admin()).when().get("/api/accounts/" + therapist.id())
                .then().statusCode(200).body("role", equalTo("therapist")).body("enabled", equalTo(true))
                .body("email", equalTo(therapist.email()));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode registered = TestEvents.readAll("patient-events").stream()
                    .filter(e -> e.path("type").asText().equals("TherapistRegistered"))
                    .filter(e -> e.path("aggregateId").asText().equals(therapist.id().toString()))
                    .findFirst().orElseThrow();
            assertThat(registered.path("data").path("email").asText()).isEqualTo(therapist.email());
            assertThat(registered.path("data").path("status").asText()).isEqualTo("ACTIVE");
            assertThat(registered.toString()).doesNotContain("Person " + therapist.username());
        });
    }

    @Test
    void disablingAnAccountMakesSignInFailAndReEnablingRestoresIt() {
        Person therapist = TestPeople.account("therapist");
        assertThat(Tokens.passwordGrant(therapist.username(), therapist.password()).statusCode()).isEqualTo(200);

        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(Map.of("enabled", false))
                .when().patch("/api/accounts/" + therapist.id())
                .then().statusCode(200).body("enabled", equalTo(false));
        HttpResponse<String> refused = Tokens.passwordGrant(therapist.username(), therapist.password());
        assertThat(refused.statusCode()).isIn(400, 401);
        assertThat(refused.body()).contains("invalid_grant");
        given().auth().oauth2(admin()).when().get("/api/therapists/" + therapist.id())
                .then().statusCode(200).body("status", equalTo("DISABLED"));

        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(Map.of("enabled", true))
                .when().patch("/api/accounts/" + therapist.id())
                .then().statusCode(200).body("enabled", equalTo(true));
        assertThat(Tokens.passwordGrant(therapist.username(), therapist.password()).statusCode()).isEqualTo(200);
        given().auth().oauth2(admin()).when().get("/api/therapists/" + therapist.id())
                .then().statusCode(200).body("status", equalTo("ACTIVE"));
    }

    @Test
    void aRoleChangeTakesEffectWithTheNextToken() {
        Person person = TestPeople.account("therapist");
        String before = person.token();
        given().auth().oauth2(before).when().get("/api/therapists/me").then().statusCode(200);

        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(Map.of("role", "patient"))
                .when().patch("/api/accounts/" + person.id())
                .then().statusCode(200).body("role", equalTo("patient"));

        String after = Tokens.freshAccessToken(person.username(), person.password());
        assertThat(after).isNotEqualTo(before);
        given().auth().oauth2(after).when().get("/api/therapists/me").then().statusCode(403);
        given().auth().oauth2(after).when().get("/api/patients/me").then().statusCode(200);
        given().auth().oauth2(admin()).when().get("/api/accounts/" + person.id())
                .then().statusCode(200).body("role", equalTo("patient"));
    }

    /** patient-service cannot grant admin (docs/security.md): the API says so clearly instead of failing in Keycloak. */
    @Test
    void theAdminRoleIsNeverGivenThroughTheApi() {
        Person person = TestPeople.account("therapist");
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(Map.of("role", "admin"))
                .when().patch("/api/accounts/" + person.id())
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("role"));
        String username = TestPeople.uniqueUsername("adm");
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("username", username, "email", TestPeople.email(username), "firstName", "A",
                        "lastName", "Dmin", "role", "admin"))
                .when().post("/api/accounts")
                .then().statusCode(400).body("errors[0].field", equalTo("role"));
        given().auth().oauth2(Tokens.freshAccessToken(person.username(), person.password()))
                .when().get("/api/accounts").then().statusCode(403);
    }

    @Test
    void onlyAdminsReachAccounts() {
        given().auth().oauth2(Tokens.accessToken("tara")).when().get("/api/accounts")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://homeprogram.care/problems/forbidden"));
        given().auth().oauth2(Tokens.accessToken("tara")).contentType(ContentType.JSON)
                .body(Map.of("enabled", false))
                .when().patch("/api/accounts/" + PAT).then().statusCode(403);
        given().auth().oauth2(Tokens.accessToken("pat")).when().get("/api/accounts").then().statusCode(403);
        given().when().get("/api/accounts").then().statusCode(401);
        assertThat(Tokens.passwordGrant("pat", "demo").statusCode()).isEqualTo(200);
    }

    @Test
    void accountsAreListedWithARoleFilter() {
        given().auth().oauth2(admin()).when().get("/api/accounts?role=therapist&size=100")
                .then().statusCode(200)
                .body("items.username", hasItems("tara", "theo"))
                .body("items.username", not(hasItem("pat")))
                .body("items.role", everyItem(equalTo("therapist")));
        given().auth().oauth2(admin()).when().get("/api/accounts?q=polly")
                .then().statusCode(200).body("total", equalTo(1))
                .body("items[0].role", equalTo("patient")).body("items[0].enabled", equalTo(true));
        given().auth().oauth2(admin()).when().get("/api/accounts?role=nurse")
                .then().statusCode(400).body("errors[0].field", equalTo("role"));
    }

    @Test
    void anAdminSeesAccountDataButNoClinicalData() {
        given().auth().oauth2(admin()).when().get("/api/accounts/" + PAT)
                .then().statusCode(200)
                .body("username", equalTo("pat")).body("role", equalTo("patient"))
                .body("birthDate", nullValue()).body("timeZone", nullValue()).body("intake", nullValue());
        given().auth().oauth2(admin()).when().get("/api/patients/" + PAT).then().statusCode(403);
        given().auth().oauth2(admin()).when().get("/api/patients/" + PAT + "/intake").then().statusCode(403);
        given().auth().oauth2(admin()).when().get("/api/patients?q=pat")
                .then().statusCode(200)
                .body("items.username", hasItem("pat"))
                .body("items[0].birthDate", nullValue()).body("items[0].intake", nullValue())
                .body("items[0].email", nullValue());
    }

    @Test
    void aTemporaryPasswordMustBeChangedAtTheNextSignIn() {
        Person therapist = TestPeople.account("therapist");
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("temporaryPassword", "Temporary-Pass-77"))
                .when().post("/api/accounts/" + therapist.id() + "/reset-credentials")
                .then().statusCode(204);
        assertThat(Tokens.passwordGrant(therapist.username(), therapist.password()).statusCode()).isIn(400, 401);
        HttpResponse<String> pending = Tokens.passwordGrant(therapist.username(), "Temporary-Pass-77");
        assertThat(pending.statusCode()).isEqualTo(400);
        assertThat(pending.body()).contains("not fully set up");
    }

    @Test
    void theRealmsPasswordPolicyAndDuplicatesAreClearProblems() {
        String username = TestPeople.uniqueUsername("weak");
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("username", username, "email", TestPeople.email(username), "firstName", "W",
                        "lastName", "Eak", "role", "therapist", "password", "alllowercase-no-digits"))
                .when().post("/api/accounts")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(admin()).when().get("/api/accounts?q=" + username).then().body("total", equalTo(0));

        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("username", "tara", "email", "someone-else@test.homeprogram.test", "firstName", "T",
                        "lastName", "Ara", "role", "therapist"))
                .when().post("/api/accounts")
                .then().statusCode(409).body("type", equalTo("https://homeprogram.care/problems/account-exists"));
        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("username", "x", "email", "not-an-email", "firstName", "", "lastName", "L",
                        "role", "janitor"))
                .when().post("/api/accounts")
                .then().statusCode(400)
                .body("errors.field", hasItems("username", "email", "firstName", "role"));
    }

    @Test
    void anAdminCannotLockThemselvesOut() {
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(Map.of("enabled", false))
                .when().patch("/api/accounts/" + Tokens.subject(admin()))
                .then().statusCode(409);
    }

    @Test
    void disablingAPatientKeepsTheRecordStopsRemindersAndCanBeReversed() {
        Person therapist = TestPeople.account("therapist");
        Person patient = TestPeople.patientOf(therapist);

        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(Map.of("enabled", false))
                .when().patch("/api/accounts/" + patient.id()).then().statusCode(200);
        assertThat(Tokens.passwordGrant(patient.username(), patient.password()).statusCode()).isIn(400, 401);
        given().auth().oauth2(therapist.token()).when().get("/api/patients/" + patient.id())
                .then().statusCode(200).body("status", equalTo("DISABLED")).body("birthDate", equalTo("1980-05-17"));

        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(Map.of("enabled", true))
                .when().patch("/api/accounts/" + patient.id()).then().statusCode(200);
        assertThat(Tokens.passwordGrant(patient.username(), patient.password()).statusCode()).isEqualTo(200);
        given().auth().oauth2(patient.token()).when().get("/api/patients/me")
                .then().statusCode(200).body("status", equalTo("ACTIVE"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<JsonNode> events = TestEvents.readAll("patient-events").stream()
                    .filter(e -> e.path("aggregateId").asText().equals(patient.id().toString()))
                    .toList();
            assertThat(events).extracting(e -> e.path("type").asText())
                    .containsSubsequence("PatientRegistered", "PatientDeactivated", "PatientReactivated");
            JsonNode deactivated = events.stream()
                    .filter(e -> e.path("type").asText().equals("PatientDeactivated")).findFirst().orElseThrow();
            assertThat(deactivated.path("data").path("status").asText()).isEqualTo("DISABLED");
            assertThat(deactivated.path("data").path("therapistIds").toString()).contains(therapist.id().toString());
        });
    }

    @Test
    void aPatientAccountCreatedByAnAdminGetsARecordAndThenACareTeam() {
        Person therapist = TestPeople.account("therapist");
        Person patient = TestPeople.account("patient");
        given().auth().oauth2(patient.token()).when().get("/api/patients/me")
                .then().statusCode(200).body("therapistIds.size()", equalTo(0))
                .body("timeZone", equalTo("Europe/Berlin"));

        given().auth().oauth2(admin()).contentType(ContentType.JSON)
                .body(Map.of("therapistIds", List.of(therapist.id())))
                .when().put("/api/patients/" + patient.id() + "/care-team")
                .then().statusCode(200).body("therapistIds", equalTo(List.of(therapist.id().toString())));
        given().auth().oauth2(therapist.token()).when().get("/api/patients/" + patient.id())
                .then().statusCode(200).body("username", equalTo(patient.username()));
        assertThat(UUID.fromString(Tokens.subject(patient.token()))).isEqualTo(patient.id());
    }

    @Test
    void aResetCredentialsEmailReachesThePerson() {
        // Keycloak sends the email itself, through the realm's mail server; the stack points it at its own
        var stack = SharedStack.coordinates();
        KeycloakServer.useMailServer(stack.keycloakUrl(), stack.smtpPort());
        Person therapist = TestPeople.account("therapist");
        given().auth().oauth2(admin())
                .when().post("/api/accounts/" + therapist.id() + "/reset-credentials")
                .then().statusCode(204);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(Mailbox.messagesFor(therapist.email()))
                .anySatisfy(mail -> assertThat(mail.body()).contains("Update Password", "login-actions")));
    }
}
