package care.homeprogram.patients;

import static care.homeprogram.testing.DemoUsers.PAT;
import static care.homeprogram.testing.DemoUsers.TARA;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import care.homeprogram.patients.TestPeople.Person;
import care.homeprogram.testing.BillingStaff;
import care.homeprogram.testing.Tokens;
import care.homeprogram.testing.RealInfrastructure;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Billing staff accounts (docs/security.md, docs/rtm.md "The clinic's ledger"): an admin gives an account the role
 * {@code billing} (a new account, or an existing one re-roled) and takes it away again; the role shows in the person's
 * next token and it opens nothing in patient-service but the ledger's name lookup ({@link BillingIdentitiesApiTest}): no
 * patient record, therapist or account is theirs to read.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PATIENTS"))
class BillingAccountApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void realmHasTheRole() {
        BillingStaff.ensureRealmRole();
    }

    private static String admin() {
        return Tokens.accessToken("ada");
    }

    @Test
    void anAdminCreatesABillingAccountWhoseTokenCarriesOnlyBillingAndListsIt() throws Exception {
        Person billing = TestPeople.account("billing");

        assertThat(realmRoles(billing.token())).contains("billing")
                .doesNotContain("therapist", "patient", "admin", "clinical-lead");
        given().auth().oauth2(admin()).when().get("/api/accounts/" + billing.id())
                .then().statusCode(200).body("role", equalTo("billing")).body("clinicalLead", equalTo(false));
        given().auth().oauth2(admin()).when().get("/api/accounts?role=billing&q=" + billing.username())
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(billing.id().toString()))
                .body("items.role", everyItem(equalTo("billing")));
        // no therapist or patient record comes with it
        given().auth().oauth2(admin()).when().get("/api/patients?size=100&q=" + billing.username())
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void anAdminGivesAndTakesTheRoleWithTheNextToken() throws Exception {
        Person person = TestPeople.account("therapist");
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(Map.of("role", "billing"))
                .when().patch("/api/accounts/" + person.id())
                .then().statusCode(200).body("role", equalTo("billing"));
        String billing = Tokens.freshAccessToken(person.username(), person.password());
        assertThat(realmRoles(billing)).contains("billing").doesNotContain("therapist");
        given().auth().oauth2(billing).when().get("/api/therapists/me").then().statusCode(403);

        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(Map.of("role", "therapist"))
                .when().patch("/api/accounts/" + person.id())
                .then().statusCode(200).body("role", equalTo("therapist"));
        String therapist = Tokens.freshAccessToken(person.username(), person.password());
        assertThat(realmRoles(therapist)).contains("therapist").doesNotContain("billing");
        given().auth().oauth2(therapist).when().get("/api/therapists/me").then().statusCode(200)
                .body("status", equalTo("ACTIVE"));
        // billing staff are never clinical leads
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(Map.of("role", "billing",
                "clinicalLead", true)).when().patch("/api/accounts/" + person.id())
                .then().statusCode(409).body("type", equalTo("https://homeprogram.care/problems/not-a-therapist"));
    }

    @Test
    void billingReadsNothingInPatientService() {
        String billing = TestPeople.account("billing").token();
        for (String path : List.of("/api/patients", "/api/patients/" + PAT, "/api/patients/" + PAT + "/care-team",
                "/api/patients/" + PAT + "/intake", "/api/patients/me", "/api/therapists", "/api/therapists/" + TARA,
                "/api/therapists/me", "/api/accounts", "/api/accounts/" + PAT)) {
            assertThat(given().auth().oauth2(billing).when().get(path).statusCode()).as(path).isEqualTo(403);
        }
        given().auth().oauth2(billing).contentType(ContentType.JSON).body(Map.of("role", "billing"))
                .when().patch("/api/accounts/" + PAT).then().statusCode(403);
    }

    private static List<String> realmRoles(String accessToken) throws Exception {
        String payload = new String(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]),
                StandardCharsets.UTF_8);
        List<String> roles = new ArrayList<>();
        JsonNode claims = JSON.readTree(payload);
        claims.path("realm_access").path("roles").forEach(r -> roles.add(r.asText()));
        return roles;
    }
}
