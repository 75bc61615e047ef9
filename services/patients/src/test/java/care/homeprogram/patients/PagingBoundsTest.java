package care.homeprogram.patients;

import static care.homeprogram.testing.DemoUsers.PAT;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue #12, finding 9: {@code GET /api/accounts?page=2147483647&size=100} answered 500. Every list's paging is
 * bounded (a 400 naming the parameter), bodies are capped (413) and absurd numbers in a body are 400s.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PATIENTS"))
class PagingBoundsTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({ "ada, /api/accounts?page=2147483647&size=100, page", "ada, /api/accounts?page=10001, page",
            "ada, /api/accounts?size=2147483647, size", "ada, /api/accounts/audit?page=2147483647&size=100, page",
            "ada, /api/patients/outbox/parked?page=2147483647&size=100, page",
            "tara, /api/patients?page=2147483647&size=100, page", "tara, /api/therapists?page=2147483647, page",
            "tara, /api/patients?page=-1, page", "tara, /api/therapists?size=0, size" })
    void pagingOutOfBoundsIs400(String who, String url, String field) {
        given().auth().oauth2(Tokens.accessToken(who)).get(url).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo(field));
    }

    @Test
    void theDeepestPageIsAnEmptyPage() {
        given().auth().oauth2(Tokens.accessToken("tara")).get("/api/patients?page=10000&size=100").then()
                .statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void anOversizedBodyIs413ProblemJson() {
        given().auth().oauth2(Tokens.accessToken("tara")).contentType(ContentType.JSON)
                .body("{\"trauma\": true, \"padding\": \"" + "x".repeat(200 * 1024) + "\"}")
                .put("/api/patients/" + PAT + "/intake").then().statusCode(413)
                .contentType("application/problem+json").body("status", equalTo(413));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = { "{\"ageAtFirstOnset\": 2147483648}",
            "{\"ageAtFirstOnset\": 99999999999999999999}", "{\"ageAtFirstOnset\": -2147483649}",
            "{\"ageAtFirstOnset\": 1e40}" })
    void absurdNumbersInTheIntakeAre400(String body) {
        given().auth().oauth2(Tokens.accessToken("tara")).contentType(ContentType.JSON).body(body)
                .put("/api/patients/" + PAT + "/intake").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
