package care.homeprogram.bench;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import care.homeprogram.local.Platform;
import care.homeprogram.local.Service;
import care.homeprogram.testing.DemoUsers;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

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
    private final String planId = BenchData.assignAcuteTemplateToPat(plans, true);
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

    @Override
    public void after() {
        platform.close();
    }
}
