package care.homeprogram.plans;

import static care.homeprogram.plans.PlanFixtures.assignAcute;
import static care.homeprogram.testing.DemoUsers.PAT;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The patient's hot read answers what their screen shows: {@code GET /api/plans/mine} the active and on-hold plans
 * (with the library's words, items in the plan's order), {@code GET /api/plans/mine/history} the finished ones, paged;
 * both the patient's own only.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PLANS"))
class MyPlansTest {

    @BeforeEach
    void careTeamsArrive() {
        PlanFixtures.demoCareTeamsArrived();
    }

    @Test
    void currentPlansAreMineAndFinishedOnesAreTheHistoryPaged() {
        String active = assignAcute("tara", PAT);
        String onHold = assignAcute("tara", PAT);
        String completed = assignAcute("tara", PAT);
        String revoked = assignAcute("tara", PAT);
        change(onHold, "{\"status\": \"ON_HOLD\", \"reason\": \"travelling\"}");
        change(completed, "{\"status\": \"COMPLETED\", \"reason\": \"goals met\"}");
        change(revoked, "{\"status\": \"REVOKED\", \"reason\": \"wrong plan\"}");
        String pat = Tokens.accessToken("pat");

        given().auth().oauth2(pat).get("/api/plans/mine").then().statusCode(200)
                .body("items.id", hasItems(active, onHold))
                .body("items.id", not(hasItem(completed))).body("items.id", not(hasItem(revoked)))
                .body("items.status.unique().sort()", hasItem("ACTIVE"))
                .body("items.findAll { it.status != 'ACTIVE' && it.status != 'ON_HOLD' }.size()", equalTo(0))
                .body("items.find { it.id == '" + active + "' }.items[0].whySafe", org.hamcrest.Matchers.notNullValue());
        List<String> inPlanOrder = given().auth().oauth2(pat).get("/api/plans/" + active).then().statusCode(200)
                .extract().path("items.id");
        List<String> inMine = given().auth().oauth2(pat).get("/api/plans/mine").then().statusCode(200)
                .extract().path("items.find { it.id == '" + active + "' }.items.id");
        assertThat(inMine).isEqualTo(inPlanOrder);

        given().auth().oauth2(pat).get("/api/plans/mine/history?size=100").then().statusCode(200)
                .body("items.id", hasItems(completed, revoked))
                .body("items.id", not(hasItem(active))).body("items.id", not(hasItem(onHold)))
                .body("total", greaterThanOrEqualTo(2));
        given().auth().oauth2(pat).get("/api/plans/mine/history?page=0&size=1").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].id", equalTo(revoked))
                .body("total", greaterThanOrEqualTo(2));
        given().auth().oauth2(pat).get("/api/plans/mine/history?page=1&size=1").then().statusCode(200)
                .body("items[0].id", equalTo(completed));

        // someone else's plans are never in another patient's lists
        String sam = Tokens.accessToken("sam");
        given().auth().oauth2(sam).get("/api/plans/mine").then().statusCode(200).body("items.id", not(hasItem(active)));
        given().auth().oauth2(sam).get("/api/plans/mine/history?size=100").then().statusCode(200)
                .body("items.id", not(hasItem(completed)));
    }

    @Test
    void theHistoryIsThePatientsOwnAndItsPagingIsChecked() {
        given().auth().oauth2(Tokens.accessToken("tara")).get("/api/plans/mine/history").then().statusCode(403);
        given().auth().oauth2(Tokens.accessToken("ada")).get("/api/plans/mine/history").then().statusCode(403);
        given().get("/api/plans/mine/history").then().statusCode(401);
        for (String bad : List.of("size=0", "size=101", "page=-1", "page=10001")) {
            given().auth().oauth2(Tokens.accessToken("pat")).get("/api/plans/mine/history?" + bad).then()
                    .statusCode(400).contentType("application/problem+json");
        }
    }

    private static void change(String planId, String body) {
        given().auth().oauth2(Tokens.accessToken("tara")).contentType(ContentType.JSON).body(body)
                .patch("/api/plans/" + planId).then().statusCode(200);
    }
}
