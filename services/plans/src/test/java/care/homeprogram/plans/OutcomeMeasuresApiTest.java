package care.homeprogram.plans;

import static care.homeprogram.plans.PlanFixtures.assignAcute;
import static care.homeprogram.plans.TestClockProducer.CLOCK;
import static care.homeprogram.testing.DemoUsers.ADA;
import static care.homeprogram.testing.DemoUsers.PAT;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import care.homeprogram.commons.audit.AuditEntry;
import care.homeprogram.commons.audit.AuditLog;
import care.homeprogram.plans.domain.InstrumentLicence;
import io.quarkus.narayana.jta.QuarkusTransaction;
import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Outcome measures through the API: a therapist attaches measures to a plan, the patient sees them due and answers,
 * answers are checked against the Questionnaire (400 naming the item), the therapist reads the trend with the
 * minimal change; STarT Back is refused until an admin accepts Keele's terms; an imported ODI is scored. Every
 * endpoint refuses the wrong role (403), no token (401), foreign ids (404) and bad input (400 problem+json).
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PLANS"))
class OutcomeMeasuresApiTest {
    @Inject
    AuditLog audit;

    @BeforeEach
    void careTeamsArrive() {
        PlanFixtures.demoCareTeamsArrived();
    }

    static RequestSpecification as(String who) {
        return given().auth().oauth2(Tokens.accessToken(who)).contentType(ContentType.JSON);
    }

    static String attach(String therapist, String planId, String body) {
        return as(therapist).body(body).post("/api/measures/plans/" + planId + "/schedules").then().statusCode(201)
                .extract().path("id");
    }

    static ValidatableResponse answer(String patient, String scheduleId, String answers) {
        return as(patient).body("{\"answers\": " + answers + "}")
                .post("/api/measures/schedules/" + scheduleId + "/responses").then();
    }

    static String psfs(int... scores) {
        StringBuilder body = new StringBuilder("{");
        for (int i = 0; i < scores.length; i++) {
            body.append(i == 0 ? "" : ", ").append("\"activity-").append(i + 1).append("-name\": \"Activity ")
                    .append(i + 1).append("\", \"activity-").append(i + 1).append("-score\": ").append(scores[i]);
        }
        return body.append("}").toString();
    }

    @Test
    void aPatientAnswersPsfsWhenDueAndTheTherapistSeesTheTrendWithItsMinimalChange() {
        String planId = assignAcute("tara", PAT);
        String scheduleId = attach("tara", planId, "{\"instrument\": \"psfs\", \"atIntake\": true, "
                + "\"everyWeeks\": 1, \"atDischarge\": true}");
        as("pat").get("/api/measures/plans/" + planId + "/schedules").then().statusCode(200)
                .body("items.find { it.id == '" + scheduleId + "' }.everyWeeks", equalTo(1));
        as("pat").get("/api/measures/due").then().statusCode(200)
                .body("items.find { it.scheduleId == '" + scheduleId + "' }.occasion", equalTo("INTAKE"));
        as("pat").get("/api/instruments/psfs").then().statusCode(200)
                .body("questionnaire.resourceType", equalTo("Questionnaire"))
                .body("questionnaire.item.size()", equalTo(5));

        answer("pat", scheduleId, psfs(2, 3, 4)).statusCode(201).body("occasion", equalTo("INTAKE"))
                .body("scores.find { it.id == 'average' }.value", equalTo(3));
        as("pat").get("/api/measures/due").then().statusCode(200)
                .body("items.scheduleId", not(hasItem(scheduleId)));
        answer("pat", scheduleId, psfs(2, 3, 4)).statusCode(409).contentType("application/problem+json")
                .body("type", containsString("measure-not-due"));

        CLOCK.advance(Duration.ofDays(7));
        as("pat").get("/api/measures/due").then().statusCode(200)
                .body("items.find { it.scheduleId == '" + scheduleId + "' }.occasion", equalTo("WEEK_1"));
        answer("pat", scheduleId, psfs(5, 6, 7, 6)).statusCode(201).body("occasion", equalTo("WEEK_1"));

        // pat may have answered PSFS on other plans before (other tests of this JVM): the series ends with ours, and
        // the change is from pat's first answer to the latest
        String series = "instruments.find { it.instrument == 'psfs' }.scores.find { it.score == 'average' }";
        io.restassured.path.json.JsonPath trend = as("tara").get("/api/measures/patients/" + PAT + "/scores").then()
                .statusCode(200).body(series + ".minimalDetectableChange", equalTo(2.0f))
                .body("instruments.find { it.instrument == 'psfs' }.scores.find { it.score == 'activity-1' }"
                        + ".minimalDetectableChange", equalTo(3.0f))
                .extract().jsonPath();
        List<Float> values = trend.getList(series + ".points.value", Float.class);
        assertThat(values.subList(values.size() - 2, values.size())).containsExactly(3f, 6f);
        assertThat(trend.getFloat(series + ".change")).isEqualTo(values.getLast() - values.getFirst());
        assertThat(trend.getBoolean(series + ".changeReachesThreshold"))
                .isEqualTo(Math.abs(values.getLast() - values.getFirst()) >= 2);
        assertThat(trend.getList(series + ".points.responseId")).doesNotHaveDuplicates();
        as("pat").get("/api/measures/patients/" + PAT + "/scores").then().statusCode(200)
                .body(series + ".points.size()", equalTo(values.size()));

        // discharge: asked once the plan is completed
        as("tara").body("{\"status\": \"COMPLETED\", \"reason\": \"goals met\"}").patch("/api/plans/" + planId)
                .then().statusCode(200);
        as("pat").get("/api/measures/due").then().statusCode(200)
                .body("items.find { it.scheduleId == '" + scheduleId + "' }.occasion", equalTo("DISCHARGE"));
        answer("pat", scheduleId, psfs(8, 8, 9)).statusCode(201).body("occasion", equalTo("DISCHARGE"));
        as("tara").body("{\"instrument\": \"pain-nrs\", \"atIntake\": true}")
                .post("/api/measures/plans/" + planId + "/schedules").then().statusCode(409);
    }

    @Test
    void startBackIsRefusedUntilAnAdminAcceptsKeelesTermsAndItsRiskGroupIsANoteForTheTherapistOnly() {
        // From an installation where no admin accepted the terms (another test of this JVM may have).
        QuarkusTransaction.requiringNew().run(() -> InstrumentLicence.deleteById("start-back"));
        String planId = assignAcute("tara", PAT);
        as("tara").get("/api/instruments").then().statusCode(200).body("items.key", not(hasItem("start-back")));
        as("tara").get("/api/instruments/start-back").then().statusCode(404);
        as("tara").body("{\"instrument\": \"start-back\", \"atIntake\": true}")
                .post("/api/measures/plans/" + planId + "/schedules").then().statusCode(409)
                .contentType("application/problem+json").body("type", containsString("instrument-disabled"));
        as("ada").get("/api/instruments").then().statusCode(200)
                .body("items.find { it.key == 'start-back' }.enabled", equalTo(false));

        String version = as("ada").get("/api/instruments/start-back/terms").then().statusCode(200)
                .body("text", containsString("Keele University")).body("text", containsString("non-commercial"))
                .body("text", containsString("unmodified")).body("text", containsString("copyright notice"))
                .body("enabled", equalTo(false))
                .extract().path("termsVersion");
        as("ada").body("{\"acceptTerms\": false, \"termsVersion\": \"" + version + "\"}")
                .post("/api/instruments/start-back/enable").then().statusCode(400)
                .body("errors[0].field", equalTo("acceptTerms"));
        as("ada").body("{\"acceptTerms\": true, \"termsVersion\": \"an-older-one\"}")
                .post("/api/instruments/start-back/enable").then().statusCode(400)
                .body("errors[0].field", equalTo("termsVersion"));
        as("tara").body("{\"acceptTerms\": true, \"termsVersion\": \"" + version + "\"}")
                .post("/api/instruments/start-back/enable").then().statusCode(403);
        String correlationId = "enable-" + UUID.randomUUID();
        as("ada").header("X-Correlation-Id", correlationId)
                .body("{\"acceptTerms\": true, \"termsVersion\": \"" + version + "\"}")
                .post("/api/instruments/start-back/enable").then().statusCode(200).body("enabled", equalTo(true))
                .body("acceptedBy", equalTo(ADA.toString()));
        List<AuditEntry> entries = audit.byCorrelationId(correlationId);
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.actorSub()).isEqualTo(ADA.toString());
            assertThat(e.resource()).isEqualTo("/api/instruments/{key}/enable");
            assertThat(e.patientId()).isNull();
        });

        // the wording is served unmodified with Keele's copyright notice, which the patient's form shows
        as("pat").get("/api/instruments/start-back").then().statusCode(200)
                .body("questionnaire.copyright", containsString("© Keele University"))
                .body("questionnaire.item.size()", equalTo(9));
        String scheduleId = attach("tara", planId, "{\"instrument\": \"start-back\", \"atIntake\": true}");
        // total 6, distress 4 (item 9 "extremely" counts): high risk
        answer("pat", scheduleId, "{\"item-1\": \"agree\", \"item-2\": \"agree\", \"item-3\": \"disagree\", "
                + "\"item-4\": \"disagree\", \"item-5\": \"disagree\", \"item-6\": \"agree\", \"item-7\": \"agree\", "
                + "\"item-8\": \"agree\", \"item-9\": \"extremely\"}").statusCode(201)
                .body("scores.find { it.id == 'total' }.value", equalTo(6))
                .body("scores.find { it.id == 'total' }.band", nullValue());
        String total = "instruments.find { it.instrument == 'start-back' }.scores.find { it.score == 'total' }";
        as("tara").get("/api/measures/patients/" + PAT + "/scores").then().statusCode(200)
                .body(total + ".points[-1].value", equalTo(6))
                .body(total + ".latestBand", equalTo("high"))
                .body(total + ".pathwayNote", containsString("psychologically informed"))
                .body(total + ".pathwayNote", containsString("not a decision"));
        as("pat").get("/api/measures/patients/" + PAT + "/scores").then().statusCode(200)
                .body(total + ".latestBand", nullValue()).body(total + ".pathwayNote", nullValue())
                .body(total + ".points.band", org.hamcrest.Matchers.everyItem(nullValue()));
    }

    static String syntheticOdi() throws IOException {
        try (InputStream in = OutcomeMeasuresApiTest.class.getResourceAsStream(
                "/instruments/odi-synthetic.questionnaire.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void anAdminImportsAnOdiQuestionnaireAndItIsScoredWithOneSectionMissingAsPublished() throws IOException {
        String odi = syntheticOdi();
        as("tara").body("{\"key\": \"odi\", \"questionnaire\": " + odi + ", \"scoring\": \"odi\"}")
                .post("/api/instruments").then().statusCode(403);
        as("ada").body("{\"key\": \"odi\", \"questionnaire\": {\"resourceType\": \"Patient\"}, \"scoring\": \"odi\"}")
                .post("/api/instruments").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("questionnaire"));
        as("ada").body("{\"key\": \"odi\", \"questionnaire\": " + odi.replace("\"section-10\"", "\"section-x\"")
                + ", \"scoring\": \"odi\"}").post("/api/instruments").then().statusCode(400)
                .body("errors[0].field", equalTo("questionnaire.item.section-10"));
        as("ada").body("{\"key\": \"odi\", \"questionnaire\": " + odi + ", \"scoring\": \"promis-by-magic\"}")
                .post("/api/instruments").then().statusCode(400).body("errors[0].field", equalTo("scoring"));
        as("ada").body("{\"key\": \"Not A Key!\", \"questionnaire\": " + odi + ", \"scoring\": \"odi\"}")
                .post("/api/instruments").then().statusCode(400);
        String huge = odi.replace("\"title\": \"Synthetic", "\"description\": \"" + "x".repeat(110_000)
                + "\", \"title\": \"Synthetic");
        as("ada").body("{\"key\": \"odi\", \"questionnaire\": " + huge + ", \"scoring\": \"odi\"}")
                .post("/api/instruments").then().statusCode(400).body("errors[0].field", equalTo("questionnaire"));
        as("ada").body("{\"key\": \"psfs\", \"questionnaire\": " + odi + ", \"scoring\": \"odi\"}")
                .post("/api/instruments").then().statusCode(409);

        as("ada").body("{\"key\": \"odi\", \"questionnaire\": " + odi + ", \"scoring\": \"odi\"}")
                .post("/api/instruments").then().statusCode(201).body("licence", equalTo("BRING_YOUR_OWN"))
                .body("enabled", equalTo(true));
        as("ada").body("{\"key\": \"odi\", \"questionnaire\": " + odi + ", \"scoring\": \"odi\"}")
                .post("/api/instruments").then().statusCode(409);

        String planId = assignAcute("tara", PAT);
        String scheduleId = attach("tara", planId, "{\"instrument\": \"odi\", \"atIntake\": true}");
        answer("pat", scheduleId, "{\"section-1\": \"1\", \"section-2\": \"2\", \"section-3\": \"3\", "
                + "\"section-4\": \"1\", \"section-5\": \"2\", \"section-6\": \"3\", \"section-7\": \"1\", "
                + "\"section-8\": \"1\"}").statusCode(400).body("errors[0].field", equalTo("answers.section-9"));
        answer("pat", scheduleId, "{\"section-1\": \"1\", \"section-2\": \"2\", \"section-3\": \"3\", "
                + "\"section-4\": \"1\", \"section-5\": \"2\", \"section-6\": \"3\", \"section-7\": \"1\", "
                + "\"section-8\": \"1\", \"section-9\": \"2\"}").statusCode(201)
                .body("scores[0].value", equalTo(35.56f));
    }

    static RequestSpecification as(String who, String acceptLanguage) {
        return as(who).header("Accept-Language", acceptLanguage);
    }

    /**
     * The patient reads the questionnaire in their language (docs/api.md, "Languages"): without a preference the
     * browser's Accept-Language decides, a preference wins over it, a language we do not have gets the English
     * original with its translations; the answers are linkIds and numbers, so they score as in English.
     */
    @Test
    void aPatientIsAskedTheQuestionnaireInTheirLanguageAndTheAnswersScoreAsInEnglish() {
        PatientServicePeer.prefers(PAT, null);
        try {
            String planId = assignAcute("tara", PAT);
            String scheduleId = attach("tara", planId, "{\"instrument\": \"psfs\", \"atIntake\": true}");
            String spanishTitle = "Escala Funcional Específica del Paciente";
            as("pat", "es").get("/api/measures/due").then().statusCode(200).header("Content-Language", "es")
                    .body("items.find { it.scheduleId == '" + scheduleId + "' }.title", equalTo(spanishTitle));
            as("pat", "es-MX,es;q=0.9,en;q=0.5").get("/api/instruments/psfs").then().statusCode(200)
                    .header("Content-Language", "es").header("Vary", containsString("Accept-Language"))
                    .body("title", equalTo(spanishTitle))
                    .body("questionnaire.title", equalTo(spanishTitle))
                    .body("questionnaire.item.text", equalTo(List.of("Actividad 1", "Actividad 2", "Actividad 3",
                            "Actividad 4 (opcional)", "Actividad 5 (opcional)")))
                    .body("questionnaire.item[0].item[0].text", equalTo("Una actividad que usted no puede realizar "
                            + "o que le resulta difícil realizar debido a su problema"))
                    .body("questionnaire.item[4].item[1].text", startsWith("¿En qué medida puede realizarla hoy, "
                            + "de 0 (incapaz de realizar la actividad) a 10"))
                    .body("questionnaire.item[0].item.linkId", equalTo(List.of("activity-1-name",
                            "activity-1-score")))
                    .body("questionnaire._title", nullValue());
            as("pat", "de").get("/api/instruments").then().statusCode(200).header("Content-Language", "de")
                    .body("items.find { it.key == 'psfs' }.title", equalTo("Patientenspezifische Funktionsskala"))
                    .body("items.find { it.key == 'pain-nrs' }.title", equalTo("Numerische Schmerzskala (0–10)"));
            as("pat", "de-CH").get("/api/instruments/pain-nrs").then().statusCode(200)
                    .body("questionnaire.item[0].text", startsWith("Wie stark waren Ihre Schmerzen in den letzten "
                            + "24 Stunden im Durchschnitt"))
                    .body("questionnaire.item[0].linkId", equalTo("pain"));
            // A language we do not have: the English original, its translations kept for a FHIR client to choose.
            as("pat", "fr").get("/api/instruments/psfs").then().statusCode(200).header("Content-Language", "en")
                    .body("title", equalTo("Patient-Specific Functional Scale"))
                    .body("questionnaire.item[0].text", equalTo("Activity 1"))
                    .body("questionnaire._title.extension.url", everyItem(equalTo(
                            "http://hl7.org/fhir/StructureDefinition/translation")))
                    .body("questionnaire._title.extension.size()", equalTo(2));
            // The patient's own preference wins over the browser's.
            PatientServicePeer.prefers(PAT, "de");
            as("pat", "es").get("/api/instruments/psfs").then().statusCode(200).header("Content-Language", "de")
                    .body("questionnaire.item[0].text", equalTo("Aktivität 1"));

            // Answered from the German form, scored as the English one is (psfs(2, 3, 4): average 3).
            as("pat", "de").body("{\"answers\": " + psfs(2, 3, 4) + "}")
                    .post("/api/measures/schedules/" + scheduleId + "/responses").then().statusCode(201)
                    .body("scores.find { it.id == 'average' }.value", equalTo(3));
        } finally {
            PatientServicePeer.forget(PAT);
        }
    }

    /**
     * A clinic imports a licensed translation (Keele and other owners publish them) the same way FHIR carries ours:
     * translation extensions in the Questionnaire it imports (a synthetic one here). A Spanish reader gets the
     * translated words, the rest in the original; the coded answers score exactly as in English.
     */
    @Test
    void anImportedQuestionnaireCarryingATranslationIsAskedInItAndScoredAsInEnglish() throws IOException {
        String key = "odi-es-" + UUID.randomUUID().toString().substring(0, 8);
        com.fasterxml.jackson.databind.node.ObjectNode odi = (com.fasterxml.jackson.databind.node.ObjectNode)
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(syntheticOdi());
        odi.put("url", "https://example.org/fhir/Questionnaire/" + key);
        odi.set("_title", translations("Cuestionario sintético (solo pruebas)"));
        com.fasterxml.jackson.databind.node.ObjectNode first = (com.fasterxml.jackson.databind.node.ObjectNode)
                odi.get("item").get(0);
        first.set("_text", translations("Sección sintética 1"));
        for (com.fasterxml.jackson.databind.JsonNode option : first.get("answerOption")) {
            ((com.fasterxml.jackson.databind.node.ObjectNode) option.get("valueCoding")).set("_display",
                    translations("Afirmación sintética " + option.get("valueCoding").get("code").asText()));
        }
        as("ada").body("{\"key\": \"" + key + "\", \"questionnaire\": " + odi + ", \"scoring\": \"odi\"}")
                .post("/api/instruments").then().statusCode(201);

        String planId = assignAcute("tara", PAT);
        String scheduleId = attach("tara", planId, "{\"instrument\": \"" + key + "\", \"atIntake\": true}");
        as("pat", "es").get("/api/instruments/" + key).then().statusCode(200)
                .body("title", equalTo("Cuestionario sintético (solo pruebas)"))
                .body("questionnaire.item[0].text", equalTo("Sección sintética 1"))
                .body("questionnaire.item[0].answerOption.valueCoding.display", hasItem("Afirmación sintética 3"))
                .body("questionnaire.item[0].answerOption.valueCoding.code", equalTo(List.of("0", "1", "2", "3",
                        "4", "5")))
                .body("questionnaire.item[1].text", equalTo("Synthetic section 2 (not the licensed wording)"));
        as("pat", "es").get("/api/measures/due").then().statusCode(200)
                .body("items.find { it.scheduleId == '" + scheduleId + "' }.title",
                        equalTo("Cuestionario sintético (solo pruebas)"));
        // The same answers as the English ODI above, the same 35.56 %.
        as("pat", "es").body("{\"answers\": {\"section-1\": \"1\", \"section-2\": \"2\", \"section-3\": \"3\", "
                + "\"section-4\": \"1\", \"section-5\": \"2\", \"section-6\": \"3\", \"section-7\": \"1\", "
                + "\"section-8\": \"1\", \"section-9\": \"2\"}}")
                .post("/api/measures/schedules/" + scheduleId + "/responses").then().statusCode(201)
                .body("scores[0].value", equalTo(35.56f))
                .body("scores[0].title", equalTo("ODI (% de discapacidad)"));
    }

    /**
     * The scores' names follow the reader's language as the Questionnaire does: the patient's answer and their scores
     * over time read "Dolor" / "Schmerz" (a preference winning over the browser's), the therapist's English page
     * reads English, and the instrument's list names the scores in the language asked for.
     */
    @Test
    void aPatientReadsTheNamesOfTheirScoresInTheirLanguageAndTheTherapistInEnglish() {
        PatientServicePeer.prefers(PAT, null);
        try {
            String planId = assignAcute("tara", PAT);
            String painSchedule = attach("tara", planId, "{\"instrument\": \"pain-nrs\", \"atIntake\": true}");
            String psfsSchedule = attach("tara", planId, "{\"instrument\": \"psfs\", \"atIntake\": true}");
            as("pat", "es").body("{\"answers\": {\"pain\": 4}}")
                    .post("/api/measures/schedules/" + painSchedule + "/responses").then().statusCode(201)
                    .header("Content-Language", "es").header("Vary", containsString("Accept-Language"))
                    .body("scores[0].title", equalTo("Dolor (0–10)")).body("scores[0].value", equalTo(4));
            as("pat", "de-DE,de;q=0.9").body("{\"answers\": " + psfs(2, 3, 4) + "}")
                    .post("/api/measures/schedules/" + psfsSchedule + "/responses").then().statusCode(201)
                    .body("scores.find { it.id == 'average' }.title", equalTo("PSFS: Mittelwert (0–10)"))
                    .body("scores.find { it.id == 'activity-1' }.title", equalTo("PSFS: Aktivität 1 (0–10)"));

            String pain = "instruments.find { it.instrument == 'pain-nrs' }";
            String psfs = "instruments.find { it.instrument == 'psfs' }";
            as("pat", "es").get("/api/measures/patients/" + PAT + "/scores").then().statusCode(200)
                    .header("Content-Language", "es")
                    .body(pain + ".title", equalTo("Escala numérica de dolor (0–10)"))
                    .body(pain + ".scores[0].title", equalTo("Dolor (0–10)"))
                    .body(psfs + ".scores.find { it.score == 'average' }.title", equalTo("PSFS: media (0–10)"));
            as("tara", "en").get("/api/measures/patients/" + PAT + "/scores").then().statusCode(200)
                    .header("Content-Language", "en")
                    .body(pain + ".scores[0].title", equalTo("Pain (0–10)"))
                    .body(psfs + ".scores.find { it.score == 'average' }.title", equalTo("PSFS average (0–10)"));
            as("pat", "de").get("/api/instruments").then().statusCode(200)
                    .body("items.find { it.key == 'psfs' }.scores.title", hasItem("PSFS: Aktivität 5 (0–10)"))
                    .body("items.find { it.key == 'pain-nrs' }.scores[0].title", equalTo("Schmerz (0–10)"));

            // The patient's own preference wins over the browser's, as for every other word.
            PatientServicePeer.prefers(PAT, "de");
            as("pat", "es").get("/api/measures/patients/" + PAT + "/scores").then().statusCode(200)
                    .header("Content-Language", "de").body(pain + ".scores[0].title", equalTo("Schmerz (0–10)"));
        } finally {
            PatientServicePeer.forget(PAT);
        }
    }

    /**
     * An imported instrument's scores are named as its own rules name them: in their words whatever the reader's
     * language when they carry no translation (most do not); a translation into a language we do not have is refused.
     */
    @Test
    void anImportedInstrumentsScoresKeepTheirOwnNamesWithoutATranslation() throws IOException {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        String key = "odi-own-" + UUID.randomUUID().toString().substring(0, 8);
        com.fasterxml.jackson.databind.node.ObjectNode odi = (com.fasterxml.jackson.databind.node.ObjectNode)
                json.readTree(syntheticOdi());
        odi.put("url", "https://example.org/fhir/Questionnaire/" + key);
        com.fasterxml.jackson.databind.node.ObjectNode rules;
        try (InputStream in = OutcomeMeasuresApiTest.class.getResourceAsStream("/instruments/odi.scoring.json")) {
            rules = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(in);
        }
        rules.put("title", "Own disability scale (synthetic)");
        com.fasterxml.jackson.databind.node.ObjectNode score = (com.fasterxml.jackson.databind.node.ObjectNode)
                rules.get("scores").get(0);
        score.put("title", "Own disability (%)");
        score.putObject("titleTranslations").put("fr", "Incapacité (%)");
        String imported = "{\"key\": \"" + key + "\", \"questionnaire\": " + odi + ", \"scoring\": ";
        as("ada").body(imported + rules + "}").post("/api/instruments").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("scoring.scores.percent.titleTranslations"));
        score.remove("titleTranslations");
        as("ada").body(imported + rules + "}").post("/api/instruments").then().statusCode(201);

        String planId = assignAcute("tara", PAT);
        String scheduleId = attach("tara", planId, "{\"instrument\": \"" + key + "\", \"atIntake\": true}");
        as("pat", "es").body("{\"answers\": {\"section-1\": \"1\", \"section-2\": \"2\", \"section-3\": \"3\", "
                + "\"section-4\": \"1\", \"section-5\": \"2\", \"section-6\": \"3\", \"section-7\": \"1\", "
                + "\"section-8\": \"1\", \"section-9\": \"2\"}}")
                .post("/api/measures/schedules/" + scheduleId + "/responses").then().statusCode(201)
                .header("Content-Language", "es").body("scores[0].title", equalTo("Own disability (%)"));
    }

    private static com.fasterxml.jackson.databind.JsonNode translations(String spanish) {
        com.fasterxml.jackson.databind.node.ObjectNode element = com.fasterxml.jackson.databind.node.JsonNodeFactory
                .instance.objectNode();
        com.fasterxml.jackson.databind.node.ObjectNode translation = element.putArray("extension").addObject()
                .put("url", "http://hl7.org/fhir/StructureDefinition/translation");
        translation.putArray("extension").addObject().put("url", "lang").put("valueCode", "es");
        ((com.fasterxml.jackson.databind.node.ArrayNode) translation.get("extension")).addObject()
                .put("url", "content").put("valueString", spanish);
        return element;
    }

    @Test
    void everyMeasureEndpointRefusesBadInputWrongRolesMissingTokensAndForeignIds() {
        String planId = assignAcute("tara", PAT);
        String scheduleId = attach("tara", planId, "{\"instrument\": \"pain-nrs\", \"atIntake\": true}");
        String attach = "/api/measures/plans/" + planId + "/schedules";
        String responses = "/api/measures/schedules/" + scheduleId + "/responses";
        String scores = "/api/measures/patients/" + PAT + "/scores";

        // bad input: 400 problem+json naming the field, never 500
        for (String body : List.of("{\"instrument\": \"psfs\", \"everyWeeks\": 0}",
                "{\"instrument\": \"psfs\", \"everyWeeks\": 53}", "{\"instrument\": \"psfs\", \"everyWeeks\": 99999999999}",
                "{\"instrument\": \"psfs\"}", "{\"instrument\": \"no-such-scale\", \"atIntake\": true}",
                "{\"instrument\": \"" + "x".repeat(41) + "\", \"atIntake\": true}", "{}", "[]", "not json")) {
            as("tara").body(body).post(attach).then().statusCode(400).contentType("application/problem+json");
        }
        Map<String, String> badAnswers = Map.of("{\"pain\": 11}", "answers.pain", "{\"pain\": -1}", "answers.pain",
                "{\"pain\": \"seven\"}", "answers.pain", "{\"pain\": 1e308}", "answers.pain",
                "{\"pain\": 99999999999999999999}", "answers.pain", "{\"mood\": 3}", "answers.mood");
        badAnswers.forEach((answers, field) -> answer("pat", scheduleId, answers).statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo(field)));
        StringBuilder tooMany = new StringBuilder("{");
        for (int i = 0; i < 201; i++) {
            tooMany.append(i == 0 ? "" : ", ").append("\"q").append(i).append("\": 1");
        }
        answer("pat", scheduleId, tooMany.append("}").toString()).statusCode(400);
        as("pat").body("{}").post(responses).then().statusCode(400).contentType("application/problem+json");
        answer("pat", scheduleId, "{\"pain\": 0}").statusCode(201);
        as("tara").get("/api/measures/plans/not-a-uuid/schedules").then().statusCode(404);

        // no token: 401 everywhere
        for (String[] call : new String[][] { { "GET", "/api/instruments" }, { "GET", "/api/instruments/psfs" },
                { "GET", "/api/instruments/start-back/terms" }, { "POST", "/api/instruments/start-back/enable" },
                { "POST", "/api/instruments" }, { "POST", attach }, { "GET", attach }, { "GET", "/api/measures/due" },
                { "POST", responses }, { "GET", scores } }) {
            given().contentType(ContentType.JSON).body("{}").request(call[0], call[1]).then().statusCode(401);
        }

        // wrong role: 403
        as("pat").body("{\"instrument\": \"psfs\", \"atIntake\": true}").post(attach).then().statusCode(403);
        as("ada").body("{\"instrument\": \"psfs\", \"atIntake\": true}").post(attach).then().statusCode(403);
        as("ada").get(attach).then().statusCode(403);
        as("tara").get("/api/measures/due").then().statusCode(403);
        as("ada").get("/api/measures/due").then().statusCode(403);
        as("tara").body("{\"answers\": {\"pain\": 1}}").post(responses).then().statusCode(403);
        as("ada").get(scores).then().statusCode(403);
        as("pat").get("/api/instruments/start-back/terms").then().statusCode(403);
        as("tara").get("/api/instruments/start-back/terms").then().statusCode(403);

        // foreign ids: theo (not in pat's care) and polly (another patient) get 404, as for ids that do not exist
        as("theo").body("{\"instrument\": \"psfs\", \"atIntake\": true}").post(attach).then().statusCode(404)
                .contentType("application/problem+json");
        as("theo").get(attach).then().statusCode(404);
        as("polly").get(attach).then().statusCode(404);
        as("polly").body("{\"answers\": {\"pain\": 1}}").post(responses).then().statusCode(404);
        as("theo").get(scores).then().statusCode(404);
        as("polly").get(scores).then().statusCode(404);
        as("pat").body("{\"answers\": {\"pain\": 1}}").post("/api/measures/schedules/" + UUID.randomUUID()
                + "/responses").then().statusCode(404);
        as("ada").get("/api/instruments/no-such-scale/terms").then().statusCode(404);
        as("ada").get("/api/instruments/psfs/terms").then().statusCode(404);
        as("polly").get("/api/measures/due").then().statusCode(200).body("items.scheduleId", not(hasItem(scheduleId)));
    }

    @Test
    void everyReadAndWriteOfAPatientsMeasuresIsRecordedForThePatient() {
        String planId = assignAcute("tara", PAT);
        String scheduleId = attach("tara", planId, "{\"instrument\": \"pain-nrs\", \"atIntake\": true}");
        Map<String, RequestSpecification> calls = Map.of(
                "attach", as("tara").body("{\"instrument\": \"psfs\", \"atIntake\": true}"),
                "submit", as("pat").body("{\"answers\": {\"pain\": 4}}"),
                "scores", as("tara"), "due", as("pat"), "foreign", as("polly").body("{\"answers\": {\"pain\": 4}}"));
        for (Map.Entry<String, RequestSpecification> call : calls.entrySet()) {
            String correlationId = call.getKey() + "-" + UUID.randomUUID();
            RequestSpecification request = call.getValue().header("X-Correlation-Id", correlationId);
            switch (call.getKey()) {
                case "attach" -> request.post("/api/measures/plans/" + planId + "/schedules").then().statusCode(201);
                case "submit" -> request.post("/api/measures/schedules/" + scheduleId + "/responses").then()
                        .statusCode(201);
                case "scores" -> request.get("/api/measures/patients/" + PAT + "/scores").then().statusCode(200);
                case "due" -> request.get("/api/measures/due").then().statusCode(200);
                default -> request.post("/api/measures/schedules/" + scheduleId + "/responses").then()
                        .statusCode(404);
            }
            assertThat(audit.byCorrelationId(correlationId)).as(call.getKey()).singleElement()
                    .satisfies(e -> assertThat(e.patientId()).isEqualTo(PAT));
        }
    }
}
