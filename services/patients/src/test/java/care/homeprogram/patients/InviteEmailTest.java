package care.homeprogram.patients;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import care.homeprogram.local.KeycloakServer;
import care.homeprogram.patients.TestPeople.Person;
import care.homeprogram.testing.Mailbox;
import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.SharedStack;
import care.homeprogram.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A patient created without a temporary password can sign in only through Keycloak's set-password email: it is sent
 * as the account is created, through the realm's mail server (the stack's GreenMail), and the answer says whether it
 * went out.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PATIENTS"))
class InviteEmailTest {

    @BeforeEach
    void theRealmMailsThroughTheStacksMailServer() {
        var stack = SharedStack.coordinates();
        KeycloakServer.useMailServer(stack.keycloakUrl(), stack.smtpPort());
    }

    private static Map<String, Object> withoutPassword(String username) {
        Map<String, Object> patient = new HashMap<>(TestPeople.newPatient(username));
        patient.remove("password");
        return patient;
    }

    @Test
    void aPatientCreatedWithoutAPasswordIsEmailedASetPasswordLink() {
        Person therapist = TestPeople.account("therapist");
        String username = TestPeople.uniqueUsername("inv");

        given().auth().oauth2(therapist.token()).contentType(ContentType.JSON).body(withoutPassword(username))
                .when().post("/api/patients")
                .then().statusCode(201).body("username", equalTo(username)).body("inviteEmail", equalTo("SENT"));

        // Keycloak answers after its mail server took the message: it is there now
        assertThat(Mailbox.messagesFor(TestPeople.email(username))).singleElement().satisfies(mail -> {
            assertThat(mail.from()).contains(KeycloakServer.MAIL_FROM);
            assertThat(mail.body()).contains("Update Password", "login-actions/action-token?key=");
        });
    }

    @Test
    void aPatientWhoReadsSpanishOrGermanGetsTheSetPasswordEmailInThatLanguage() {
        Person therapist = TestPeople.account("therapist");
        for (var language : Map.of("es", "Actualiza tu cuenta", "de", "Aktualisieren Sie Ihr Konto").entrySet()) {
            String username = TestPeople.uniqueUsername("inv" + language.getKey());
            Map<String, Object> patient = withoutPassword(username);
            patient.put("preferredLanguage", language.getKey());

            given().auth().oauth2(therapist.token()).contentType(ContentType.JSON).body(patient)
                    .when().post("/api/patients")
                    .then().statusCode(201).body("inviteEmail", equalTo("SENT"));

            // Keycloak's own translation of its email (the realm supports en, es, de; the account's locale is set)
            assertThat(Mailbox.messagesFor(TestPeople.email(username))).singleElement().satisfies(mail -> {
                assertThat(mail.subject()).isEqualTo(language.getValue());
                assertThat(mail.body()).doesNotContain("Update Your Account").contains("login-actions/action-token?key=");
            });
        }
    }

    @Test
    void anAdminCreatingAPatientAccountWithoutAPasswordSendsTheLinkToo() {
        String username = TestPeople.uniqueUsername("inv");
        given().auth().oauth2(Tokens.accessToken("ada")).contentType(ContentType.JSON)
                .body(Map.of("username", username, "email", TestPeople.email(username), "firstName", "Robin",
                        "lastName", "Invited", "role", "patient"))
                .when().post("/api/accounts")
                .then().statusCode(201).body("role", equalTo("patient")).body("inviteEmail", equalTo("SENT"));

        assertThat(Mailbox.messagesFor(TestPeople.email(username)))
                .anySatisfy(mail -> assertThat(mail.body()).contains("login-actions/action-token?key="));
    }

    @Test
    void aPatientGivenATemporaryPasswordGetsNoEmail() {
        Person therapist = TestPeople.account("therapist");
        String username = TestPeople.uniqueUsername("pwd");

        given().auth().oauth2(therapist.token()).contentType(ContentType.JSON).body(TestPeople.newPatient(username))
                .when().post("/api/patients")
                .then().statusCode(201).body("inviteEmail", equalTo("NOT_REQUESTED"));

        assertThat(Mailbox.messagesFor(TestPeople.email(username))).isEmpty();
    }

    @Test
    void whenTheMailServerIsDownThePatientIsCreatedAndTheInviteIsReportedNotSent() throws IOException {
        Person therapist = TestPeople.account("therapist");
        String username = TestPeople.uniqueUsername("nos");
        var stack = SharedStack.coordinates();
        String id;
        KeycloakServer.useMailServer(stack.keycloakUrl(), closedPort());
        try {
            id = given().auth().oauth2(therapist.token()).contentType(ContentType.JSON)
                    .body(withoutPassword(username))
                    .when().post("/api/patients")
                    .then().statusCode(201).body("inviteEmail", equalTo("NOT_SENT"))
                    .extract().path("id");
        } finally {
            KeycloakServer.useMailServer(stack.keycloakUrl(), stack.smtpPort());
        }

        given().auth().oauth2(therapist.token()).when().get("/api/patients/" + id)
                .then().statusCode(200).body("username", equalTo(username)).body("status", equalTo("ACTIVE"));
        assertThat(Mailbox.messagesFor(TestPeople.email(username))).isEmpty();

        // the admin sends it again once mail works
        given().auth().oauth2(Tokens.accessToken("ada"))
                .when().post("/api/accounts/" + id + "/reset-credentials")
                .then().statusCode(204);
        assertThat(Mailbox.messagesFor(TestPeople.email(username)))
                .anySatisfy(mail -> assertThat(mail.body()).contains("login-actions/action-token?key="));
    }

    /** A port nothing listens on: the realm's mail server refuses every connection. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
