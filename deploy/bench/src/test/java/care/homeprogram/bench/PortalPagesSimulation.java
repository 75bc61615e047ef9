package care.homeprogram.bench;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import care.homeprogram.local.Platform;
import care.homeprogram.local.Progress;
import care.homeprogram.local.Service;
import care.homeprogram.testing.DemoUsers;
import care.homeprogram.testing.Tokens;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * The portal's two busiest pages under a short local load, rendered server-side from the services' APIs with the
 * signed-in person's token: the therapist's patient page (patient, plans, versions with their changes, sessions,
 * adherence, alerts, names) and the patient's Today page (plans, today's sessions, inbox). Each virtual user reuses a
 * session signed in once through the real Keycloak login. -Dbench.rate (users/s per page, default 2),
 * -Dbench.seconds (default 30).
 */
public class PortalPagesSimulation extends Simulation {
    private static final int RATE = Integer.getInteger("bench.rate", 2);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 30);

    private final Platform platform = BenchPlatform.get();
    private final String portal = platform.url(Service.PORTAL);
    private final String plans = platform.url(Service.PLANS);
    private final String planId = assignAcuteTemplateToPatWithSessions();
    private final String taraCookies = PortalLogin.sessionCookies(portal, "tara");
    private final String patCookies = PortalLogin.sessionCookies(portal, "pat");

    private final HttpProtocolBuilder protocol = http.baseUrl(portal).acceptHeader("text/html")
            .disableFollowRedirect().shareConnections();

    private final ScenarioBuilder patientPage = scenario("therapist patient page")
            .exec(http("GET /patients/{id} (therapist)").get("/patients/" + DemoUsers.PAT)
                    .header("Cookie", taraCookies)
                    .check(status().is(200), substring("Version history").exists(), substring("Pain trend").exists()));

    private final ScenarioBuilder todayPage = scenario("patient Today page")
            .exec(http("GET /today (patient)").get("/today").header("Cookie", patCookies)
                    .check(status().is(200), substring("Log session").exists()));

    /** Untimed traffic first, so the figures describe warmed-up JVMs rather than the JIT compiler. */
    private final ScenarioBuilder warmUpPatientPage = scenario("warm-up patient page")
            .exec(http("warm-up patient page").get("/patients/" + DemoUsers.PAT).header("Cookie", taraCookies)
                    .check(status().is(200)));
    private final ScenarioBuilder warmUpToday = scenario("warm-up today")
            .exec(http("warm-up today").get("/today").header("Cookie", patCookies).check(status().is(200)));

    {
        setUp(warmUpPatientPage.injectOpen(constantUsersPerSec(RATE).during(10))
                        .andThen(patientPage.injectOpen(constantUsersPerSec(RATE).during(SECONDS))),
                warmUpToday.injectOpen(constantUsersPerSec(RATE).during(10))
                        .andThen(todayPage.injectOpen(constantUsersPerSec(RATE).during(SECONDS))))
                .protocols(protocol)
                .assertions(global().failedRequests().count().is(0L));
    }

    /** A plan with a few sessions, so the pages have history, a trend and sessions to render. */
    private String assignAcuteTemplateToPatWithSessions() {
        String tara = Tokens.freshAccessToken("tara", Tokens.DEMO_PASSWORD);
        String templateId = given().baseUri(plans).auth().oauth2(tara).get("/api/templates").then().statusCode(200)
                .extract().path("items.find { it.slug == 'acute-back-spasm-4-weeks' }.id");
        await().atMost(Duration.ofSeconds(60)).until(() -> given().baseUri(plans).auth().oauth2(tara)
                .get("/api/plans?patientId=" + DemoUsers.PAT).statusCode() == 200);
        String id = given().baseUri(plans).auth().oauth2(tara).contentType(ContentType.JSON)
                .body("{\"patientId\": \"" + DemoUsers.PAT + "\", \"templateId\": \"" + templateId + "\"}")
                .post("/api/plans").then().statusCode(201).extract().path("id");
        String pat = Tokens.freshAccessToken("pat", Tokens.DEMO_PASSWORD);
        String itemId = given().baseUri(plans).auth().oauth2(pat).get("/api/plans/" + id).then().statusCode(200)
                .extract().path("items[1].id");
        for (int day = 3; day >= 1; day--) {
            given().baseUri(plans).auth().oauth2(pat).contentType(ContentType.JSON)
                    .body("{\"itemId\": \"" + itemId + "\", \"performedAt\": \"" + OffsetDateTime.now().minusDays(day)
                            + "\", \"painBefore\": " + (day + 1) + ", \"painAfter\": " + day + ", \"symptoms\": []}")
                    .post("/api/plans/" + id + "/sessions").then().statusCode(201);
        }
        Progress.say("portal benchmark: plan " + id + " with 3 sessions assigned to pat");
        return id;
    }

    @Override
    public void after() {
        platform.close();
    }
}
