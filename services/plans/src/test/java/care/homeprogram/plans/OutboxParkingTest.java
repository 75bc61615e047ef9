package care.homeprogram.plans;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import care.homeprogram.commons.outbox.Outbox;
import care.homeprogram.contract.events.EventType;
import care.homeprogram.commons.outbox.OutboxEvent;
import care.homeprogram.commons.outbox.OversizedEventException;
import care.homeprogram.testing.DemoUsers;
import care.homeprogram.testing.ManagementInterface;
import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.TestEvents;
import care.homeprogram.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * An event the broker can never take (2 MB, above Kafka's 1 MB limit) no longer stops the events behind it: it is
 * retried, parked with its error, shown in the metrics and the readiness data, and an admin can retry it.
 */
@QuarkusTest
@TestProfile(OutboxParkingTest.QuickParking.class)
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PLANS"))
class OutboxParkingTest {
    private static final String TOPIC = "plan-events";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /** Three attempts, seconds apart: parked within seconds, yet long enough for other rows to go out meanwhile. */
    public static class QuickParking implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("homeprogram.outbox.max-attempts", "3",
                    "homeprogram.outbox.first-retry-after", "PT2S",
                    "homeprogram.outbox.max-retry-after", "PT4S",
                    "homeprogram.outbox.count-every", "0.5s");
        }
    }

    @Inject
    EntityManager entityManager;

    @Inject
    Outbox outbox;

    @Test
    void aParkedOutboxRowDoesNotStopLaterRows() {
        UUID patient = PlanFixtures.projectedPatient(DemoUsers.TARA);
        PlanFixtures.awaitCareTeam("tara", patient);

        UUID stuckAggregate = UUID.randomUUID();
        UUID oversized = insertEvent(stuckAggregate, "OversizedForTest", "x".repeat(2 * 1024 * 1024));
        String planId = PlanFixtures.assignAcute("tara", patient);
        UUID sameAggregateLater = insertEvent(stuckAggregate, "AfterTheOversizedOne", "small");

        // Rows of other aggregates go out while the oversized one is still being retried ...
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(row(oversized).parkedAt).isNotNull());
        OutboxEvent parked = row(oversized);
        OutboxEvent assigned = planAssignedRow(UUID.fromString(planId));
        assertThat(assigned.publishedAt).as("PlanAssigned went out before the bad row was given up on")
                .isBefore(parked.parkedAt);
        assertThat(parked.attempts).isEqualTo(3);
        assertThat(parked.publishedAt).isNull();
        assertThat(parked.lastError).contains("RecordTooLargeException");
        // ... while the later row of the same aggregate (same key, same partition) waits for it to be parked.
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(row(sameAggregateLater).publishedAt).isNotNull());
        assertThat(row(sameAggregateLater).publishedAt).isAfterOrEqualTo(parked.parkedAt);
        await().atMost(PATIENCE).untilAsserted(() -> {
            List<JsonNode> published = TestEvents.readAll(TOPIC);
            assertThat(published).anyMatch(e -> e.path("type").asText().equals("PlanAssigned")
                    && e.path("aggregateId").asText().equals(planId));
            assertThat(published).anyMatch(e -> e.path("id").asText().equals(sameAggregateLater.toString()));
            assertThat(published).noneMatch(e -> e.path("id").asText().equals(oversized.toString()));
        });

        // Visible to operators: the parked gauge, the failed attempts, the readiness data (and still UP).
        await().atMost(PATIENCE).untilAsserted(() -> {
            String metrics = ManagementInterface.given().get("/q/metrics").then().statusCode(200).extract().asString();
            assertThat(metrics).containsPattern(metric("homeprogram_outbox_parked", "1.0"));
            assertThat(metrics).containsPattern(metric("homeprogram_outbox_pending", "0.0"));
            assertThat(metrics).containsPattern(metric("homeprogram_outbox_failed_attempts_total", "3.0"));
        });
        ManagementInterface.given().get("/q/health/ready").then()
                .body("checks.find { it.name == 'outbox' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'outbox' }.data.parked", equalTo(1))
                .body("checks.find { it.name == 'outbox' }.data.pending", equalTo(0));

        // The admin sees it, with its error and without its payload.
        String ada = Tokens.accessToken("ada");
        given().auth().oauth2(ada).get("/api/plans/outbox/parked").then().statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].id", equalTo(oversized.toString()))
                .body("items[0].topic", equalTo(TOPIC))
                .body("items[0].type", equalTo("OversizedForTest"))
                .body("items[0].aggregateId", equalTo(stuckAggregate.toString()))
                .body("items[0].attempts", equalTo(3))
                .body("items[0].lastError", containsString("RecordTooLargeException"))
                .body("items[0].parkedAt", notNullValue())
                .body("items[0]", not(org.hamcrest.Matchers.hasKey("payload")));

        // A retry gives it fresh attempts; the broker still refuses it, so it is parked again.
        given().auth().oauth2(ada).post("/api/plans/outbox/parked/" + oversized + "/retry").then().statusCode(202)
                .body("id", equalTo(oversized.toString()))
                .body("attempts", equalTo(0))
                .body("parkedAt", nullValue());
        await().atMost(PATIENCE).untilAsserted(() -> {
            OutboxEvent again = row(oversized);
            assertThat(again.parkedAt).isAfter(parked.parkedAt);
            assertThat(again.attempts).isEqualTo(3);
        });

        // Once what made it unpublishable is fixed, "retry all" gets it out.
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("UPDATE outbox_event SET payload = :payload WHERE id = :id")
                .setParameter("payload", envelope(oversized, "OversizedForTest", stuckAggregate, "fixed"))
                .setParameter("id", oversized)
                .executeUpdate());
        given().auth().oauth2(ada).post("/api/plans/outbox/parked/retry").then().statusCode(202)
                .body("total", equalTo(1))
                .body("items.id", hasItem(oversized.toString()));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(row(oversized).publishedAt).isNotNull());
        assertThat(TestEvents.readAll(TOPIC)).anyMatch(e -> e.path("id").asText().equals(oversized.toString()));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(
                ManagementInterface.given().get("/q/metrics").then().extract().asString())
                .containsPattern(metric("homeprogram_outbox_parked", "0.0")));
        given().auth().oauth2(ada).get("/api/plans/outbox/parked").then().statusCode(200).body("total", equalTo(0));

        // The admin's retry is in the audit trail: who, what, which row, the outcome.
        given().auth().oauth2(ada).get("/api/plans/audit?actor=" + Tokens.subject(ada) + "&size=100")
                .then().statusCode(200)
                .body("items.find { it.resource == '/api/plans/outbox/parked/{id}/retry' }.objectId",
                        equalTo(oversized.toString()))
                .body("items.find { it.resource == '/api/plans/outbox/parked/{id}/retry' }.actorRole",
                        equalTo("admin"))
                .body("items.find { it.resource == '/api/plans/outbox/parked/{id}/retry' }.outcome",
                        equalTo("ALLOWED"))
                .body("items.resource", hasItem("/api/plans/outbox/parked/retry"));
    }

    @Test
    void onlyAdminsSeeAndRetryParkedEvents() {
        String unknown = UUID.randomUUID().toString();
        for (String user : List.of("tara", "pat")) {
            String token = Tokens.accessToken(user);
            given().auth().oauth2(token).get("/api/plans/outbox/parked").then().statusCode(403)
                    .contentType("application/problem+json");
            given().auth().oauth2(token).post("/api/plans/outbox/parked/" + unknown + "/retry").then().statusCode(403);
            given().auth().oauth2(token).post("/api/plans/outbox/parked/retry").then().statusCode(403);
        }
        given().get("/api/plans/outbox/parked").then().statusCode(401).contentType("application/problem+json");
        given().post("/api/plans/outbox/parked/" + unknown + "/retry").then().statusCode(401);
        given().post("/api/plans/outbox/parked/retry").then().statusCode(401);

        String ada = Tokens.accessToken("ada");
        given().auth().oauth2(ada).post("/api/plans/outbox/parked/" + unknown + "/retry").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(ada).post("/api/plans/outbox/parked/not-an-id/retry").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(ada).get("/api/plans/outbox/parked?size=0").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("size"));
    }

    @Test
    void anEventTooBigToEverBePublishedIsNeverWritten() {
        UUID aggregate = UUID.randomUUID();
        Filler data = new Filler("x".repeat(600 * 1024));

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> outbox.append(
                new EventType<>(TOPIC, "TooBig", 1, Filler.class), aggregate, data)))
                .isInstanceOf(OversizedEventException.class)
                .hasMessageContaining("homeprogram.outbox.max-payload-bytes");
        assertThat(QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery("SELECT count(e) FROM OutboxEvent e WHERE e.aggregateId = :aggregate", Long.class)
                .setParameter("aggregate", aggregate).getSingleResult())).isZero();
    }

    /** An event far beyond any real one: a missing input bound in our own code would produce such a thing. */
    record Filler(String filler) {
    }

    private UUID insertEvent(UUID aggregate, String type, String filler) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "INSERT INTO outbox_event (id, topic, aggregate_id, type, payload, occurred_at, attempts) "
                        + "VALUES (:id, :topic, :aggregate, :type, :payload, now(), 0)")
                .setParameter("id", id)
                .setParameter("topic", TOPIC)
                .setParameter("aggregate", aggregate)
                .setParameter("type", type)
                .setParameter("payload", envelope(id, type, aggregate, filler))
                .executeUpdate());
        return id;
    }

    private static String envelope(UUID id, String type, UUID aggregate, String filler) {
        return "{\"id\":\"" + id + "\",\"type\":\"" + type + "\",\"occurredAt\":\"" + OffsetDateTime.now()
                + "\",\"version\":1,\"aggregateId\":\"" + aggregate + "\",\"data\":{\"filler\":\"" + filler + "\"}}";
    }

    private OutboxEvent row(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.find(OutboxEvent.class, id));
    }

    private OutboxEvent planAssignedRow(UUID planId) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery(
                "FROM OutboxEvent WHERE aggregateId = :plan AND type = 'PlanAssigned'", OutboxEvent.class)
                .setParameter("plan", planId)
                .getSingleResult());
    }

    /** A Prometheus sample line, whatever its tags. */
    private static Pattern metric(String name, String value) {
        return Pattern.compile("(?m)^" + name + "(\\{[^}]*})? " + Pattern.quote(value) + "$");
    }
}
