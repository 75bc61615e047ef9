package care.homeprogram.plans;

import static care.homeprogram.plans.PlanFixtures.assignAcute;
import static care.homeprogram.plans.PlanFixtures.firstItem;
import static care.homeprogram.plans.PlanFixtures.logSession;
import static care.homeprogram.testing.DemoUsers.PAT;
import static care.homeprogram.testing.DemoUsers.TARA;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.oneOf;

import care.homeprogram.commons.audit.AuditEntry;
import care.homeprogram.commons.audit.AuditLog;
import care.homeprogram.plans.safety.AlertSpec;
import care.homeprogram.plans.safety.Severity;
import care.homeprogram.plans.service.AlertService;
import care.homeprogram.testing.AuditTrailWalk;
import care.homeprogram.testing.OpenApiOperations;
import care.homeprogram.testing.OpenApiOperations.Operation;
import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.Tokens;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every access to plan-service's API leaves an audit record that names the patient whose data it touched (finding 1
 * of issue #12), and anonymous noise to paths that do not exist leaves none (finding 3).
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PLANS"))
class AuditTrailTest {
    @Inject
    AuditLog audit;

    @Inject
    AlertService alerts;

    @Inject
    EntityManager entityManager;

    @Inject
    MeterRegistry registry;

    @BeforeEach
    void careTeamsArrive() {
        PlanFixtures.demoCareTeamsArrived();
    }

    /**
     * Walks the OpenAPI document with real ids of pat in tara's care: a plan, its first item, a session that raised an
     * alert, the alert; every operation on a plan, session, item, alert, hydration, check-in or FHIR record names pat.
     */
    @Test
    void everyOperationIsRecordedAndNamesThePatientWhoseDataItTouched() {
        String planId = assignAcute("tara", PAT);
        String itemId = firstItem("pat", planId);
        String sessionId = logSession("pat", planId, itemId, 2, 7, "", "").statusCode(201)
                .extract().path("sessionId");
        String alertId = given().auth().oauth2(Tokens.accessToken("tara")).get("/api/alerts?status=open")
                .then().statusCode(200).extract().path("items.find { it.planId == '" + planId + "' }.id");

        String scheduleId = given().auth().oauth2(Tokens.accessToken("tara"))
                .contentType(io.restassured.http.ContentType.JSON)
                .body("{\"instrument\": \"pain-nrs\", \"atIntake\": true}")
                .post("/api/measures/plans/" + planId + "/schedules").then().statusCode(201).extract().path("id");

        // pat's RTM consent (once per database: an earlier run may have recorded it), so the ledger lists pat
        int consent = given().auth().oauth2(Tokens.accessToken("tara")).contentType(io.restassured.http.ContentType.JSON)
                .body("{\"method\": \"VERBAL\"}").put("/api/rtm/patients/" + PAT + "/consent").statusCode();
        assertThat(consent).isIn(200, 409);
        String month = java.time.YearMonth.now(TestClockProducer.CLOCK).toString();

        List<Operation> operations = OpenApiOperations.all();
        assertThat(operations.stream().map(Operation::toString)).contains("GET /api/plans/{id}/sessions",
                "GET /api/fhir/patients/{id}", "POST /api/alerts/{id}/acknowledge", "GET /api/plans/{id}/hydration",
                "GET /api/plans/audit/verify", "POST /api/check-ins", "GET /api/measures/due",
                "POST /api/measures/schedules/{id}/responses", "POST /api/instruments/{key}/enable");
        AuditTrailWalk walk = new AuditTrailWalk("plan-service", audit::byCorrelationId,
                operation -> operation.template().equals("/api/plans") && operation.method().equals("GET")
                        ? "/api/plans?patientId=" + PAT
                        : operation.template().equals("/api/plans/overview") ? "/api/plans/overview?patientId=" + PAT
                        : operation.template().startsWith("/api/rtm/ledger") ? operation.template() + "?month=" + month
                        : operation.template().equals("/api/rtm/patients/{id}/time") && operation.method().equals("GET")
                        ? "/api/rtm/patients/" + PAT + "/time?month=" + month
                        : operation.path(name -> switch (name) {
                            case "sessionId" -> sessionId;
                            case "month" -> month;
                            case "itemId" -> itemId;
                            case "key" -> "start-back";
                            default -> operation.template().startsWith("/api/plans/{") ? planId
                                    : operation.template().startsWith("/api/measures/plans/") ? planId
                                    : operation.template().startsWith("/api/measures/schedules/") ? scheduleId
                                    : operation.template().startsWith("/api/measures/patients/") ? PAT.toString()
                                    : operation.template().startsWith("/api/rtm/patients/") ? PAT.toString()
                                    : operation.template().startsWith("/api/alerts/") ? alertId
                                    : operation.template().startsWith("/api/fhir/patients/") ? PAT.toString()
                                    : UUID.randomUUID().toString();
                        }),
                (operation, who) -> touchesPatient(operation), PAT);
        assertThat(walk.walk(operations)).isEqualTo(4 * operations.size());
    }

    /**
     * Patient data: plans (but not the admins' audit, outbox and dead-letter views under the prefix), alerts, FHIR,
     * outcome measures (instruments are not patient data), remote therapeutic monitoring (pat has consented, so the
     * ledger lists pat).
     */
    private static boolean touchesPatient(Operation operation) {
        String t = operation.template();
        if (t.startsWith("/api/plans/audit") || t.startsWith("/api/plans/outbox")
                || t.startsWith("/api/plans/dead-letters")) {
            return false;
        }
        // The calendar feed by a made-up link touches nobody's data; the patient's own feed settings are theirs.
        return t.startsWith("/api/plans") || t.startsWith("/api/alerts") || t.startsWith("/api/fhir")
                || t.startsWith("/api/check-ins") || t.startsWith("/api/measures") || t.equals("/api/calendar-feed")
                || t.startsWith("/api/rtm");
    }

    /** The two reads the issue saw recorded with no patient: a therapist's session list and FHIR export. */
    @Test
    void aTherapistsSessionListAndFhirExportNameThePatient() {
        String planId = assignAcute("tara", PAT);
        String sessions = "sessions-" + UUID.randomUUID();
        given().auth().oauth2(Tokens.accessToken("tara")).header("X-Correlation-Id", sessions)
                .get("/api/plans/" + planId + "/sessions").then().statusCode(200);
        String fhir = "fhir-" + UUID.randomUUID();
        given().auth().oauth2(Tokens.accessToken("tara")).header("X-Correlation-Id", fhir)
                .get("/api/fhir/patients/" + PAT).then().statusCode(200);
        for (String correlationId : List.of(sessions, fhir)) {
            List<AuditEntry> entries = audit.byCorrelationId(correlationId);
            assertThat(entries).hasSize(1);
            assertThat(entries.get(0).patientId()).isEqualTo(PAT);
            assertThat(entries.get(0).actorSub()).isEqualTo(TARA.toString());
        }

        // Denied too: theo is not in pat's care, yet his attempt shows up in a query by pat.
        String denied = "denied-" + UUID.randomUUID();
        given().auth().oauth2(Tokens.accessToken("theo")).header("X-Correlation-Id", denied)
                .get("/api/plans/" + planId + "/sessions").then().statusCode(404);
        assertThat(audit.byCorrelationId(denied)).singleElement()
                .satisfies(e -> assertThat(e.patientId()).isEqualTo(PAT))
                .satisfies(e -> assertThat(e.outcome()).isEqualTo("DENIED"));
    }

    /** A list spanning several patients leaves one record per patient shown, so a query by patient finds it. */
    @Test
    void aTherapistsAlertListLeavesARecordPerPatientListed() {
        UUID other = PlanFixtures.projectedPatient(TARA);
        PlanFixtures.awaitCareTeam("tara", other);
        QuarkusTransaction.requiringNew().run(() -> alerts.raise(other, null, null,
                new AlertSpec(Severity.LOW, AlertSpec.STOP_RULE, "audit walk")));
        assignAcute("tara", PAT);
        String planId = assignAcute("tara", PAT);
        logSession("pat", planId, firstItem("pat", planId), 2, 7, "", "").statusCode(201);

        String correlationId = "alerts-" + UUID.randomUUID();
        List<String> listed = given().auth().oauth2(Tokens.accessToken("tara"))
                .header("X-Correlation-Id", correlationId)
                .get("/api/alerts?status=all").then().statusCode(200).extract().path("items.patientId");
        Set<UUID> shown = listed.stream().map(UUID::fromString).collect(Collectors.toSet());
        assertThat(shown).contains(PAT, other);

        List<AuditEntry> entries = audit.byCorrelationId(correlationId);
        assertThat(entries.stream().map(AuditEntry::patientId).collect(Collectors.toSet())).isEqualTo(shown);
        assertThat(entries).hasSize(shown.size()).allSatisfy(e -> {
            assertThat(e.resource()).isEqualTo("/api/alerts");
            assertThat(e.actorSub()).isEqualTo(TARA.toString());
        });
        given().auth().oauth2(Tokens.accessToken("ada")).get("/api/plans/audit?patientId=" + other + "&size=100")
                .then().statusCode(200).body("items.correlationId", org.hamcrest.Matchers.hasItem(correlationId));
    }

    /** Finding 3: 50 anonymous requests to made-up paths add no row; they are counted instead. */
    @Test
    void anonymousRequestsToUnknownPathsAreCountedNotRecorded() {
        long rowsBefore = rows();
        double countedBefore = counted("unknown-path");
        for (int i = 0; i < 50; i++) {
            String path = i % 2 == 0 ? "/api/no-such-thing-" + i : "/api/plans/" + UUID.randomUUID() + "/nope/" + i;
            given().header("X-Correlation-Id", "noise-" + i).get(path).then().statusCode(oneOf(401, 404));
        }
        given().auth().oauth2("not.a.token").get("/api/not-here/at-all").then().statusCode(oneOf(401, 404));
        assertThat(rows()).isEqualTo(rowsBefore);
        assertThat(counted("unknown-path") - countedBefore).isEqualTo(51);

        // A signed-in caller's request to an unknown path is still recorded.
        String signedIn = "unknown-signed-in-" + UUID.randomUUID();
        given().auth().oauth2(Tokens.accessToken("tara")).header("X-Correlation-Id", signedIn)
                .get("/api/no-such-thing").then().statusCode(404);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                audit.byCorrelationId(signedIn)).singleElement()
                .satisfies(e -> assertThat(e.actorSub()).isEqualTo(TARA.toString())));
    }

    /**
     * Refused tokens on real endpoints are kept (no other test of this JVM spends the budget, so the first is), but only
     * up to the per-minute budget (60 per replica by default): sent until one is refused a record, the rest is counted.
     */
    @Test
    void refusedTokensOnRealEndpointsAreRecordedUpToABudget() {
        long rowsBefore = rows();
        double overBefore = counted("refused-over-limit");
        String first = "refused-" + UUID.randomUUID();
        int sent = 0;
        while (counted("refused-over-limit") == overBefore && sent < 200) {
            given().auth().oauth2("not.a.token").header("X-Correlation-Id", sent == 0 ? first : "refused-" + sent)
                    .get("/api/plans/" + UUID.randomUUID()).then().statusCode(401);
            sent++;
        }
        int total = sent;
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> {
            long added = rows() - rowsBefore;
            double over = counted("refused-over-limit") - overBefore;
            assertThat(over).as("refused tokens beyond the budget are counted").isGreaterThanOrEqualTo(1);
            assertThat(added).as("at most the budget of this minute and the next").isBetween(1L, 120L);
            assertThat(added + (long) over).isEqualTo(total);
            assertThat(audit.byCorrelationId(first)).singleElement()
                    .satisfies(e -> assertThat(e.status()).isEqualTo(401))
                    .satisfies(e -> assertThat(e.actorRole()).isEqualTo("anonymous"));
        });
    }

    private long rows() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT count(*) FROM audit_record").getSingleResult()).longValue());
    }

    private double counted(String reason) {
        Counter counter = registry.find("homeprogram.audit.unrecorded.requests").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }
}
