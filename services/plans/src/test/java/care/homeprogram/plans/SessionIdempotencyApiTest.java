package care.homeprogram.plans;

import static care.homeprogram.plans.PlanFixtures.assignAcute;
import static care.homeprogram.plans.PlanFixtures.firstItem;
import static care.homeprogram.testing.DemoUsers.PAT;
import static care.homeprogram.testing.DemoUsers.SAM;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import care.homeprogram.plans.service.SessionIdempotency;
import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.TestEvents;
import care.homeprogram.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A session logged offline is sent again by the phone until it hears an answer: the Idempotency-Key it made for
 * the log makes every resend answer the first outcome, with one session stored and one alert raised. Real tokens,
 * real PostgreSQL, events on the real broker.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PLANS"))
class SessionIdempotencyApiTest {

    @Inject
    SessionIdempotency idempotency;

    @BeforeEach
    void careTeamsArrive() {
        PlanFixtures.demoCareTeamsArrived();
    }

    private static String body(String itemId, OffsetDateTime performedAt, int before, int after) {
        return "{\"itemId\": \"" + itemId + "\", \"performedAt\": \"" + performedAt + "\", \"setsDone\": 1, "
                + "\"repsDone\": 5, \"painBefore\": " + before + ", \"painAfter\": " + after + ", \"symptoms\": []}";
    }

    private static ValidatableResponse send(String patient, String planId, String key, String body) {
        return given().auth().oauth2(Tokens.accessToken(patient)).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(body).post("/api/plans/" + planId + "/sessions").then();
    }

    private static List<String> sessionIds(String patient, String planId) {
        return given().auth().oauth2(Tokens.accessToken(patient)).get("/api/plans/" + planId + "/sessions").then()
                .statusCode(200).extract().path("items.id");
    }

    private static OffsetDateTime aMinuteAgo() {
        return OffsetDateTime.now(TestClockProducer.CLOCK).minusMinutes(1);
    }

    @Test
    void theSameKeyAndBodyAgainReplaysTheFirstOutcomeWithOneSessionAndOneAlert() {
        String planId = assignAcute("tara", PAT);
        String itemId = firstItem("pat", planId);
        String key = UUID.randomUUID().toString();
        String log = body(itemId, aMinuteAgo(), 2, 8);

        String sessionId = send("pat", planId, key, log).statusCode(201)
                .body("decision", equalTo("ITEM_PAUSED")).body("therapistAlerted", equalTo(true))
                .extract().path("sessionId");
        // Sent again (twice: the phone reconnected twice) after the first paused the item: the same answer, no 409.
        for (int resend = 0; resend < 2; resend++) {
            send("pat", planId, key, log).statusCode(201)
                    .body("sessionId", equalTo(sessionId))
                    .body("decision", equalTo("ITEM_PAUSED"))
                    .body("therapistAlerted", equalTo(true));
        }

        assertThat(sessionIds("pat", planId)).containsExactly(sessionId);
        given().auth().oauth2(Tokens.accessToken("tara")).get("/api/alerts?status=open").then().statusCode(200)
                .body("items.findAll { it.planId == '" + planId + "' }.size()", equalTo(1))
                .body("items.find { it.planId == '" + planId + "' }.occurrences", equalTo(1));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(TestEvents.readAll("plan-events"))
                .filteredOn(e -> e.path("type").asText().equals("SessionLogged")
                        && e.path("data").path("planId").asText().equals(planId))
                .hasSize(1));
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedWith422AndStoresNothing() {
        String planId = assignAcute("tara", PAT);
        String itemId = firstItem("pat", planId);
        String key = UUID.randomUUID().toString();
        OffsetDateTime performedAt = aMinuteAgo();
        String sessionId = send("pat", planId, key, body(itemId, performedAt, 2, 2)).statusCode(201)
                .extract().path("sessionId");

        send("pat", planId, key, body(itemId, performedAt, 2, 3)).statusCode(422)
                .contentType("application/problem+json")
                .body("status", equalTo(422))
                .body("type", equalTo("https://homeprogram.care/problems/idempotency-key-reused"));
        assertThat(sessionIds("pat", planId)).containsExactly(sessionId);
    }

    @Test
    void anotherPatientsSameKeyIsAnotherKey() {
        String patsPlan = assignAcute("tara", PAT);
        String samsPlan = assignAcute("tara", SAM);
        String key = UUID.randomUUID().toString();
        String pats = send("pat", patsPlan, key, body(firstItem("pat", patsPlan), aMinuteAgo(), 1, 1))
                .statusCode(201).extract().path("sessionId");
        String sams = send("sam", samsPlan, key, body(firstItem("sam", samsPlan), aMinuteAgo(), 1, 1))
                .statusCode(201).extract().path("sessionId");

        assertThat(sams).isNotEqualTo(pats);
        assertThat(sessionIds("sam", samsPlan)).containsExactly(sams);
        assertThat(sessionIds("pat", patsPlan)).containsExactly(pats);
    }

    @Test
    void concurrentDuplicatesStoreOneSession() throws Exception {
        String planId = assignAcute("tara", PAT);
        String itemId = firstItem("pat", planId);
        String key = UUID.randomUUID().toString();
        String log = body(itemId, aMinuteAgo(), 3, 3);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService phone = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> answers = java.util.stream.IntStream.range(0, 4).mapToObj(i -> phone.submit(() -> {
                start.await();
                return send("pat", planId, key, log).statusCode(201).extract().<String>path("sessionId");
            })).toList();
            start.countDown();
            List<String> sessionIds = new java.util.ArrayList<>();
            for (Future<String> answer : answers) {
                sessionIds.add(answer.get());
            }
            assertThat(sessionIds).hasSize(4).containsOnly(sessionIds.get(0));
            assertThat(sessionIds("pat", planId)).containsExactly(sessionIds.get(0));
        } finally {
            phone.shutdownNow();
        }
    }

    @Test
    void aKeyIsForgottenAfterItsRetentionByThePurge() {
        String planId = assignAcute("tara", PAT);
        String itemId = firstItem("pat", planId);
        String key = UUID.randomUUID().toString();
        send("pat", planId, key, body(itemId, aMinuteAgo(), 1, 1)).statusCode(201);

        // Within the retention nothing is purged; after 7 days (the default) and a purge, the key is free again.
        idempotency.purgeExpired();
        send("pat", planId, key, body(itemId, aMinuteAgo(), 1, 2)).statusCode(422);
        TestClockProducer.CLOCK.advance(Duration.ofDays(7).plusMinutes(1));
        assertThat(idempotency.purgeExpired()).isGreaterThanOrEqualTo(1);
        send("pat", planId, key, body(itemId, aMinuteAgo(), 1, 2)).statusCode(201);
        assertThat(sessionIds("pat", planId)).hasSize(2);
    }

    @Test
    void aKeyNoDeviceWouldMakeIsABadRequest() {
        String planId = assignAcute("tara", PAT);
        String itemId = firstItem("pat", planId);
        send("pat", planId, "x".repeat(101), body(itemId, aMinuteAgo(), 1, 1)).statusCode(400)
                .contentType("application/problem+json");
        send("pat", planId, "two words", body(itemId, aMinuteAgo(), 1, 1)).statusCode(400)
                .contentType("application/problem+json");
        assertThat(sessionIds("pat", planId)).isEmpty();
    }
}
