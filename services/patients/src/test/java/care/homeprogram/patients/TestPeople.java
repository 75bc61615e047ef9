package care.homeprogram.patients;

import static io.restassured.RestAssured.given;

import care.homeprogram.testing.Tokens;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;

/**
 * Fresh people for tests that change things. Their Keycloak accounts outlive the test run in the shared Keycloak,
 * so every username is random.
 */
final class TestPeople {
    /** Meets the realm's password policy (length 12, upper, lower, digit, not the username). */
    static final String PASSWORD = "Clinic-Demo-2026x";

    private TestPeople() {
    }

    record Person(UUID id, String username, String email, String password) {
        String token() {
            return Tokens.accessToken(username, password);
        }
    }

    static String uniqueUsername(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String email(String username) {
        return username + "@test.homeprogram.test";
    }

    /**
     * An account created by the admin ada with a (temporary) password, after the person's first sign-in: they can
     * sign in with {@link #PASSWORD}.
     */
    static Person account(String role) {
        String username = uniqueUsername(role.substring(0, 3));
        String id = given().auth().oauth2(Tokens.accessToken("ada")).contentType(ContentType.JSON)
                .body(Map.of("username", username, "email", email(username), "firstName", "Test",
                        "lastName", "Person " + username, "role", role, "password", PASSWORD))
                .when().post("/api/accounts")
                .then().statusCode(201).extract().path("id");
        MasterAdmin.finishFirstSignIn(UUID.fromString(id));
        return new Person(UUID.fromString(id), username, email(username), PASSWORD);
    }

    /** A patient created by a therapist (who is then in their care team), after the patient's first sign-in. */
    static Person patientOf(Person therapist) {
        String username = uniqueUsername("pat");
        String id = given().auth().oauth2(therapist.token()).contentType(ContentType.JSON)
                .body(newPatient(username))
                .when().post("/api/patients")
                .then().statusCode(201).extract().path("id");
        MasterAdmin.finishFirstSignIn(UUID.fromString(id));
        return new Person(UUID.fromString(id), username, email(username), PASSWORD);
    }

    static Map<String, Object> newPatient(String username) {
        return Map.of("username", username, "email", email(username), "firstName", "Robin",
                "lastName", "Test " + username, "birthDate", "1980-05-17", "timeZone", "Europe/Vienna",
                "password", PASSWORD);
    }
}
