package care.homeprogram.patients;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Finding 5 of issue 12: a password chosen by a therapist or an admin is never the person's own. The person must
 * choose a new one at the first sign-in (Keycloak's UPDATE_PASSWORD required action), so no session that the audit
 * trail attributes to a patient can be their therapist's.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PATIENTS"))
class PasswordsSetByOthersTest {

    @Test
    void aPatientsPasswordSetByTheirTherapistMustBeChangedBeforeItSignsIn() {
        String username = TestPeople.uniqueUsername("pat");
        // a therapist of its own, so the demo therapists' patient lists stay as other tests expect them
        TestPeople.Person therapist = TestPeople.account("therapist");
        given().auth().oauth2(therapist.token()).contentType(ContentType.JSON)
                .body(TestPeople.newPatient(username)) // a password, no temporaryPassword
                .when().post("/api/patients").then().statusCode(201);

        assertRequiresItsOwnPassword(username, TestPeople.PASSWORD);
    }

    @Test
    void aPermanentPasswordFromSomeoneElseIsRefusedNamingTheField() {
        String username = TestPeople.uniqueUsername("pat");
        Map<String, Object> patient = new HashMap<>(TestPeople.newPatient(username));
        patient.put("temporaryPassword", false);
        given().auth().oauth2(Tokens.accessToken("tara")).contentType(ContentType.JSON).body(patient)
                .when().post("/api/patients")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("temporaryPassword"));
        assertThat(Tokens.passwordGrant(username, TestPeople.PASSWORD).statusCode()).as("no account").isIn(400, 401);

        String therapist = TestPeople.uniqueUsername("the");
        given().auth().oauth2(Tokens.accessToken("ada")).contentType(ContentType.JSON)
                .body(Map.of("username", therapist, "email", TestPeople.email(therapist), "firstName", "T",
                        "lastName", "Emp", "role", "therapist", "password", TestPeople.PASSWORD,
                        "temporaryPassword", false))
                .when().post("/api/accounts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("temporaryPassword"));
    }

    @Test
    void anAccountsPasswordSetByTheAdminMustBeChangedBeforeItSignsIn() {
        String username = TestPeople.uniqueUsername("the");
        given().auth().oauth2(Tokens.accessToken("ada")).contentType(ContentType.JSON)
                .body(Map.of("username", username, "email", TestPeople.email(username), "firstName", "T",
                        "lastName", "Emp", "role", "therapist", "password", TestPeople.PASSWORD))
                .when().post("/api/accounts").then().statusCode(201);

        assertRequiresItsOwnPassword(username, TestPeople.PASSWORD);
    }

    /** The password is right, yet Keycloak issues no token until the person has chosen their own. */
    private static void assertRequiresItsOwnPassword(String username, String password) {
        HttpResponse<String> signIn = Tokens.passwordGrant(username, password);
        assertThat(signIn.statusCode()).isEqualTo(400);
        assertThat(signIn.body()).contains("invalid_grant", "not fully set up");
    }
}
