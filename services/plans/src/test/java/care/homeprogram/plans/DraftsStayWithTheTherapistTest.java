package care.homeprogram.plans;

import static care.homeprogram.plans.PlanFixtures.assign;
import static care.homeprogram.testing.DemoUsers.PAT;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A draft stays with the therapist until it is assigned: to the patient it does not exist through any endpoint
 * (their plans, the plan, its versions, sessions, adherence, a session log, their FHIR export), and once assigned
 * the patient sees the plan from its activation on, never the draft versions before it.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PLANS"))
class DraftsStayWithTheTherapistTest {

    @BeforeEach
    void careTeamsArrive() {
        PlanFixtures.demoCareTeamsArrived();
    }

    @Test
    void aPatientSeesNoDraftThroughAnyEndpointAndNoDraftVersionAfterActivation() {
        String draft = assign("tara", PAT, "{\"patientId\": \"$PATIENT\", \"status\": \"DRAFT\", \"templateId\": \""
                + PlanFixtures.templateId("tara", PlanFixtures.ACUTE) + "\"}").statusCode(201).extract().path("id");
        String itemId = PlanFixtures.firstItem("tara", draft);
        String pat = Tokens.accessToken("pat");

        given().auth().oauth2(pat).get("/api/plans/mine").then().statusCode(200)
                .body("items.id", not(hasItem(draft)));
        for (String path : new String[] {"", "/versions", "/sessions", "/adherence", "?version=1"}) {
            given().auth().oauth2(pat).get("/api/plans/" + draft + path).then().statusCode(404);
        }
        given().auth().oauth2(pat).contentType(ContentType.JSON).body("{\"itemId\": \"" + itemId
                + "\", \"performedAt\": \"" + OffsetDateTime.now(TestClockProducer.CLOCK).minusMinutes(1)
                + "\", \"setsDone\": 1, \"repsDone\": 5, \"painBefore\": 1, \"painAfter\": 1, \"symptoms\": []}")
                .post("/api/plans/" + draft + "/sessions").then().statusCode(404);
        String draftInExports = care.homeprogram.plans.fhir.FhirIds.of("CarePlan", java.util.UUID.fromString(draft))
                .toString();
        given().auth().oauth2(pat).get("/api/fhir/patients/" + PAT).then().statusCode(200)
                .body("entry.resource.findAll { it.resourceType == 'CarePlan' }.id", not(hasItem(draftInExports)));
        given().auth().oauth2(Tokens.accessToken("tara")).get("/api/fhir/patients/" + PAT).then().statusCode(200)
                .body("entry.resource.findAll { it.resourceType == 'CarePlan' }.id", hasItem(draftInExports));
        given().auth().oauth2(Tokens.accessToken("tara")).get("/api/plans/" + draft).then().statusCode(200)
                .body("status", equalTo("DRAFT"));

        given().auth().oauth2(Tokens.accessToken("tara")).contentType(ContentType.JSON)
                .body("{\"status\": \"ACTIVE\", \"reason\": \"assigned\"}").patch("/api/plans/" + draft).then()
                .statusCode(200);
        given().auth().oauth2(pat).get("/api/plans/mine").then().statusCode(200).body("items.id", hasItem(draft));
        given().auth().oauth2(pat).get("/api/plans/" + draft + "/versions").then().statusCode(200)
                .body("items.version", equalTo(java.util.List.of(2)));
        given().auth().oauth2(pat).get("/api/plans/" + draft + "?version=1").then().statusCode(404);
        given().auth().oauth2(Tokens.accessToken("tara")).get("/api/plans/" + draft + "?version=1").then()
                .statusCode(200).body("status", equalTo("DRAFT"));
    }
}
