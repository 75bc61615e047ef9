package care.homeprogram.patients;

import static org.assertj.core.api.Assertions.assertThat;

import care.homeprogram.testing.BillingStaff;
import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.SharedStack;
import care.homeprogram.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Issue 12, finding 10: patient-service's service account had realm-management manage-users, with which Keycloak lets
 * it map any realm role, admin included. Its rights are now Keycloak's fine-grained admin permissions (v2): manage
 * users and map therapist, patient, clinical-lead and billing, nothing else. Tried straight against Keycloak's admin
 * API with the service's own client credentials, as an attacker holding its secret would.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PATIENTS"))
class KeycloakRightsTest {

    @ConfigProperty(name = "quarkus.oidc.credentials.secret")
    String secret;

    @Test
    void patientServiceCreatesUsersAndMapsClinicRolesButNeverAdmin() {
        String token = Tokens.clientToken("patient-service", secret);
        String username = TestPeople.uniqueUsername("fgap");
        HttpResponse<String> created = admin(token, "POST", "/users", "{\"username\": \"" + username
                + "\", \"email\": \"" + TestPeople.email(username) + "\", \"firstName\": \"F\", \"lastName\": \"Gap\","
                + " \"enabled\": true}");
        assertThat(created.statusCode()).isEqualTo(201);
        String location = created.headers().firstValue("Location").orElseThrow();
        String userId = location.substring(location.lastIndexOf('/') + 1);
        try {
            BillingStaff.ensureRealmRole(); // a test stack older than the role gets it, as the realm file has it
            for (String role : new String[] { "therapist", "patient", "billing" }) {
                assertThat(mapRealmRole(token, userId, role)).as("mapping %s", role).isEqualTo(204);
            }
            assertThat(mapRealmRole(token, userId, "admin")).as("mapping admin").isEqualTo(403);
            String roles = admin(token, "GET", "/users/" + userId + "/role-mappings/realm", null).body();
            assertThat(roles).contains("\"therapist\"").doesNotContain("\"admin\"");

            // nor can it change the realm (its login rules, its permissions)
            assertThat(admin(token, "PUT", "", "{\"registrationAllowed\": true}").statusCode()).isEqualTo(403);
        } finally {
            assertThat(admin(token, "DELETE", "/users/" + userId, null).statusCode()).isEqualTo(204);
        }
    }

    private static int mapRealmRole(String token, String userId, String role) {
        String representation = admin(token, "GET", "/roles/" + role, null).body();
        return admin(token, "POST", "/users/" + userId + "/role-mappings/realm", "[" + representation + "]")
                .statusCode();
    }

    private static HttpResponse<String> admin(String token, String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(SharedStack.coordinates().keycloakUrl()
                + "/admin/realms/homeprogram" + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        return MasterAdmin.send(request);
    }
}
