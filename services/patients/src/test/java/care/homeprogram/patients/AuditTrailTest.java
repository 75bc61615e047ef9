package care.homeprogram.patients;

import static care.homeprogram.testing.DemoUsers.PAT;
import static care.homeprogram.testing.DemoUsers.TARA;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import care.homeprogram.commons.audit.AuditEntry;
import care.homeprogram.commons.audit.AuditLog;
import care.homeprogram.testing.AuditTrailWalk;
import care.homeprogram.testing.OpenApiOperations;
import care.homeprogram.testing.OpenApiOperations.Operation;
import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every access to patient-service's API leaves an audit record; the trail is append-only and admin-readable. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PATIENTS"))
class AuditTrailTest {
    @Inject
    AuditLog audit;

    @Inject
    EntityManager entityManager;

    /**
     * Enumerates the operations of the OpenAPI document, so an endpoint added without audit fails the build: each is
     * called anonymously and as each role, and each call must have left exactly one record naming its template,
     * method, status and caller, under the correlation id the caller sent (and got back).
     */
    @Test
    void everyEndpointInTheOpenApiDocumentWritesAnAuditRecord() {
        List<Operation> operations = OpenApiOperations.all();
        assertThat(operations.stream().map(Object::toString)).contains("GET /api/patients/{id}", "POST /api/accounts",
                "GET /api/accounts/audit", "PUT /api/patients/{id}/intake", "GET /api/therapists");
        // Random ids: a walk with pat's real id would reset her credentials and change her care team. So only the
        // calls that reach pat's data without an id are checked for her name: tara's patient list and pat's own.
        AuditTrailWalk walk = new AuditTrailWalk("patient-service", audit::byCorrelationId,
                operation -> operation.path(name -> UUID.randomUUID().toString()),
                (operation, who) -> operation.method().equals("GET")
                        && (operation.template().equals("/api/patients") && who.equals("tara")
                                || operation.template().startsWith("/api/patients/me") && who.equals("pat")),
                PAT);
        assertThat(walk.walk(operations)).isEqualTo(4 * operations.size());
    }

    /** A therapist's patient list shows several patients' data: one record per patient listed, one correlation id. */
    @Test
    void aTherapistsPatientListLeavesARecordPerPatientListed() {
        String correlationId = "list-" + UUID.randomUUID();
        List<String> listed = given().auth().oauth2(Tokens.accessToken("tara")).header("X-Correlation-Id", correlationId)
                .when().get("/api/patients?size=100").then().statusCode(200).extract().path("items.id");
        assertThat(listed).contains(PAT.toString()).hasSizeGreaterThan(1);
        List<AuditEntry> entries = audit.byCorrelationId(correlationId);
        assertThat(entries).extracting(e -> e.patientId().toString()).containsExactlyInAnyOrderElementsOf(listed);
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.resource()).isEqualTo("/api/patients");
            assertThat(e.actorSub()).isEqualTo(TARA.toString());
        });
    }

    @Test
    void aReadOfPatientDataRecordsWhoWhatWhenAndForWhichPatient() {
        String correlationId = "read-" + UUID.randomUUID();
        given().auth().oauth2(Tokens.accessToken("tara")).header("X-Correlation-Id", correlationId)
                .when().get("/api/patients/" + PAT).then().statusCode(200);
        AuditEntry entry = audit.byCorrelationId(correlationId).get(0);
        assertThat(entry.actorSub()).isEqualTo(TARA.toString());
        assertThat(entry.actorRole()).isEqualTo("therapist");
        assertThat(entry.resource()).isEqualTo("/api/patients/{id}");
        assertThat(entry.objectId()).isEqualTo(PAT.toString());
        assertThat(entry.patientId()).isEqualTo(PAT);
        assertThat(entry.action()).isEqualTo("READ");
        assertThat(entry.outcome()).isEqualTo("ALLOWED");
        assertThat(entry.occurredAt()).isNotNull();
    }

    @Test
    void denialsAreRecordedTooAsIsARefusedToken() {
        String denied = "denied-" + UUID.randomUUID();
        given().auth().oauth2(Tokens.accessToken("theo")).header("X-Correlation-Id", denied)
                .when().get("/api/patients/" + PAT).then().statusCode(404);
        AuditEntry foreign = audit.byCorrelationId(denied).get(0);
        assertThat(foreign.outcome()).isEqualTo("DENIED");
        assertThat(foreign.patientId()).isEqualTo(PAT);

        String refused = "refused-" + UUID.randomUUID();
        given().auth().oauth2("not.a.token").header("X-Correlation-Id", refused)
                .when().get("/api/patients/" + PAT).then().statusCode(401);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<AuditEntry> entries = audit.byCorrelationId(refused);
            assertThat(entries).hasSize(1);
            assertThat(entries.get(0).outcome()).isEqualTo("DENIED");
            assertThat(entries.get(0).status()).isEqualTo(401);
            assertThat(entries.get(0).actorRole()).isEqualTo("anonymous");
        });
    }

    @Test
    void aCorrelationIdIsGeneratedWhenMissingAndUnsafeOnesAreReplaced() {
        String generated = given().auth().oauth2(Tokens.accessToken("pat")).when().get("/api/patients/me")
                .then().statusCode(200).extract().header("X-Correlation-Id");
        assertThat(generated).isNotBlank();
        assertThat(audit.byCorrelationId(generated)).hasSize(1);
        assertThat(audit.byCorrelationId(generated).get(0).patientId()).isEqualTo(PAT);

        String replaced = given().auth().oauth2(Tokens.accessToken("pat"))
                .header("X-Correlation-Id", "evil\u0007id with spaces")
                .when().get("/api/patients/me").then().statusCode(200).extract().header("X-Correlation-Id");
        assertThat(replaced).doesNotContain(" ");
    }

    /** The service's own role may not (DatabaseRolesTest); the triggers stop even the owner (DatabaseRoles). */
    @Test
    void theTrailIsAppendOnlyInTheDatabase() {
        given().auth().oauth2(Tokens.accessToken("pat")).when().get("/api/patients/me").then().statusCode(200);
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("UPDATE audit_record SET status = 200").executeUpdate()))
                .hasStackTraceContaining("permission denied");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("DELETE FROM audit_record").executeUpdate()))
                .hasStackTraceContaining("permission denied");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("TRUNCATE audit_record").executeUpdate()))
                .hasStackTraceContaining("permission denied");
    }

    @Test
    void adminsQueryTheTrailByPatientAndByUserAndExportIt() {
        String token = Tokens.accessToken("tara");
        String correlationId = "export-" + UUID.randomUUID();
        given().auth().oauth2(token).header("X-Correlation-Id", correlationId)
                .when().get("/api/patients/" + PAT + "/intake").then().statusCode(200);

        String admin = Tokens.accessToken("ada");
        given().auth().oauth2(admin).when().get("/api/accounts/audit?patientId=" + PAT + "&size=100")
                .then().statusCode(200)
                .body("items.correlationId", hasItem(correlationId))
                .body("items.patientId", org.hamcrest.Matchers.everyItem(equalTo(PAT.toString())));
        given().auth().oauth2(admin).when().get("/api/accounts/audit?actor=" + TARA + "&correlationId=" + correlationId)
                .then().statusCode(200).body("total", equalTo(1))
                .body("items[0].resource", equalTo("/api/patients/{id}/intake"));

        String ndjson = given().auth().oauth2(admin)
                .when().get("/api/accounts/audit/export?patientId=" + PAT)
                .then().statusCode(200).contentType("application/x-ndjson").extract().asString();
        assertThat(ndjson.lines()).anySatisfy(line -> assertThat(line).contains(correlationId));
        assertThat(ndjson).doesNotContain(token).doesNotContain("Bearer").doesNotContain("Morgan");

        String csv = given().auth().oauth2(admin)
                .when().get("/api/accounts/audit/export?format=csv&actor=" + TARA)
                .then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .extract().asString();
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("id,occurredAt,service,actorSub");
        assertThat(csv).contains(correlationId);

        given().auth().oauth2(token).when().get("/api/accounts/audit").then().statusCode(403);
        given().auth().oauth2(admin).when().get("/api/accounts/audit?from=yesterday").then().statusCode(400);
    }
}
