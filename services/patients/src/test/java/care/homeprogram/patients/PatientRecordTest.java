package care.homeprogram.patients;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import care.homeprogram.patients.TestPeople.Person;
import care.homeprogram.testing.DemoUsers;
import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.TestEvents;
import care.homeprogram.testing.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Patients, care teams, intake screening and the therapist directory against the real stack. */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PATIENTS"))
class PatientRecordTest {

    @Test
    void aTherapistCreatesAPatientWhoCanSignInAndIsInTheirCare() {
        Person therapist = TestPeople.account("therapist");
        String username = TestPeople.uniqueUsername("pat");
        String location = given().auth().oauth2(therapist.token()).contentType(ContentType.JSON)
                .body(TestPeople.newPatient(username))
                .when().post("/api/patients")
                .then().statusCode(201)
                .body("username", equalTo(username))
                .body("timeZone", equalTo("Europe/Vienna"))
                .body("therapistIds", equalTo(List.of(therapist.id().toString())))
                .body("intake.requiresSignOff", equalTo(false))
                .body("preferredLanguage", nullValue())
                .extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        assertThat(location).endsWith("/api/patients/" + id);

        MasterAdmin.finishFirstSignIn(UUID.fromString(id)); // the patient chooses their own password first
        String patientToken = Tokens.accessToken(username, TestPeople.PASSWORD);
        assertThat(Tokens.subject(patientToken)).isEqualTo(id);
        given().auth().oauth2(patientToken).when().get("/api/patients/me")
                .then().statusCode(200).body("id", equalTo(id)).body("birthDate", equalTo("1980-05-17"))
                // created without a language: no preference (not English), so the browser's language counts
                .body("preferredLanguage", nullValue());
        given().auth().oauth2(therapist.token()).when().get("/api/patients?q=" + username)
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(id));
        given().auth().oauth2(Tokens.accessToken("theo")).when().get("/api/patients/" + id).then().statusCode(404);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode registered = TestEvents.readAll("patient-events").stream()
                    .filter(e -> e.path("type").asText().equals("PatientRegistered"))
                    .filter(e -> e.path("aggregateId").asText().equals(id))
                    .findFirst().orElseThrow();
            assertThat(registered.path("data").path("timeZone").asText()).isEqualTo("Europe/Vienna");
            assertThat(registered.path("data").has("preferredLanguage")).as("no preference: absent").isFalse();
            assertThat(registered.toString()).doesNotContain("Robin", "1980-05-17");
        });
    }

    /** A language given at creation is the patient's preference, shown and announced, until they choose another. */
    @Test
    void aPatientCreatedWithALanguageHasItAsTheirPreferenceUntilTheyChooseAnother() {
        Person therapist = TestPeople.account("therapist");
        String username = TestPeople.uniqueUsername("pat");
        Map<String, Object> spanish = new HashMap<>(TestPeople.newPatient(username));
        spanish.put("preferredLanguage", "es");
        String id = given().auth().oauth2(therapist.token()).contentType(ContentType.JSON).body(spanish)
                .when().post("/api/patients")
                .then().statusCode(201).body("preferredLanguage", equalTo("es")).extract().path("id");
        MasterAdmin.finishFirstSignIn(UUID.fromString(id));
        String patientToken = Tokens.accessToken(username, TestPeople.PASSWORD);
        given().auth().oauth2(patientToken).contentType(ContentType.JSON).body(Map.of("preferredLanguage", "de"))
                .when().patch("/api/patients/me").then().statusCode(200).body("preferredLanguage", equalTo("de"));
        given().auth().oauth2(therapist.token()).when().get("/api/patients/" + id)
                .then().statusCode(200).body("preferredLanguage", equalTo("de"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<String> announced = TestEvents.readAll("patient-events").stream()
                    .filter(e -> e.path("aggregateId").asText().equals(id))
                    .filter(e -> List.of("PatientRegistered", "PatientContactChanged")
                            .contains(e.path("type").asText()))
                    .map(e -> e.path("type").asText() + " " + e.path("data").path("preferredLanguage").asText())
                    .toList();
            assertThat(announced).contains("PatientRegistered es", "PatientContactChanged de");
        });
    }

    @Test
    void invalidPatientsAreClear400sNamingEachField() {
        Map<String, Object> bad = new HashMap<>(TestPeople.newPatient(TestPeople.uniqueUsername("bad")));
        bad.put("timeZone", "Mars/Olympus");
        bad.put("email", "not-an-email");
        bad.put("birthDate", LocalDate.now().plusDays(3).toString());
        given().auth().oauth2(Tokens.accessToken("tara")).contentType(ContentType.JSON).body(bad)
                .when().post("/api/patients")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://homeprogram.care/problems/validation"))
                .body("errors.field", containsInAnyOrder("birthDate", "email", "timeZone"));
    }

    @Test
    void patientsMayNotCreatePatients() {
        given().auth().oauth2(Tokens.accessToken("pat")).contentType(ContentType.JSON)
                .body(TestPeople.newPatient(TestPeople.uniqueUsername("nope")))
                .when().post("/api/patients")
                .then().statusCode(403);
    }

    @Test
    void aTherapistAddsAColleagueToTheCareTeamAndItIsAnnounced() {
        Person first = TestPeople.account("therapist");
        Person colleague = TestPeople.account("therapist");
        Person patient = TestPeople.patientOf(first);
        given().auth().oauth2(colleague.token()).when().get("/api/patients/" + patient.id()).then().statusCode(404);

        given().auth().oauth2(first.token()).contentType(ContentType.JSON)
                .body(Map.of("therapistIds", List.of(first.id(), colleague.id())))
                .when().put("/api/patients/" + patient.id() + "/care-team")
                .then().statusCode(200).body("therapistIds.size()", equalTo(2));
        given().auth().oauth2(colleague.token()).when().get("/api/patients/" + patient.id()).then().statusCode(200);

        given().auth().oauth2(first.token()).contentType(ContentType.JSON)
                .body(Map.of("therapistIds", List.of()))
                .when().put("/api/patients/" + patient.id() + "/care-team")
                .then().statusCode(400).body("errors[0].field", equalTo("therapistIds"));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode changed = TestEvents.readAll("patient-events").stream()
                    .filter(e -> e.path("type").asText().equals("CareTeamChanged"))
                    .filter(e -> e.path("aggregateId").asText().equals(patient.id().toString()))
                    .findFirst().orElseThrow();
            assertThat(changed.path("data").path("therapistIds").toString())
                    .contains(first.id().toString(), colleague.id().toString());
        });
    }

    @Test
    void aFlaggedIntakeRequiresSignOffAndIsAnnouncedWithoutClinicalDetail() {
        Person therapist = TestPeople.account("therapist");
        Person patient = TestPeople.patientOf(therapist);
        given().auth().oauth2(therapist.token()).contentType(ContentType.JSON)
                .body(Map.of("ageAtFirstOnset", 56, "steroidUse", true))
                .when().put("/api/patients/" + patient.id() + "/intake")
                .then().statusCode(200)
                .body("flags", containsInAnyOrder("ONSET_OVER_50", "STEROID_USE"))
                .body("requiresSignOff", equalTo(true))
                .body("screenedBy", equalTo(therapist.id().toString()));
        given().auth().oauth2(patient.token()).when().get("/api/patients/me")
                .then().statusCode(200).body("intake.requiresSignOff", equalTo(true));
        given().auth().oauth2(patient.token()).contentType(ContentType.JSON).body(Map.of())
                .when().put("/api/patients/me/intake")
                .then().statusCode(409);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode screened = TestEvents.readAll("patient-events").stream()
                    .filter(e -> e.path("type").asText().equals("IntakeScreened"))
                    .filter(e -> e.path("aggregateId").asText().equals(patient.id().toString()))
                    .findFirst().orElseThrow();
            assertThat(screened.path("data").path("requiresSignOff").asBoolean()).isTrue();
            assertThat(screened.path("data").path("flags").toString()).contains("ONSET_OVER_50", "STEROID_USE");
            assertThat(screened.path("data").has("ageAtFirstOnset")).isFalse();
        });
    }

    @Test
    void aPatientScreensThemselfOnceAtFirstSignIn() {
        Person patient = TestPeople.patientOf(TestPeople.account("therapist"));
        given().auth().oauth2(patient.token()).when().get("/api/patients/me/intake")
                .then().statusCode(200).body("screenedAt", equalTo(null));
        given().auth().oauth2(patient.token()).contentType(ContentType.JSON)
                .body(Map.of("ageAtFirstOnset", 34, "historyOfCancer", false))
                .when().put("/api/patients/me/intake")
                .then().statusCode(200).body("requiresSignOff", equalTo(false)).body("flags.size()", equalTo(0));
        given().auth().oauth2(patient.token()).contentType(ContentType.JSON)
                .body(Map.of("ageAtFirstOnset", 200))
                .when().put("/api/patients/me/intake")
                .then().statusCode(400).body("errors[0].field", equalTo("ageAtFirstOnset"));
    }

    @Test
    void therapistsAreFoundByNameAndPaged() {
        given().auth().oauth2(Tokens.accessToken("tara")).when().get("/api/therapists?q=okaf")
                .then().statusCode(200).body("total", equalTo(1))
                .body("items[0].id", equalTo(DemoUsers.THEO.toString()));
        given().auth().oauth2(Tokens.accessToken("ada")).when().get("/api/therapists?size=1&page=0")
                .then().statusCode(200).body("items.size()", equalTo(1));
        given().auth().oauth2(Tokens.accessToken("ada")).when().get("/api/therapists?size=1000")
                .then().statusCode(400);
        given().auth().oauth2(Tokens.accessToken("pat")).when().get("/api/therapists").then().statusCode(403);
        given().auth().oauth2(Tokens.accessToken("theo")).when().get("/api/therapists/me")
                .then().statusCode(200).body("username", equalTo("theo"));
        given().auth().oauth2(Tokens.accessToken("tara")).when().get("/api/patients?q=rivera")
                .then().statusCode(200).body("items.username", hasItem("sam"))
                .body("items.username", not(hasItems("pat")));
    }
}
