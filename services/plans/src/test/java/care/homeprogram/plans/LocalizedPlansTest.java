package care.homeprogram.plans;

import static care.homeprogram.testing.DemoUsers.POLLY;
import static care.homeprogram.testing.DemoUsers.SAM;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import care.homeprogram.contract.Language;
import care.homeprogram.plans.service.LibraryTranslations;
import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.Tokens;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Plans, safety messages and the library in the reader's language (docs/api.md, "Languages"), on the real stack:
 * the patient's preferred language from patient-service (its peer here) if it is English, Spanish or German, else the
 * request's Accept-Language, else English; every localized answer says which in Content-Language and varies on
 * Accept-Language. A therapist's own entry stays in the words it was written in.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PLANS"))
class LocalizedPlansTest {
    private static final LibraryTranslations.ExerciseText PELVIC_TILT_ES = shipped(Language.ES, "pelvic-tilt");
    private static final LibraryTranslations.ExerciseText PELVIC_TILT_DE = shipped(Language.DE, "pelvic-tilt");
    private static final String DOSE = "{\"sets\": 1, \"reps\": 5, \"timesPerDay\": 1, "
            + "\"daysOfWeek\": [\"MONDAY\", \"THURSDAY\"], \"weeks\": 2}";

    private static LibraryTranslations.ExerciseText shipped(Language language, String slug) {
        return LibraryTranslations.read(new ObjectMapper(), language).exercises().stream()
                .filter(e -> e.slug().equals(slug)).findFirst().orElseThrow();
    }

    @BeforeEach
    void careTeamsArrive() {
        PlanFixtures.demoCareTeamsArrived();
    }

    @AfterEach
    void patientServiceForgets() {
        PatientServicePeer.forget(SAM);
    }

    private static RequestSpecification as(String who) {
        return given().auth().oauth2(Tokens.accessToken(who)).contentType(ContentType.JSON);
    }

    private static Response mine(String patient, String acceptLanguage) {
        RequestSpecification request = as(patient);
        if (acceptLanguage != null) {
            request = request.header("Accept-Language", acceptLanguage);
        }
        return request.get("/api/plans/mine");
    }

    private static String path(String planId, String field) {
        return "items.find { it.id == '" + planId + "' }." + field;
    }

    private static void revoke(String therapist, String planId) {
        as(therapist).body("{\"status\": \"REVOKED\", \"reason\": \"language test finished\"}")
                .patch("/api/plans/" + planId).then().statusCode(200);
    }

    @Test
    void aPatientWhoPrefersSpanishReadsTheirProgramAndTheStopMessageInSpanishAndTheirOwnEntryAsWritten() {
        PatientServicePeer.prefers(SAM, "es");
        PlanFixtures.acknowledgeOpenAlerts("tara", SAM);
        String planId = PlanFixtures.assignAcute("tara", SAM);
        String own = as("tara").body("{\"name\": \"Wall reach " + UUID.randomUUID().toString().substring(0, 8)
                + "\", \"category\": \"MOVEMENT\", \"summary\": \"Reach\", \"instructions\": [\"Reach up slowly\"], "
                + "\"cautions\": [\"Stop if it hurts.\"], \"whySafe\": \"Small movement\", \"defaultDose\": " + DOSE
                + "}").post("/api/exercises").then().statusCode(201).extract().path("id");
        String ownPlan = PlanFixtures.assign("tara", SAM, "{\"patientId\": \"$PATIENT\", \"items\": [{\"exerciseId\": \""
                + own + "\", \"dose\": " + DOSE + "}]}").statusCode(201).extract().path("id");

        // The browser asks for German, but the patient's own preference wins.
        Response spanish = mine("sam", "de");
        spanish.then().statusCode(200).header("Content-Language", "es")
                .header("Vary", containsString("Accept-Language"))
                .body(path(planId, "items[0].name"), equalTo(PELVIC_TILT_ES.name()))
                .body(path(planId, "items[0].name"), equalTo("Basculación pélvica"))
                .body(path(planId, "items[0].summary"), equalTo(PELVIC_TILT_ES.summary()))
                .body(path(planId, "items[0].whySafe"), equalTo(PELVIC_TILT_ES.whySafe()))
                .body(path(ownPlan, "items[0].instructions"), equalTo(List.of("Reach up slowly")))
                .body(path(ownPlan, "items[0].cautions"), equalTo(List.of("Stop if it hurts.")))
                .body(path(ownPlan, "items[0].summary"), equalTo("Reach"));
        assertThat(spanish.jsonPath().getList(path(planId, "items[0].instructions"), String.class))
                .isEqualTo(PELVIC_TILT_ES.instructions());
        assertThat(spanish.jsonPath().getList(path(planId, "items[0].cautions"), String.class))
                .isEqualTo(PELVIC_TILT_ES.cautions()).contains("Deténgase si siente un dolor agudo o punzante.");

        String itemId = spanish.jsonPath().getString(path(planId, "items[0].id"));
        PlanFixtures.logSession("sam", planId, itemId, 1, 2, "\"SHARP_PAIN\"", "").statusCode(201)
                .header("Content-Language", "es")
                .body("decision", equalTo("ITEM_PAUSED"))
                .body("guidance", startsWith("Detenga este ejercicio por ahora. Un dolor agudo o punzante es una "
                        + "señal para detenerse."))
                .body("guidance", containsString("busque ayuda de urgencia de inmediato"));
        as("sam").body(Map.of("answers", Map.of())).post("/api/check-ins").then().statusCode(201)
                .header("Content-Language", "es").body("guidance", startsWith("Gracias."));

        // A preference we do not have falls back to the browser's language.
        PatientServicePeer.prefers(SAM, "fr");
        mine("sam", "de-AT,de;q=0.9").then().statusCode(200).header("Content-Language", "de")
                .body(path(planId, "items[0].name"), equalTo(PELVIC_TILT_DE.name()));

        PlanFixtures.acknowledgeOpenAlerts("tara", SAM);
        revoke("tara", planId);
        revoke("tara", ownPlan);
    }

    @Test
    void withoutAPreferenceTheBrowsersLanguageDecidesAndAnUnknownOneGetsEnglish() {
        String planId = PlanFixtures.assignAcute("theo", POLLY);

        Response german = as("polly").header("Accept-Language", "fr;q=0.9, de;q=0.8, en;q=0.1")
                .get("/api/plans/" + planId);
        german.then().statusCode(200).header("Content-Language", "de")
                .header("Vary", containsString("Accept-Language"))
                .body("items[0].name", equalTo("Beckenkippen"))
                .body("items[0].whySafe", equalTo(PELVIC_TILT_DE.whySafe()))
                .body("today.items.name", hasItem("Beckenkippen"));
        assertThat(german.jsonPath().getList("items[0].instructions", String.class))
                .isEqualTo(PELVIC_TILT_DE.instructions());

        as("polly").header("Accept-Language", "fr, ja;q=0.5").get("/api/plans/" + planId).then().statusCode(200)
                .header("Content-Language", "en").body("items[0].name", equalTo("Pelvic tilt"))
                .body("items[0].cautions", hasItem("Stop if you feel sharp or catching pain."));
        mine("polly", null).then().statusCode(200).header("Content-Language", "en")
                .body(path(planId, "items[0].name"), equalTo("Pelvic tilt"));

        String itemId = german.jsonPath().getString("items[0].id");
        as("polly").header("Accept-Language", "de").body("{\"itemId\": \"" + itemId + "\", \"performedAt\": \""
                + java.time.OffsetDateTime.now(TestClockProducer.CLOCK).minusMinutes(1) + "\", \"setsDone\": 1, "
                + "\"repsDone\": 5, \"painBefore\": 1, \"painAfter\": 2, \"symptoms\": []}")
                .post("/api/plans/" + planId + "/sessions").then().statusCode(201).header("Content-Language", "de")
                .body("guidance", equalTo("Gut gemacht. Ihr Schmerz blieb bei 2 von 10: Machen Sie weiter wie "
                        + "geplant."));
        revoke("theo", planId);
    }

    @Test
    void theLibraryIsBrowsedInTheTherapistsLanguageAndTheirOwnEntriesAsWritten() {
        String own = as("tara").body("{\"name\": \"Door stretch " + UUID.randomUUID().toString().substring(0, 8)
                + "\", \"category\": \"MOVEMENT\", \"summary\": \"Lean\", \"instructions\": [\"Lean gently\"], "
                + "\"cautions\": [\"Stop if it hurts.\"], \"whySafe\": \"Gentle\", \"defaultDose\": " + DOSE + "}")
                .post("/api/exercises").then().statusCode(201).extract().path("id");

        as("tara").header("Accept-Language", "es").get("/api/exercises").then().statusCode(200)
                .header("Content-Language", "es")
                .body("items.find { it.slug == 'pelvic-tilt' }.name", equalTo("Basculación pélvica"))
                .body("items.find { it.id == '" + own + "' }.summary", equalTo("Lean"));
        as("tara").header("Accept-Language", "de").get("/api/templates").then().statusCode(200)
                .header("Content-Language", "de")
                .body("items.find { it.slug == '" + PlanFixtures.ACUTE + "' }.name",
                        equalTo("Akuter Rückenkrampf — 4 Wochen"))
                .body("items.find { it.slug == '" + PlanFixtures.ACUTE + "' }.items.name", hasItem("Beckenkippen"));
        String pelvicTilt = PlanFixtures.exerciseId("pelvic-tilt");
        as("tara").header("Accept-Language", "es").get("/api/exercises/" + pelvicTilt + "/media").then()
                .statusCode(200).header("Content-Language", "es")
                .body("items[0].description", equalTo(PELVIC_TILT_ES.illustration().alt()));
        as("tara").get("/api/exercises").then().statusCode(200).header("Content-Language", "en")
                .body("items.find { it.slug == 'pelvic-tilt' }.name", equalTo("Pelvic tilt"));
    }
}
