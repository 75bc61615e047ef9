package care.homeprogram.patients;

import static care.homeprogram.testing.DemoUsers.PAT;
import static care.homeprogram.testing.DemoUsers.POLLY;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import care.homeprogram.commons.audit.AuditEntry;
import care.homeprogram.commons.audit.AuditLog;
import care.homeprogram.patients.domain.Patient;
import care.homeprogram.testing.BillingStaff;
import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Billing staff's name lookup (docs/security.md "Billing staff", docs/rtm.md "The clinic's ledger"): for the ids of
 * the clinic's RTM ledger, each known patient's id, name and birth date, nothing else; each patient named is a row of
 * their audit trail with actor role {@code billing}; nobody else may ask, and bad or too many ids are a 400.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PATIENTS"))
class BillingIdentitiesApiTest {
    private static final String PATH = "/api/patients/billing-identities";
    private static String billing;

    @Inject
    AuditLog audit;

    @BeforeAll
    static void realmHasTheRole() {
        BillingStaff.ensureRealmRole();
    }

    @BeforeEach
    void aBillingAccount() {
        if (billing == null) { // one account for the class, made once the service answers
            billing = TestPeople.account("billing").token();
        }
    }

    @Test
    void billingStaffGetTheNameAndBirthDateOfKnownPatientsOnlyInTheOrderAsked() {
        UUID unknown = UUID.randomUUID();
        List<Map<String, Object>> answered = given().auth().oauth2(billing)
                .queryParam("id", POLLY.toString(), unknown.toString(), PAT.toString(), POLLY.toString())
                .when().get(PATH).then().statusCode(200).extract().jsonPath().getList("$");

        assertThat(answered).extracting(i -> i.get("id")).containsExactly(POLLY.toString(), PAT.toString());
        for (Map<String, Object> identity : answered) {
            // what a claim needs to name the patient, and nothing more: no contact data, nothing clinical
            assertThat(identity).containsOnlyKeys("id", "firstName", "lastName", "birthDate");
            Patient stored = stored(UUID.fromString((String) identity.get("id")));
            assertThat(identity.get("firstName")).isEqualTo(stored.firstName);
            assertThat(identity.get("lastName")).isEqualTo(stored.lastName);
            assertThat(identity.get("birthDate")).isNotNull().isEqualTo(String.valueOf(stored.birthDate));
        }
    }

    @Test
    void eachPatientNamedIsARecordOfTheirAuditTrailAndAnUnknownIdIsNone() {
        String correlationId = "billing-names-" + UUID.randomUUID();
        UUID unknown = UUID.randomUUID();
        given().auth().oauth2(billing).header("X-Correlation-Id", correlationId)
                .queryParam("id", PAT.toString(), unknown.toString(), POLLY.toString())
                .when().get(PATH).then().statusCode(200);

        List<AuditEntry> entries = audit.byCorrelationId(correlationId);
        assertThat(entries).extracting(AuditEntry::patientId).containsExactlyInAnyOrder(PAT, POLLY);
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.actorRole()).isEqualTo("billing");
            assertThat(e.resource()).isEqualTo(PATH);
            assertThat(e.action()).isEqualTo("READ");
            assertThat(e.outcome()).isEqualTo("ALLOWED");
        });
    }

    @Test
    void therapistsPatientsAndAdminsAreRefusedAndNoTokenIs401() {
        for (String who : List.of("tara", "pat", "ada")) {
            given().auth().oauth2(Tokens.accessToken(who)).queryParam("id", PAT.toString())
                    .when().get(PATH).then().statusCode(403).contentType("application/problem+json");
        }
        given().queryParam("id", PAT.toString()).when().get(PATH).then().statusCode(401);
    }

    @Test
    void aBadIdNoIdOrMoreThan500IdsAre400ProblemJson() {
        assertInvalid(given().auth().oauth2(billing).queryParam("id", PAT.toString(), "not-a-uuid").when().get(PATH));
        assertInvalid(given().auth().oauth2(billing).queryParam("id", "").when().get(PATH));
        assertInvalid(given().auth().oauth2(billing).when().get(PATH));
        assertInvalid(given().auth().oauth2(billing).queryParam("id", randomIds(501)).when().get(PATH));
    }

    /** A month of a large clinic's ledger fits in one request line (the service allows it, above Vert.x's 4096). */
    @Test
    void fiveHundredIdsAreOneRequest() {
        List<Object> ids = randomIds(499);
        ids.add(PAT.toString());
        given().auth().oauth2(billing).queryParam("id", ids).when().get(PATH).then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].id", equalTo(PAT.toString()));
    }

    private static void assertInvalid(Response response) {
        response.then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("id"));
    }

    private static List<Object> randomIds(int count) {
        return IntStream.range(0, count).mapToObj(i -> (Object) UUID.randomUUID().toString())
                .collect(Collectors.toCollection(ArrayList::new));
    }

    private static Patient stored(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> Patient.byId(id).orElseThrow());
    }
}
