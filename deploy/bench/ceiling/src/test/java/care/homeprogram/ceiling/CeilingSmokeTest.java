package care.homeprogram.ceiling;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The ceiling answers what the benchmark compares against: the stored document for a token it verified itself, and
 * nothing for a caller without the role or without a token (so the benchmark never measures a refusal).
 */
@QuarkusTest
@QuarkusTestResource(CeilingStack.class)
class CeilingSmokeTest {

    @Test
    void servesTheStoredDocumentToItsOwnerOnly() {
        given().auth().oauth2(CeilingStack.TOKENS.sign(CeilingStack.OWNER, List.of("patient")))
                .get("/documents/mine").then().statusCode(200).contentType("application/json")
                .body(equalTo(CeilingStack.DOCUMENT));
        given().auth().oauth2(CeilingStack.TOKENS.sign(CeilingStack.OWNER, List.of("therapist")))
                .get("/documents/mine").then().statusCode(403);
        given().auth().oauth2(CeilingStack.TOKENS.sign("someone-else", List.of("patient")))
                .get("/documents/mine").then().statusCode(404);
        given().auth().oauth2(new care.homeprogram.testing.LocalRsaTokens().sign(CeilingStack.OWNER,
                List.of("patient"))).get("/documents/mine").then().statusCode(401);
        given().get("/documents/mine").then().statusCode(401);
    }
}
