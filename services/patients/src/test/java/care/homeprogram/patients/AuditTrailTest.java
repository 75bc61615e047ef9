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
import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every access to patient-service's API leaves an audit record; the trail is append-only and admin-readable. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PATIENTS"))
class AuditTrailTest {
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    @Inject
    AuditLog audit;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper mapper;

    /**
     * Enumerates the operations of the OpenAPI document, so an endpoint added without audit fails the build: each is
     * called anonymously and as each role, and each call must have left exactly one record naming its template,
     * method, status and caller, under the correlation id the caller sent (and got back).
     */
    @Test
    void everyEndpointInTheOpenApiDocumentWritesAnAuditRecord() throws Exception {
        JsonNode paths = mapper.readTree(given().when().get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString()).path("paths");
        List<String> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            for (Iterator<String> m = path.getValue().fieldNames(); m.hasNext();) {
                String method = m.next();
                if (METHODS.contains(method)) {
                    operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }
        }
        assertThat(operations).contains("GET /api/patients/{id}", "POST /api/accounts", "GET /api/accounts/audit",
                "PUT /api/patients/{id}/intake", "GET /api/therapists");

        for (String operation : operations) {
            String method = operation.substring(0, operation.indexOf(' '));
            String template = operation.substring(operation.indexOf(' ') + 1);
            String url = template.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            for (String who : new String[] { null, "ada", "tara", "pat" }) {
                String correlationId = "audit-test-" + UUID.randomUUID();
                RequestSpecification request = given().header("X-Correlation-Id", correlationId);
                String token = null;
                if (who != null) {
                    token = Tokens.accessToken(who);
                    request = request.auth().oauth2(token);
                }
                if (!method.equals("GET") && !method.equals("DELETE")) {
                    request = request.contentType(ContentType.JSON).body("{}");
                }
                Response response = request.when().request(method, url);
                assertThat(response.header("X-Correlation-Id")).as(operation).isEqualTo(correlationId);

                List<AuditEntry> entries = audit.byCorrelationId(correlationId);
                assertThat(entries).as("audit records of %s as %s", operation, who).hasSize(1);
                AuditEntry entry = entries.get(0);
                assertThat(entry.resource()).as(operation).isEqualTo(template);
                assertThat(entry.method()).isEqualTo(method);
                assertThat(entry.status()).as(operation + " as " + who).isEqualTo(response.statusCode());
                assertThat(entry.service()).isEqualTo("patient-service");
                assertThat(entry.action()).isEqualTo(AuditEntry.Action.of(method).name());
                assertThat(entry.outcome()).isEqualTo(AuditEntry.Outcome.of(response.statusCode()).name());
                if (who == null) {
                    assertThat(entry.actorRole()).isEqualTo("anonymous");
                    assertThat(entry.outcome()).isEqualTo("DENIED");
                } else {
                    assertThat(entry.actorSub()).isEqualTo(Tokens.subject(token));
                    assertThat(entry.actorRole()).isEqualTo(who.equals("ada") ? "admin"
                            : who.equals("tara") ? "therapist" : "patient");
                    assertThat(entry.clientId()).isEqualTo("homeprogram-cli");
                }
            }
        }
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

    @Test
    void theTrailIsAppendOnlyInTheDatabase() {
        given().auth().oauth2(Tokens.accessToken("pat")).when().get("/api/patients/me").then().statusCode(200);
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("UPDATE audit_record SET status = 200").executeUpdate()))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("DELETE FROM audit_record").executeUpdate()))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("TRUNCATE audit_record").executeUpdate()))
                .hasStackTraceContaining("append-only");
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
