package care.homeprogram.patients;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import care.homeprogram.commons.audit.AuditEntry;
import care.homeprogram.commons.audit.AuditLog;
import care.homeprogram.patients.TestPeople.Person;
import care.homeprogram.testing.ClinicalLeads;
import care.homeprogram.testing.DemoUsers;
import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue #13: an admin designates a therapist clinical lead (who may then correct the clinic's seeded library and
 * templates in plan-service), and undesignates them. The role lives in Keycloak: it shows in the person's next token.
 * The therapists designated here are made for the test, so the demo therapists' rights never change under the
 * services' other tests running at the same time.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PATIENTS"))
class ClinicalLeadApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AuditLog audit;

    @BeforeAll
    static void realmHasTheRole() {
        ClinicalLeads.ensureRealmRole();
    }

    private static String admin() {
        return Tokens.accessToken("ada");
    }

    @Test
    void anAdminDesignatesATherapistWhoseNextTokenCarriesTheRoleAndUndesignatesThem() throws Exception {
        Person therapist = TestPeople.account("therapist");
        assertThat(realmRoles(Tokens.freshAccessToken(therapist.username(), therapist.password())))
                .contains("therapist").doesNotContain(ClinicalLeads.ROLE);
        given().auth().oauth2(admin()).when().get("/api/accounts/" + therapist.id())
                .then().statusCode(200).body("clinicalLead", equalTo(false));

        String correlationId = "lead-" + UUID.randomUUID();
        given().auth().oauth2(admin()).header("X-Correlation-Id", correlationId).contentType(ContentType.JSON)
                .body(Map.of("clinicalLead", true))
                .when().patch("/api/accounts/" + therapist.id())
                .then().statusCode(200).body("clinicalLead", equalTo(true)).body("role", equalTo("therapist"));

        assertThat(realmRoles(Tokens.freshAccessToken(therapist.username(), therapist.password())))
                .contains("therapist", ClinicalLeads.ROLE);
        given().auth().oauth2(admin()).when().get("/api/accounts/" + therapist.id())
                .then().statusCode(200).body("clinicalLead", equalTo(true));
        given().auth().oauth2(admin()).when().get("/api/accounts?role=therapist&q=" + therapist.username())
                .then().statusCode(200).body("items[0].id", equalTo(therapist.id().toString()))
                .body("items[0].clinicalLead", equalTo(true));
        // The designation is on record with the admin as the actor, about the therapist's account.
        List<AuditEntry> entries = audit.byCorrelationId(correlationId);
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).actorSub()).isEqualTo(DemoUsers.ADA.toString());
        assertThat(entries.get(0).method()).isEqualTo("PATCH");
        assertThat(entries.get(0).action()).isEqualTo("UPDATE");
        assertThat(entries.get(0).objectId()).isEqualTo(therapist.id().toString());
        assertThat(entries.get(0).status()).isEqualTo(200);

        // Designating again changes nothing; undesignating takes the role from the next token.
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(Map.of("clinicalLead", true))
                .when().patch("/api/accounts/" + therapist.id()).then().statusCode(200)
                .body("clinicalLead", equalTo(true));
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(Map.of("clinicalLead", false))
                .when().patch("/api/accounts/" + therapist.id()).then().statusCode(200)
                .body("clinicalLead", equalTo(false));
        assertThat(realmRoles(Tokens.freshAccessToken(therapist.username(), therapist.password())))
                .contains("therapist").doesNotContain(ClinicalLeads.ROLE);
    }

    @Test
    void aLeadWhoStopsBeingATherapistStopsBeingLead() throws Exception {
        Person therapist = TestPeople.account("therapist");
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(Map.of("clinicalLead", true))
                .when().patch("/api/accounts/" + therapist.id()).then().statusCode(200);

        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(Map.of("role", "patient"))
                .when().patch("/api/accounts/" + therapist.id()).then().statusCode(200)
                .body("role", equalTo("patient")).body("clinicalLead", equalTo(false));
        assertThat(realmRoles(Tokens.freshAccessToken(therapist.username(), therapist.password())))
                .contains("patient").doesNotContain(ClinicalLeads.ROLE, "therapist");
    }

    @Test
    void onlyATherapistCanBeDesignated() {
        Person patient = TestPeople.account("patient");
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(Map.of("clinicalLead", true))
                .when().patch("/api/accounts/" + patient.id())
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.endsWith("not-a-therapist"));
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(Map.of("clinicalLead", true))
                .when().patch("/api/accounts/" + DemoUsers.ADA)
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(admin()).when().get("/api/accounts/" + patient.id())
                .then().statusCode(200).body("clinicalLead", equalTo(false));
    }

    @Test
    void onlyAnAdminDesignatesAndTheRequestMustMakeSense() {
        Person therapist = TestPeople.account("therapist");
        for (String who : new String[] {"tara", "pat"}) {
            given().auth().oauth2(Tokens.accessToken(who)).contentType(ContentType.JSON)
                    .body(Map.of("clinicalLead", true))
                    .when().patch("/api/accounts/" + therapist.id()).then().statusCode(403);
        }
        // A therapist cannot designate themself either.
        given().auth().oauth2(therapist.token()).contentType(ContentType.JSON).body(Map.of("clinicalLead", true))
                .when().patch("/api/accounts/" + therapist.id()).then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("clinicalLead", true))
                .when().patch("/api/accounts/" + therapist.id()).then().statusCode(401);
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body(Map.of("clinicalLead", true))
                .when().patch("/api/accounts/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(admin()).contentType(ContentType.JSON).body("{\"clinicalLead\": \"perhaps\"}")
                .when().patch("/api/accounts/" + therapist.id())
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(admin()).when().get("/api/accounts/" + therapist.id())
                .then().statusCode(200).body("clinicalLead", equalTo(false));
    }

    private static List<String> realmRoles(String accessToken) throws Exception {
        String payload = new String(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]),
                StandardCharsets.UTF_8);
        List<String> roles = new ArrayList<>();
        JsonNode claims = JSON.readTree(payload);
        claims.path("realm_access").path("roles").forEach(r -> roles.add(r.asText()));
        claims.path("groups").forEach(r -> roles.add(r.asText()));
        return roles;
    }
}
