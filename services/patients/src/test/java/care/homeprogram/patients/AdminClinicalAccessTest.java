package care.homeprogram.patients;

import static care.homeprogram.testing.DemoUsers.POLLY;
import static care.homeprogram.testing.DemoUsers.THEO;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import care.homeprogram.patients.TestPeople.Person;
import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.TestEvents;
import care.homeprogram.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Finding 4 of issue 12: an admin created a therapist account, put it into polly's care team and read polly's
 * clinical data through it. Now an admin's care-team change that adds a therapist to a patient with a care team waits
 * until a therapist of that team confirms it; the team and the patient are told, the admin is the audited actor.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PATIENTS"))
class AdminClinicalAccessTest {

    private static String ada() {
        return Tokens.accessToken("ada");
    }

    @Test
    void anAdminsOwnTherapistAccountDoesNotReachPollyUntilHerCareTeamConfirms() {
        // ada makes a therapist account and signs in with it herself (she set its first password)
        Person rogue = TestPeople.account("therapist");
        String requestId = given().auth().oauth2(ada()).contentType(ContentType.JSON)
                .body(Map.of("therapistIds", List.of(THEO, rogue.id())))
                .when().put("/api/patients/" + POLLY + "/care-team")
                .then().statusCode(202).body("status", equalTo("PENDING"))
                .body("requestedBy", equalTo(Tokens.subject(ada())))
                .extract().path("id");

        given().auth().oauth2(rogue.token()).when().get("/api/patients/" + POLLY).then().statusCode(404);
        given().auth().oauth2(rogue.token()).when().get("/api/patients/" + POLLY + "/intake").then().statusCode(404);
        given().auth().oauth2(rogue.token()).when().get("/api/patients").then().statusCode(200)
                .body("items.id", not(hasItem(POLLY.toString())));
        given().auth().oauth2(Tokens.accessToken("theo")).when().get("/api/patients/" + POLLY).then()
                .statusCode(200).body("therapistIds", equalTo(List.of(THEO.toString())));

        // the request is in polly's audit trail with ada as its actor
        String ada = Tokens.subject(ada());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().auth().oauth2(ada())
                .when().get("/api/accounts/audit?patientId=" + POLLY + "&actor=" + ada + "&size=100")
                .then().statusCode(200)
                .body("items.findAll { it.method == 'PUT' && it.status == 202 }.resource",
                        hasItem("/api/patients/{id}/care-team")));

        // nobody without access already can let it through: not the admin, not the new therapist
        given().auth().oauth2(ada()).when().post("/api/patients/" + POLLY + "/care-team/requests/" + requestId
                + "/confirm").then().statusCode(403);
        given().auth().oauth2(rogue.token()).when().post("/api/patients/" + POLLY + "/care-team/requests/"
                + requestId + "/confirm").then().statusCode(404);

        // theo and polly hear of it (an event for notification-service, ids only)
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode change = TestEvents.readAll("patient-events").stream()
                    .filter(e -> e.path("type").asText().equals("CareTeamAdminChange"))
                    .filter(e -> e.path("data").path("requestId").asText().equals(requestId))
                    .findFirst().orElseThrow();
            assertThat(change.path("data").path("patientId").asText()).isEqualTo(POLLY.toString());
            assertThat(change.path("data").path("existingTherapistIds").toString()).contains(THEO.toString())
                    .doesNotContain(rogue.id().toString());
            assertThat(change.path("data").path("status").asText()).isEqualTo("PENDING");
        });

        // theo sees the request and declines it: polly's team stays as it was
        given().auth().oauth2(Tokens.accessToken("theo")).when().get("/api/patients/" + POLLY + "/care-team/requests")
                .then().statusCode(200).body("id", hasItem(requestId));
        given().auth().oauth2(Tokens.accessToken("theo")).when().post("/api/patients/" + POLLY
                + "/care-team/requests/" + requestId + "/decline").then().statusCode(200)
                .body("status", equalTo("DECLINED")).body("decidedBy", equalTo(THEO.toString()));
        given().auth().oauth2(rogue.token()).when().get("/api/patients/" + POLLY).then().statusCode(404);
        given().auth().oauth2(Tokens.accessToken("theo")).when().post("/api/patients/" + POLLY
                + "/care-team/requests/" + requestId + "/confirm").then().statusCode(409);
    }

    @Test
    void aTherapistOfTheCareTeamConfirmsAndOnlyThenTheNewColleagueReadsTheRecord() {
        Person therapist = TestPeople.account("therapist");
        Person patient = TestPeople.patientOf(therapist);
        Person colleague = TestPeople.account("therapist");
        String requestId = given().auth().oauth2(ada()).contentType(ContentType.JSON)
                .body(Map.of("therapistIds", List.of(therapist.id(), colleague.id())))
                .when().put("/api/patients/" + patient.id() + "/care-team")
                .then().statusCode(202).extract().path("id");
        given().auth().oauth2(colleague.token()).when().get("/api/patients/" + patient.id()).then().statusCode(404);
        given().auth().oauth2(patient.token()).when().post("/api/patients/" + patient.id()
                + "/care-team/requests/" + requestId + "/confirm").then().statusCode(404); // the team decides

        given().auth().oauth2(therapist.token()).when().post("/api/patients/" + patient.id()
                + "/care-team/requests/" + requestId + "/confirm").then().statusCode(200)
                .body("therapistIds.size()", equalTo(2));
        given().auth().oauth2(colleague.token()).when().get("/api/patients/" + patient.id()).then().statusCode(200);
    }

    @Test
    void anAdminAssignsTheFirstTherapistOfANewPatientAndRemovesTherapistsAtOnce() {
        Person therapist = TestPeople.account("therapist");
        Person colleague = TestPeople.account("therapist");
        Person patient = TestPeople.account("patient"); // no care team, no intake screen: nothing clinical yet
        given().auth().oauth2(ada()).contentType(ContentType.JSON)
                .body(Map.of("therapistIds", List.of(therapist.id(), colleague.id())))
                .when().put("/api/patients/" + patient.id() + "/care-team")
                .then().statusCode(200).body("therapistIds.size()", equalTo(2));
        given().auth().oauth2(ada()).contentType(ContentType.JSON)
                .body(Map.of("therapistIds", List.of(therapist.id())))
                .when().put("/api/patients/" + patient.id() + "/care-team")
                .then().statusCode(200).body("therapistIds", equalTo(List.of(therapist.id().toString())));
        given().auth().oauth2(colleague.token()).when().get("/api/patients/" + patient.id()).then().statusCode(404);

        // therapists' own changes keep working at once
        given().auth().oauth2(therapist.token()).contentType(ContentType.JSON)
                .body(Map.of("therapistIds", List.of(therapist.id(), colleague.id())))
                .when().put("/api/patients/" + patient.id() + "/care-team")
                .then().statusCode(200).body("therapistIds.size()", equalTo(2));
        given().auth().oauth2(colleague.token()).when().get("/api/patients/" + patient.id()).then().statusCode(200);
    }

    @Test
    void aHandOverWaitsInTheOldTherapistsListAndTakesTheirAccessAwayWhenTheyConfirm() {
        Person old = TestPeople.account("therapist");
        Person patient = TestPeople.patientOf(old);
        Person successor = TestPeople.account("therapist");
        String requestId = given().auth().oauth2(ada()).contentType(ContentType.JSON)
                .body(Map.of("therapistIds", List.of(successor.id())))
                .when().put("/api/patients/" + patient.id() + "/care-team")
                .then().statusCode(202).extract().path("id");

        // the admin sees who is in the team (ids only); nobody outside it does
        given().auth().oauth2(ada()).when().get("/api/patients/" + patient.id() + "/care-team").then()
                .statusCode(200).body("therapistIds", equalTo(List.of(old.id().toString())));
        given().auth().oauth2(patient.token()).when().get("/api/patients/" + patient.id() + "/care-team").then()
                .statusCode(200);
        given().auth().oauth2(successor.token()).when().get("/api/patients/" + patient.id() + "/care-team")
                .then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/patients/" + patient.id() + "/care-team").then().statusCode(401);

        // the request waits in the old therapist's list, not in the successor's
        given().auth().oauth2(old.token()).when().get("/api/care-team-requests").then().statusCode(200)
                .body("find { it.id == '" + requestId + "' }.patientLastName", equalTo("Test " + patient.username()))
                .body("find { it.id == '" + requestId + "' }.currentTherapistIds", equalTo(List.of(old.id().toString())))
                .body("find { it.id == '" + requestId + "' }.therapistIds", equalTo(List.of(successor.id().toString())));
        given().auth().oauth2(successor.token()).when().get("/api/care-team-requests").then().statusCode(200)
                .body("id", not(hasItem(requestId)));
        given().auth().oauth2(ada()).when().get("/api/care-team-requests").then().statusCode(403);
        given().auth().oauth2(patient.token()).when().get("/api/care-team-requests").then().statusCode(403);
        given().when().get("/api/care-team-requests").then().statusCode(401);
        given().auth().oauth2(old.token()).when().get("/api/care-team-requests?limit=0").then().statusCode(400)
                .contentType("application/problem+json");

        // the old therapist confirms: the successor has the patient, the old therapist no longer
        given().auth().oauth2(old.token()).when().post("/api/patients/" + patient.id() + "/care-team/requests/"
                + requestId + "/confirm").then().statusCode(200)
                .body("therapistIds", equalTo(List.of(successor.id().toString())));
        given().auth().oauth2(old.token()).when().get("/api/patients/" + patient.id()).then().statusCode(404);
        given().auth().oauth2(old.token()).when().get("/api/care-team-requests").then().statusCode(200)
                .body("id", not(hasItem(requestId)));
        given().auth().oauth2(successor.token()).when().get("/api/patients/" + patient.id()).then().statusCode(200);
    }

    @Test
    void unknownRequestsAreNotFound() {
        given().auth().oauth2(Tokens.accessToken("theo")).when().post("/api/patients/" + POLLY
                + "/care-team/requests/" + UUID.randomUUID() + "/confirm").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
