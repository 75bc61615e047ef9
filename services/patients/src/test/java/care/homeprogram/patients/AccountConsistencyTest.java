package care.homeprogram.patients;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import care.homeprogram.patients.client.KeycloakAccounts;
import care.homeprogram.patients.client.KeycloakAccounts.Account;
import care.homeprogram.patients.domain.PendingAccount;
import care.homeprogram.patients.service.AccountReconciler;
import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A failure between the Keycloak call and the database write, injected for real: no orphan account, no record
 * without an account, and a retry is safe.
 */
@QuarkusTest
@TestProfile(FaultInjectionProfile.class)
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PATIENTS"))
class AccountConsistencyTest {

    @Inject
    KeycloakAccounts keycloak;

    @Inject
    AccountReconciler reconciler;

    @AfterEach
    void disarm() {
        FaultyPatientRecords.FAIL.set(false);
        FaultyKeycloakAccounts.FAIL_DELETE.set(false);
    }

    private static io.restassured.response.Response createPatient(String username) {
        return given().auth().oauth2(Tokens.accessToken("tara")).contentType(ContentType.JSON)
                .body(TestPeople.newPatient(username))
                .when().post("/api/patients");
    }

    private static long pending(String username) {
        return QuarkusTransaction.requiringNew().call(() -> PendingAccount.count("username", username));
    }

    @Test
    void aFailedDatabaseWriteLeavesNoOrphanAccountAndTheRetrySucceeds() {
        String username = TestPeople.uniqueUsername("fault");
        FaultyPatientRecords.FAIL.set(true);
        createPatient(username).then().statusCode(500).contentType("application/problem+json");

        assertThat(keycloak.byUsername(username)).as("the Keycloak account was compensated").isEmpty();
        assertThat(pending(username)).isZero();
        given().auth().oauth2(Tokens.accessToken("tara")).when().get("/api/patients?q=" + username)
                .then().statusCode(200).body("total", equalTo(0));
        assertThat(Tokens.passwordGrant(username, TestPeople.PASSWORD).statusCode()).isIn(400, 401);

        FaultyPatientRecords.FAIL.set(false);
        String id = createPatient(username).then().statusCode(201).extract().path("id");
        assertThat(keycloak.byUsername(username)).map(Account::id).map(Object::toString).contains(id);
        MasterAdmin.finishFirstSignIn(UUID.fromString(id));
        assertThat(Tokens.subject(Tokens.accessToken(username, TestPeople.PASSWORD))).isEqualTo(id);
    }

    @Test
    void whenTheCompensationFailsTooTheRetryTakesTheOrphanOver() {
        String username = TestPeople.uniqueUsername("orphan");
        FaultyPatientRecords.FAIL.set(true);
        FaultyKeycloakAccounts.FAIL_DELETE.set(true);
        createPatient(username).then().statusCode(500);
        Optional<Account> orphan = keycloak.byUsername(username);
        assertThat(orphan).as("the compensation could not run").isPresent();
        assertThat(pending(username)).as("the intent outlives the request").isEqualTo(1);

        FaultyPatientRecords.FAIL.set(false);
        FaultyKeycloakAccounts.FAIL_DELETE.set(false);
        createPatient(username).then().statusCode(201).body("id", equalTo(orphan.get().id().toString()));
        assertThat(pending(username)).isZero();
        MasterAdmin.finishFirstSignIn(orphan.get().id());
        given().auth().oauth2(Tokens.accessToken(username, TestPeople.PASSWORD)).when().get("/api/patients/me")
                .then().statusCode(200).body("id", equalTo(orphan.get().id().toString()));
    }

    @Test
    void theReconcilerRemovesAnOrphanNobodyRetried() {
        String username = TestPeople.uniqueUsername("stale");
        FaultyPatientRecords.FAIL.set(true);
        FaultyKeycloakAccounts.FAIL_DELETE.set(true);
        given().auth().oauth2(Tokens.accessToken("ada")).contentType(ContentType.JSON)
                .body(Map.of("username", username, "email", TestPeople.email(username), "firstName", "S",
                        "lastName", "Tale", "role", "therapist", "password", TestPeople.PASSWORD))
                .when().post("/api/accounts").then().statusCode(500);
        assertThat(keycloak.byUsername(username)).isPresent();
        FaultyKeycloakAccounts.FAIL_DELETE.set(false);

        reconciler.reconcile(Duration.ZERO);

        assertThat(keycloak.byUsername(username)).as("the orphan is gone").isEmpty();
        assertThat(pending(username)).isZero();
        assertThat(reconciler.reconcile(Duration.ZERO)).as("nothing left to do").isZero();
    }

    @Test
    void anAccountThatIsNotAnEarlierAttemptIsNeverTakenOver() {
        createPatient("tara").then().statusCode(409);
        given().auth().oauth2(Tokens.accessToken("ada")).contentType(ContentType.JSON)
                .body(Map.of("username", "ada", "email", "ada@demo.homeprogram.test", "firstName", "A",
                        "lastName", "Da", "role", "therapist", "password", "Takeover-Attempt-1"))
                .when().post("/api/accounts").then().statusCode(409);
        assertThat(Tokens.passwordGrant("ada", "demo").statusCode()).isEqualTo(200);
    }
}
