package care.homeprogram.portal;

import static org.assertj.core.api.Assertions.assertThat;

import care.homeprogram.portal.FlakyPlanService.Answer;
import care.homeprogram.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The portal's one way of calling a service (client.ServiceCalls), against a plan-service that fails on demand over
 * real HTTP ({@link FlakyPlanService}, which counts every request): a failed read is retried once, a write is sent
 * exactly once whatever happens, repeated failures and timeouts open plan-service's circuit breaker so the portal
 * stops calling and the page says "temporarily unavailable", and refusals (4xx) are neither retried nor failures.
 * Every failure is logged with its cause.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PORTAL"))
@QuarkusTestResource(value = FlakyPlanService.class, restrictToAnnotatedClass = true)
class ServiceCallsTest {
    private static final String PLAN_UNAVAILABLE = "Your plan is temporarily unavailable.";
    private static final String NO_PROGRAM = "You have no program yet.";

    @TestHTTPResource("/")
    URL portal;

    @Inject
    CircuitBreakerMaintenance breakers;

    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final Logger clientLog = Logger.getLogger("care.homeprogram.portal.client");

    @BeforeEach
    void freshPlanService() {
        FlakyPlanService.reset();
        breakers.resetAll();
        clientLog.addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        clientLog.removeHandler(capture);
    }

    @Test
    void aFailedReadIsRetriedOnceAndThePatientSeesTheirDay() throws Exception {
        Browser pat = signedIn();
        FlakyPlanService.mine(Answer.failure(500), 1);

        HttpResponse<String> today = pat.get(uri("/today"));

        assertThat(today.statusCode()).isEqualTo(200);
        assertThat(today.body()).contains(NO_PROGRAM).doesNotContain(PLAN_UNAVAILABLE);
        assertThat(FlakyPlanService.mineCalls).hasValue(2);
    }

    @Test
    void aWriteAnswered503IsSentExactlyOnceAndThePageSaysUnavailable() throws Exception {
        Browser pat = signedIn();
        FlakyPlanService.checkIns(Answer.failure(503), 1);

        HttpResponse<String> answer = checkIn(pat);

        assertThat(answer.statusCode()).isEqualTo(503);
        assertThat(answer.body()).contains("Temporarily unavailable").doesNotContain("Exception");
        assertThat(FlakyPlanService.checkInCalls).hasValue(1);
        assertThat(causesLoggedFor("plan-service")).anySatisfy(cause -> assertThat(cause).contains("503"));
    }

    @Test
    void aWriteThatTimesOutIsNotSentAgain() throws Exception {
        Browser pat = signedIn();
        FlakyPlanService.checkIns(new Answer(200, "application/json", "{\"decision\":\"CONTINUE\"}", 3_000), 1);

        HttpResponse<String> answer = checkIn(pat);

        assertThat(answer.statusCode()).isEqualTo(503);
        // A retry would reach plan-service within the write timeout: the count must stay 1 throughout that window.
        org.awaitility.Awaitility.await().during(java.time.Duration.ofMillis(1_500))
                .atMost(java.time.Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(FlakyPlanService.checkInCalls).hasValue(1));
    }

    @Test
    void repeated5xxOpenTheBreakerThePortalStopsCallingAndThePageSaysUnavailable() throws Exception {
        Browser pat = signedIn();
        FlakyPlanService.mine(Answer.failure(500), 100);

        // 10 calls, all failed (each page: the read and its one retry): plan-service's breaker opens.
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> today = pat.get(uri("/today"));
            assertThat(today.statusCode()).isEqualTo(200);
            assertThat(today.body()).contains(PLAN_UNAVAILABLE).contains("<h1>Today</h1>");
        }
        assertThat(FlakyPlanService.mineCalls).hasValue(10);
        assertThat(breakers.currentState("plan-service")).isEqualTo(CircuitBreakerState.OPEN);

        for (int i = 0; i < 3; i++) {
            HttpResponse<String> today = pat.get(uri("/today"));
            assertThat(today.statusCode()).isEqualTo(200);
            assertThat(today.body()).contains(PLAN_UNAVAILABLE).doesNotContain("Exception");
        }
        assertThat(FlakyPlanService.mineCalls).as("no call while the breaker is open").hasValue(10);
        // The page's "unavailable" kept why: the service's 500, logged with the failure as its cause.
        assertThat(causesLoggedFor("plan-service")).anySatisfy(cause -> assertThat(cause).contains("500"));
    }

    @Test
    void repeatedTimeoutsOpenTheBreakerToo() throws Exception {
        Browser pat = signedIn();
        FlakyPlanService.mine(Answer.slow(2_500), 100);

        for (int i = 0; i < 5; i++) {
            assertThat(pat.get(uri("/today")).body()).contains(PLAN_UNAVAILABLE);
        }

        assertThat(breakers.currentState("plan-service")).isEqualTo(CircuitBreakerState.OPEN);
        int calls = FlakyPlanService.mineCalls.get();
        assertThat(pat.get(uri("/today")).body()).contains(PLAN_UNAVAILABLE);
        assertThat(FlakyPlanService.mineCalls).hasValue(calls);
        assertThat(causesLoggedFor("plan-service")).anySatisfy(cause -> assertThat(cause).contains("Timeout"));
    }

    @Test
    void refusalsAreNeitherRetriedNorCountedAsFailures() throws Exception {
        Browser pat = signedIn();
        FlakyPlanService.mine(Answer.refusal(404, "not-found", "Plan not found"), 15);
        FlakyPlanService.checkIns(Answer.refusal(422, "validation", "Answer every question"), 15);

        for (int i = 0; i < 15; i++) {
            assertThat(pat.get(uri("/today")).statusCode()).isEqualTo(404);
            HttpResponse<String> refused = checkIn(pat);
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("Answer every question");
        }
        assertThat(FlakyPlanService.mineCalls).as("a 404 is not retried").hasValue(15);
        assertThat(FlakyPlanService.checkInCalls).hasValue(15);

        // 30 refusals later plan-service's breaker is still closed: the next page reaches it and shows the day.
        assertThat(breakers.currentState("plan-service")).isEqualTo(CircuitBreakerState.CLOSED);
        HttpResponse<String> today = pat.get(uri("/today"));
        assertThat(today.body()).contains(NO_PROGRAM).doesNotContain(PLAN_UNAVAILABLE);
        assertThat(FlakyPlanService.mineCalls).hasValue(16);
    }

    private Browser signedIn() throws Exception {
        Browser pat = new Browser();
        pat.signIn(uri("/check-in"), "pat");
        return pat;
    }

    private HttpResponse<String> checkIn(Browser pat) throws Exception {
        String token = Browser.csrfToken(pat.get(uri("/check-in")).body());
        return pat.post(uri("/check-in"), Map.of("csrf-token", token));
    }

    /** The causes logged with plan-service's failures: the failure's class and message. */
    private List<String> causesLoggedFor(String service) {
        return logged.stream().filter(r -> r.getThrown() != null)
                .filter(r -> String.valueOf(r.getMessage()).contains(service)
                        || String.valueOf(r.getParameters() == null ? "" : List.of(r.getParameters())).contains(service))
                .map(r -> r.getThrown().toString()).toList();
    }

    private URI uri(String path) {
        return URI.create(portal.toString()).resolve(path);
    }
}
