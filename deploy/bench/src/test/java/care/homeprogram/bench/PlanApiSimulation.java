package care.homeprogram.bench;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;
import static io.restassured.RestAssured.given;

import care.homeprogram.local.Platform;
import care.homeprogram.local.Service;
import care.homeprogram.testing.Tokens;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.OffsetDateTime;

/**
 * The patient's two hot paths under a short local load: reading today's program (GET /api/plans/mine) and logging a
 * session (POST /api/plans/{id}/sessions: validation, the safety rules, the session row and the outbox event in one
 * transaction). Rates and duration: -Dbench.rate (users/s per scenario, default 20), -Dbench.seconds (default 30).
 */
public class PlanApiSimulation extends Simulation {
    private static final int RATE = Integer.getInteger("bench.rate", 20);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 30);

    private final Platform platform = BenchPlatform.get();
    private final String plans = platform.url(Service.PLANS);
    private final String patToken = Tokens.freshAccessToken("pat", Tokens.DEMO_PASSWORD);
    private final String planId = BenchData.assignAcuteTemplateToPat(plans, false);
    private final String itemId = given().baseUri(plans).auth().oauth2(patToken).get("/api/plans/" + planId)
            .then().statusCode(200).extract().path("items[0].id");

    private final HttpProtocolBuilder protocol = http.baseUrl(plans)
            .header("Authorization", "Bearer " + patToken)
            .acceptHeader("application/json")
            .shareConnections();

    private final ScenarioBuilder readToday = scenario("GET /api/plans/mine")
            .exec(http("GET /api/plans/mine").get("/api/plans/mine").check(status().is(200)));

    private final ScenarioBuilder logSession = scenario("POST /api/plans/{id}/sessions")
            .exec(http("POST /api/plans/{id}/sessions").post("/api/plans/" + planId + "/sessions")
                    .header("Content-Type", "application/json")
                    .body(StringBody(session -> "{\"itemId\": \"" + itemId + "\", \"performedAt\": \""
                            + OffsetDateTime.now().minusMinutes(1) + "\", \"setsDone\": 1, \"repsDone\": 5, "
                            + "\"painBefore\": 2, \"painAfter\": 2, \"symptoms\": []}"))
                    .check(status().is(201)));

    /** Untimed traffic first, so the figures describe a warmed-up JVM rather than the JIT compiler. */
    private final ScenarioBuilder warmUp = scenario("warm-up")
            .exec(http("warm-up GET /api/plans/mine").get("/api/plans/mine").check(status().is(200)));

    {
        setUp(warmUp.injectOpen(constantUsersPerSec(RATE).during(10))
                .andThen(readToday.injectOpen(constantUsersPerSec(RATE).during(SECONDS)),
                        logSession.injectOpen(constantUsersPerSec(RATE).during(SECONDS))))
                .protocols(protocol)
                .assertions(global().failedRequests().count().is(0L));
    }

    @Override
    public void after() {
        platform.close();
    }
}
