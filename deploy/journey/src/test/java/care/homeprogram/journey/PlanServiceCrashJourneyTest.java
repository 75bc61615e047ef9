package care.homeprogram.journey;

import static care.homeprogram.testing.DemoUsers.SAM;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import care.homeprogram.local.Platform;
import care.homeprogram.local.Service;
import care.homeprogram.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A session acknowledged to the patient is never lost, whatever happens to plan-service after the 201: it is killed
 * (SIGKILL) in the middle of 1,000 session logs and started again; every acknowledged session is in the record and
 * its SessionLogged event reaches the topic, as one event (one id), however often the relay had to send it.
 */
class PlanServiceCrashJourneyTest {
    private static final int ATTEMPTS = 1_000;
    private static final int KILL_AFTER = 300;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Platform platform = RunningPlatform.get();

    @Test
    void killedInTheMiddleOfAThousandSessionLogsItLosesNoAcknowledgedSession() throws Exception {
        String planId = JourneyPlans.assignAcute(platform, "tara", SAM);
        String itemId = given().baseUri(platform.url(Service.PLANS)).auth().oauth2(Tokens.accessToken("sam"))
                .get("/api/plans/" + planId).then().statusCode(200).extract().path("items[0].id");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger attempts = new AtomicInteger();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        ExecutorService patients = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            patients.submit(() -> {
                while (attempts.incrementAndGet() <= ATTEMPTS) {
                    Attempt attempt = logSession(http, planId, itemId);
                    attempt.sessionId().ifPresent(acknowledged::add);
                    if (attempt.unreachable()) {
                        // The patient's app tries again a moment later; a refused connection is no session logged.
                        attempts.decrementAndGet();
                        await().pollDelay(Duration.ofMillis(100)).until(() -> true);
                    }
                }
            });
        }
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(20))
                .until(() -> acknowledged.size() >= KILL_AFTER);
        platform.kill(Service.PLANS);
        int atTheCrash = acknowledged.size();
        Instant killedAt = Instant.now();
        platform.restart(Service.PLANS);
        Duration downFor = Duration.between(killedAt, Instant.now());
        patients.shutdown();
        assertThat(patients.awaitTermination(5, TimeUnit.MINUTES)).isTrue();
        assertThat(atTheCrash).as("killed in the middle").isLessThan(ATTEMPTS);
        assertThat(acknowledged.size()).as("sessions logged after the restart too").isGreaterThan(atTheCrash);

        int recorded = given().baseUri(platform.url(Service.PLANS)).auth().oauth2(Tokens.accessToken("tara"))
                .get("/api/plans/" + planId + "/sessions?size=1").then().statusCode(200).extract().path("total");
        assertThat(recorded).as("sessions in plan-service's record").isGreaterThanOrEqualTo(acknowledged.size());

        Map<String, Set<String>> eventIdsBySession = new HashMap<>();
        int[] records = new int[1];
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            eventIdsBySession.clear();
            records[0] = 0;
            for (JsonNode event : JourneyPlans.sessionEvents(planId)) {
                records[0]++;
                eventIdsBySession.computeIfAbsent(event.path("data").path("sessionId").asText(),
                        s -> new HashSet<>()).add(event.path("id").asText());
            }
            return eventIdsBySession.size() >= recorded && eventIdsBySession.keySet().containsAll(acknowledged);
        });
        assertThat(eventIdsBySession.values()).as("one event per session").allSatisfy(ids ->
                assertThat(ids).hasSize(1));
        assertThat(eventIdsBySession).hasSize(recorded);
        System.out.printf("[chaos] plan-service killed (SIGKILL) after %d of %d session logs were acknowledged,"
                + " back after %d ms: %d acknowledged in all, %d recorded, %d SessionLogged events (%d records on the"
                + " topic, %d resent by the relay), 0 acknowledged sessions lost%n", atTheCrash, ATTEMPTS,
                downFor.toMillis(), acknowledged.size(), recorded, eventIdsBySession.size(), records[0],
                records[0] - eventIdsBySession.size());
    }

    /** One try to log a session: its id when plan-service acknowledged it (201); unreachable when nobody answered. */
    private record Attempt(java.util.Optional<String> sessionId, boolean unreachable) {
    }

    private Attempt logSession(HttpClient http, String planId, String itemId) {
        String body = "{\"itemId\": \"" + itemId + "\", \"performedAt\": \"" + OffsetDateTime.now().minusMinutes(5)
                + "\", \"setsDone\": 1, \"repsDone\": 5, \"painBefore\": 1, \"painAfter\": 1, \"symptoms\": []}";
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                    URI.create(platform.url(Service.PLANS) + "/api/plans/" + planId + "/sessions"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + Tokens.accessToken("sam"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            return new Attempt(response.statusCode() == 201
                    ? java.util.Optional.of(JSON.readTree(response.body()).path("sessionId").asText())
                    : java.util.Optional.empty(), false);
        } catch (java.net.ConnectException e) {
            return new Attempt(java.util.Optional.empty(), true); // plan-service is down: nothing was sent
        } catch (Exception e) {
            // killed mid-request: the patient saw no acknowledgement (the session may or may not be recorded)
            return new Attempt(java.util.Optional.empty(), false);
        }
    }
}
