package care.homeprogram.plans;

import static care.homeprogram.testing.DemoUsers.PAT;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue #12, finding 9: {@code GET /api/plans/audit?page=2147483647&size=100} answered 500 (page × size overflowed
 * into a negative offset). Paging, body sizes and the numbers in bodies are bounded: out of bounds is a 4xx
 * problem+json, never a 500.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PLANS"))
class BoundsTest {
    private static final String DOSE = "{\"sets\": 1, \"reps\": 5, \"timesPerDay\": 1, \"daysOfWeek\": [\"MONDAY\"], "
            + "\"weeks\": 2}";

    @BeforeEach
    void careTeamsArrive() {
        PlanFixtures.demoCareTeamsArrived();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "/api/plans/audit?page=2147483647&size=100", "/api/plans/audit?page=10001",
            "/api/plans/audit?page=-1", "/api/plans/audit?size=101", "/api/plans/audit?size=0",
            "/api/plans/outbox/parked?page=2147483647&size=100", "/api/plans/outbox/parked?size=2147483647" })
    void pagingOutOfBoundsIs400(String url) {
        given().auth().oauth2(Tokens.accessToken("ada")).get(url).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(url.contains("page=") ? "page" : "size"));
    }

    @Test
    void theDeepestPageIsAnEmptyPage() {
        given().auth().oauth2(Tokens.accessToken("ada")).get("/api/plans/audit?page=10000&size=100").then()
                .statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void anOversizedBodyIs413ProblemJson() {
        String padding = "x".repeat(200 * 1024);
        given().auth().oauth2(Tokens.accessToken("tara")).contentType(ContentType.JSON)
                .body("{\"patientId\": \"" + PAT + "\", \"padding\": \"" + padding + "\"}")
                .post("/api/plans").then().statusCode(413).contentType("application/problem+json")
                .body("status", equalTo(413));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "\"sets\": 2147483648", "\"sets\": 99999999999999999999", "\"reps\": -2147483649",
            "\"weeks\": 1e30", "\"timesPerDay\": 2147483647" })
    void absurdNumbersInADoseAre400(String number) {
        String dose = DOSE.replaceFirst("\"" + number.split("\"")[1] + "\": [^,}]+", number);
        PlanFixtures.assign("tara", PAT, "{\"patientId\": \"$PATIENT\", \"status\": \"DRAFT\", \"items\": "
                + "[{\"exerciseId\": \"" + PlanFixtures.exerciseId("bird-dog") + "\", \"startWeek\": 1, \"dose\": "
                + dose + "}]}").statusCode(400).contentType("application/problem+json");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "{\"greenMax\": 2147483648, \"amberMax\": 5, \"baselineRiseAlert\": 2}",
            "{\"greenMax\": 3, \"amberMax\": 99999999999, \"baselineRiseAlert\": 2}",
            "{\"greenMax\": 3, \"amberMax\": 5, \"baselineRiseAlert\": -2147483648}" })
    void absurdThresholdsAre400(String thresholds) {
        PlanFixtures.assign("tara", PAT, "{\"patientId\": \"$PATIENT\", \"status\": \"DRAFT\", \"items\": "
                + "[{\"exerciseId\": \"" + PlanFixtures.exerciseId("bird-dog") + "\", \"startWeek\": 2147483647, "
                + "\"dose\": " + DOSE + "}], \"safetyThresholds\": " + thresholds + "}")
                .statusCode(400).contentType("application/problem+json");
    }
}
