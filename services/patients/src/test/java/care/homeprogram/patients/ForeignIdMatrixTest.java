package care.homeprogram.patients;

import static care.homeprogram.testing.DemoUsers.PAT;
import static care.homeprogram.testing.DemoUsers.TARA;
import static care.homeprogram.testing.DemoUsers.THEO;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every endpoint with an id, called by someone whose role may use it but who may not reach that object (or an id that
 * does not exist): always 404 problem+json, never 403 or 200, so existence is not revealed.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PATIENTS"))
class ForeignIdMatrixTest {
    private static final UUID NOBODY = UUID.fromString("00000000-0000-4000-8000-00000000dead");

    static Stream<Arguments> foreignIds() {
        Map<String, Object> team = Map.of("therapistIds", List.of(THEO));
        Map<String, Object> intake = Map.of("trauma", true);
        return Stream.of(
                Arguments.of("theo", "GET", "/api/patients/" + PAT, null),
                Arguments.of("sam", "GET", "/api/patients/" + PAT, null),
                Arguments.of("tara", "GET", "/api/patients/" + NOBODY, null),
                Arguments.of("theo", "PUT", "/api/patients/" + PAT + "/care-team", team),
                Arguments.of("ada", "PUT", "/api/patients/" + NOBODY + "/care-team", team),
                Arguments.of("theo", "GET", "/api/patients/" + PAT + "/intake", null),
                Arguments.of("sam", "GET", "/api/patients/" + PAT + "/intake", null),
                Arguments.of("theo", "PUT", "/api/patients/" + PAT + "/intake", intake),
                Arguments.of("tara", "PUT", "/api/patients/" + NOBODY + "/intake", intake),
                Arguments.of("tara", "GET", "/api/therapists/" + NOBODY, null),
                Arguments.of("ada", "GET", "/api/therapists/" + PAT, null),
                Arguments.of("ada", "GET", "/api/accounts/" + NOBODY, null),
                Arguments.of("ada", "PATCH", "/api/accounts/" + NOBODY, Map.of("enabled", false)),
                Arguments.of("ada", "POST", "/api/accounts/" + NOBODY + "/reset-credentials",
                        Map.of("temporaryPassword", "Temporary-Pass-77")));
    }

    @ParameterizedTest(name = "{0} {1} {2} -> 404")
    @MethodSource("foreignIds")
    void aForeignOrUnknownIdIs404(String who, String method, String path, Map<String, Object> body) {
        var request = given().auth().oauth2(Tokens.accessToken(who));
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        request.when().request(method, path)
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://homeprogram.care/problems/not-found"));
    }

    @org.junit.jupiter.api.Test
    void aRefusedChangeChangedNothing() {
        given().auth().oauth2(Tokens.accessToken("theo")).contentType(ContentType.JSON)
                .body(Map.of("therapistIds", List.of(THEO)))
                .when().put("/api/patients/" + PAT + "/care-team").then().statusCode(404);
        given().auth().oauth2(Tokens.accessToken("tara")).when().get("/api/patients/" + PAT)
                .then().statusCode(200).body("therapistIds", equalTo(List.of(TARA.toString())));
    }
}
