package care.homeprogram.plans;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import care.homeprogram.testing.ManagementInterface;
import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #12 asks for per-caller rate limits on the expensive or abusable endpoints, and (finding 10) for health,
 * metrics and OpenAPI off the public port. The limits here are tiny (test profile) to show they come from
 * configuration; the shipped ones are far above what a person or the journeys do.
 */
@QuarkusTest
@TestProfile(RateLimitTest.TinyLimits.class)
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PLANS"))
class RateLimitTest {
    private static final String CHECK_IN = "{\"answers\": {}}";

    public static class TinyLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "homeprogram.rate-limit.clinical-log.requests", "2",
                    "homeprogram.rate-limit.clinical-log.per", "PT1H",
                    "homeprogram.rate-limit.export.requests", "1",
                    "homeprogram.rate-limit.export.per", "PT1H",
                    "homeprogram.rate-limit.calendar-feed.requests", "2",
                    "homeprogram.rate-limit.calendar-feed.per", "PT1H");
        }
    }

    @BeforeEach
    void careTeamsArrive() {
        PlanFixtures.demoCareTeamsArrived();
    }

    @Test
    void aPatientBeyondTheCheckInLimitGets429WithRetryAfterAndOthersAreUnaffected() {
        String pat = Tokens.accessToken("pat");
        checkIn(pat).then().statusCode(201);
        checkIn(pat).then().statusCode(201);

        Response refused = checkIn(pat);
        refused.then().statusCode(429)
                .contentType("application/problem+json")
                .body("type", endsWith("/rate-limited"))
                .body("status", equalTo(429))
                .body("detail", containsString("at most 2 per 1 h"));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).as("seconds until the next check-in is allowed").isBetween(1L, 3600L);

        // Another patient has a bucket of their own.
        checkIn(Tokens.accessToken("sam")).then().statusCode(201);
        // A session log shares the clinical bucket: pat's is empty, so it is refused before any work is done.
        given().auth().oauth2(pat).contentType(ContentType.JSON).body("{}")
                .post("/api/plans/00000000-0000-0000-0000-000000000001/sessions").then().statusCode(429);
    }

    @Test
    void theAuditExportIsLimitedPerAdmin() {
        String ada = Tokens.accessToken("ada");
        given().auth().oauth2(ada).get("/api/plans/audit/export").then().statusCode(200);
        given().auth().oauth2(ada).get("/api/plans/audit/export").then().statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue());
    }

    /**
     * Issue #15: the calendar feed is fetched without a token, so it is limited per client address; known and unknown
     * links share the bucket, so guessing is limited too.
     */
    @Test
    void theCalendarFeedIsLimitedPerClientAddress() {
        String url = given().auth().oauth2(Tokens.accessToken("polly")).post("/api/calendar-feed").then()
                .statusCode(201).extract().path("url");
        String path = java.net.URI.create(url).getRawPath();
        given().get(path).then().statusCode(200);
        given().get("/api/calendar/" + "A".repeat(43) + ".ics").then().statusCode(404);
        given().get(path).then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("detail", containsString("at most 2 per 1 h"));
    }

    /** Finding 10: the public port answers 404 for /q/*; the management interface serves health, metrics, OpenAPI. */
    @Test
    void healthMetricsAndOpenApiAreOnTheManagementInterfaceOnly() {
        for (String path : List.of("/q/health", "/q/health/ready", "/q/metrics", "/q/openapi")) {
            given().get(path).then().statusCode(404);
        }
        ManagementInterface.given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        ManagementInterface.given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_"));
        ManagementInterface.given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/check-ins"));
    }

    private static Response checkIn(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(CHECK_IN).post("/api/check-ins");
    }
}
