package care.homeprogram.plans;

import static care.homeprogram.testing.DemoUsers.PAT;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import care.homeprogram.commons.audit.AuditEntry;
import care.homeprogram.commons.audit.AuditLog;
import care.homeprogram.commons.outbox.OutboxEvent;
import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.TestEvents;
import care.homeprogram.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A request that arrives in a trace (the portal forwards every click's) keeps it across the outbox and Kafka, and the
 * trace id is its audit correlation id (docs/architecture.md, "Tracing"): the outbox row stores the request's W3C
 * trace context, the relay publishes the event with a {@code traceparent} header of the same trace, and the audit
 * record and the response's X-Correlation-Id are the trace id.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PLANS"))
class TraceContextTest {
    @Inject
    AuditLog audit;

    @Inject
    EntityManager entityManager;

    @BeforeEach
    void careTeamsArrive() {
        PlanFixtures.demoCareTeamsArrived();
    }

    @Test
    void anAssignmentInATraceKeepsItsTraceInTheOutboxRowTheKafkaHeadersAndTheAuditTrail() {
        String traceId = hex(16);
        String callerSpanId = hex(8);
        String templateId = PlanFixtures.templateId("tara", PlanFixtures.ACUTE);

        var response = given().auth().oauth2(Tokens.accessToken("tara")).contentType(ContentType.JSON)
                .header("traceparent", "00-" + traceId + "-" + callerSpanId + "-01")
                .header("tracestate", "clinic=portal")
                .body("{\"patientId\": \"" + PAT + "\", \"templateId\": \"" + templateId + "\"}")
                .post("/api/plans").then().statusCode(201).extract();
        UUID planId = UUID.fromString(response.path("id"));
        assertThat(response.header("X-Correlation-Id")).as("the response's correlation id").isEqualTo(traceId);

        // The outbox row carries the trace of the request that wrote it, with the request's own span as parent.
        OutboxEvent row = Db.read(() -> entityManager
                .createQuery("FROM OutboxEvent WHERE aggregateId = :plan AND type = 'PlanAssigned'", OutboxEvent.class)
                .setParameter("plan", planId).getSingleResult());
        assertThat(row.traceparent).as("the row's traceparent").matches("00-" + traceId + "-[0-9a-f]{16}-01")
                .doesNotContain(callerSpanId);
        assertThat(row.tracestate).isEqualTo("clinic=portal");

        // The relay publishes it in that trace: the record's traceparent names the same trace.
        ConsumerRecord<String, String> published = await().atMost(Duration.ofSeconds(30))
                .until(() -> TestEvents.records("plan-events").stream()
                        .filter(record -> record.value().contains(planId.toString())
                                && record.value().contains("\"PlanAssigned\""))
                        .findFirst().orElse(null), record -> record != null);
        assertThat(TestEvents.header(published, "traceparent")).as("the record's traceparent header")
                .matches("00-" + traceId + "-[0-9a-f]{16}-01");
        assertThat(TestEvents.header(published, "tracestate")).isEqualTo("clinic=portal");

        // The audit trail recorded the request under the trace id.
        List<AuditEntry> records = audit.byCorrelationId(traceId);
        assertThat(records).as("audit records with correlation id %s", traceId).isNotEmpty()
                .allMatch(entry -> entry.resource().equals("/api/plans"));
    }

    @Test
    void aRequestInATraceThatIsNotRecordedIsStillAuditedUnderItsTraceId() {
        // The caller decided not to record this trace (flag 00), as a request ratio below 1 decides for most reads
        // (homeprogram.tracing.request-ratio): the spans are not recorded, the trace id is still the correlation id.
        String traceId = hex(16);
        String correlationId = given().auth().oauth2(Tokens.accessToken("pat"))
                .header("traceparent", "00-" + traceId + "-" + hex(8) + "-00")
                .get("/api/plans/mine").then().statusCode(200).extract().header("X-Correlation-Id");
        assertThat(correlationId).as("the response's correlation id").isEqualTo(traceId);
        assertThat(audit.byCorrelationId(traceId)).as("audit records with correlation id %s", traceId).hasSize(1)
                .allMatch(entry -> entry.resource().equals("/api/plans/mine"));
    }

    @Test
    void aRequestOutsideAnyTraceIsRecordedUnderItsNewTraceId() {
        String correlationId = given().auth().oauth2(Tokens.accessToken("pat")).get("/api/plans/mine").then()
                .statusCode(200).extract().header("X-Correlation-Id");
        assertThat(correlationId).as("a W3C trace id").matches("[0-9a-f]{32}");
        assertThat(audit.byCorrelationId(correlationId)).hasSize(1);
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1;
        return HexFormat.of().formatHex(random);
    }
}
