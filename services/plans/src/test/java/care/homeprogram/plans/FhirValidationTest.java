package care.homeprogram.plans;

import static care.homeprogram.plans.PlanFixtures.assignAcute;
import static care.homeprogram.plans.PlanFixtures.logSession;
import static care.homeprogram.testing.DemoUsers.PAT;
import static care.homeprogram.testing.DemoUsers.TARA;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import care.homeprogram.contract.Language;
import care.homeprogram.plans.client.PatientDetails;
import care.homeprogram.plans.domain.CheckIn;
import care.homeprogram.plans.domain.Dose;
import care.homeprogram.plans.domain.Plan;
import care.homeprogram.plans.domain.PlanItem;
import care.homeprogram.plans.domain.SessionLog;
import care.homeprogram.plans.fhir.FhirExport;
import care.homeprogram.plans.fhir.OutcomeFhir;
import care.homeprogram.plans.outcomes.AnswerCheck;
import care.homeprogram.plans.outcomes.Instrument;
import care.homeprogram.plans.outcomes.QuestionnaireLanguage;
import care.homeprogram.plans.outcomes.Scorer;
import care.homeprogram.plans.service.InstrumentCatalog;
import care.homeprogram.plans.safety.RedFlag;
import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The FHIR export is valid R4: HL7's instance validator finds no error in it (warnings are printed, errors fail the
 * test with every message), every reference resolves inside the bundle, and no login id is in it. The summary line
 * it prints ({@code [fhir-validation] ...}) is the figure for release notes.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PLANS"))
class FhirValidationTest {
    private static final FhirContext FHIR = FhirContext.forR4();
    private static final FhirValidation VALIDATION = new FhirValidation(FHIR);

    @BeforeEach
    void careTeamsArrive() {
        PlanFixtures.demoCareTeamsArrived();
    }

    @Test
    void aPatientsWholeRecordPassesHl7sValidator() {
        // Two plans, sessions on both, one item paused by red pain, a calm and a same-day red-flag check-in.
        String first = assignAcute("tara", PAT);
        String second = assignAcute("tara", PAT);
        List<String> firstItems = items(first);
        logSession("pat", first, firstItems.get(0), 2, 2, "", "").statusCode(201);
        logSession("pat", first, firstItems.get(1), 2, 7, "", "").statusCode(201);
        logSession("pat", second, items(second).get(0), 3, 2, "", "").statusCode(201);
        // One session corrected (amended scores) and one withdrawn (kept, marked entered-in-error).
        String corrected = logSession("pat", second, items(second).get(1), 1, 1, "", "").statusCode(201)
                .extract().path("sessionId");
        given().auth().oauth2(Tokens.accessToken("pat")).contentType(io.restassured.http.ContentType.JSON)
                .body("{\"painBefore\": 1, \"painAfter\": 2, \"reason\": \"typed 1 for 2\"}")
                .put("/api/plans/" + second + "/sessions/" + corrected).then().statusCode(200);
        String withdrawn = logSession("pat", second, items(second).get(1), 3, 3, "", "").statusCode(201)
                .extract().path("sessionId");
        given().auth().oauth2(Tokens.accessToken("pat")).contentType(io.restassured.http.ContentType.JSON)
                .body("{\"reason\": \"logged twice\"}")
                .post("/api/plans/" + second + "/sessions/" + withdrawn + "/withdraw").then().statusCode(200);
        checkIn("{\"answers\": {}}");
        checkIn("{\"answers\": {\"NIGHT_PAIN\": true}}");
        // Outcome measures: PSFS with four activities, the pain NRS, and STarT Back once an admin enabled it.
        String version = given().auth().oauth2(Tokens.accessToken("ada")).get("/api/instruments/start-back/terms")
                .then().statusCode(200).extract().path("termsVersion");
        given().auth().oauth2(Tokens.accessToken("ada")).contentType(ContentType.JSON)
                .body("{\"acceptTerms\": true, \"termsVersion\": \"" + version + "\"}")
                .post("/api/instruments/start-back/enable").then().statusCode(200);
        measure(first, "psfs", "{\"activity-1-name\": \"Putting on socks\", \"activity-1-score\": 3, "
                + "\"activity-2-name\": \"Lifting a bag\", \"activity-2-score\": 4, "
                + "\"activity-3-name\": \"Walking 1 km\", \"activity-3-score\": 6, "
                + "\"activity-4-name\": \"Gardening\", \"activity-4-score\": 2}");
        measure(first, "pain-nrs", "{\"pain\": 5}");
        measure(first, "start-back", "{\"item-1\": \"agree\", \"item-2\": \"disagree\", \"item-3\": \"agree\", "
                + "\"item-4\": \"agree\", \"item-5\": \"disagree\", \"item-6\": \"agree\", \"item-7\": \"disagree\", "
                + "\"item-8\": \"disagree\", \"item-9\": \"very-much\"}");

        String json = given().auth().oauth2(Tokens.accessToken("tara")).get("/api/fhir/patients/" + PAT)
                .then().statusCode(200).extract().asString();
        Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class, json);

        assertValid(bundle);
        assertThat(resources(bundle, org.hl7.fhir.r4.model.Observation.class))
                .extracting(org.hl7.fhir.r4.model.Observation::getStatus)
                .contains(org.hl7.fhir.r4.model.Observation.ObservationStatus.FINAL,
                        org.hl7.fhir.r4.model.Observation.ObservationStatus.AMENDED,
                        org.hl7.fhir.r4.model.Observation.ObservationStatus.ENTEREDINERROR);
        assertThat(json).as("login ids of the patient and the therapist")
                .doesNotContain(PAT.toString(), TARA.toString());
        CarePlan firstPlan = carePlan(bundle, first);
        assertThat(carePlan(bundle, second)).isNotNull();
        assertThat(firstPlan.getActivity()).extracting(a -> a.getDetail().getStatus())
                .contains(CarePlan.CarePlanActivityStatus.ONHOLD);
        QuestionnaireResponse checkIn = resources(bundle, QuestionnaireResponse.class).stream()
                .filter(r -> r.getQuestionnaire().startsWith(FhirExport.RED_FLAG_QUESTIONNAIRE)).toList().getLast();
        // The outcome measures: each response with its Questionnaire, and the scores derived from it.
        assertThat(resources(bundle, QuestionnaireResponse.class)).extracting(QuestionnaireResponse::getQuestionnaire)
                .contains("https://homeprogram.care/fhir/Questionnaire/psfs|1",
                        "https://homeprogram.care/fhir/Questionnaire/pain-nrs|1",
                        "https://homeprogram.care/fhir/Questionnaire/start-back|1");
        assertThat(resources(bundle, Questionnaire.class)).extracting(Questionnaire::getUrl)
                .contains("https://homeprogram.care/fhir/Questionnaire/psfs",
                        "https://homeprogram.care/fhir/Questionnaire/start-back");
        assertThat(resources(bundle, Observation.class))
                .filteredOn(o -> o.getCode().getCodingFirstRep().getCode().equals("psfs-average")).singleElement()
                .satisfies(o -> assertThat(o.getValueQuantity().getValue()).isEqualByComparingTo("3.75"))
                .satisfies(o -> assertThat(o.getDerivedFromFirstRep().getReference()).startsWith("urn:uuid:"));
        assertThat(resources(bundle, Observation.class))
                .filteredOn(o -> o.getCode().getCodingFirstRep().getCode().equals("start-back-total")).singleElement()
                .satisfies(o -> assertThat(o.getValueQuantity().getValue()).isEqualByComparingTo("5"))
                .satisfies(o -> assertThat(o.getNoteFirstRep().getText()).isEqualTo("Band: medium"));
        Questionnaire questionnaire = resources(bundle, Questionnaire.class).getFirst();
        // The questionnaire in the bundle asks what the validator checked the answers against.
        Questionnaire published = FhirExport.redFlagQuestionnaire();
        assertThat(questionnaire.getUrl() + "|" + questionnaire.getVersion())
                .isEqualTo(published.getUrl() + "|" + published.getVersion());
        assertThat(questionnaire.getItem()).extracting(i -> i.getLinkId() + ": " + i.getText())
                .containsExactlyElementsOf(published.getItem().stream().map(i -> i.getLinkId() + ": " + i.getText())
                        .toList());
        assertThat(checkIn.getQuestionnaire())
                .isEqualTo(questionnaire.getUrl() + "|" + questionnaire.getVersion());
        assertThat(checkIn.getItem()).filteredOn(i -> i.getLinkId().equals("NIGHT_PAIN")).singleElement()
                .satisfies(i -> assertThat(i.getAnswerFirstRep().getValueBooleanType().booleanValue()).isTrue());
    }

    /** patient-service does not run beside these tests; its details (name, birth date, language) are valid too. */
    @Test
    void anExportWithPatientDetailsAndNamedTherapistsPassesHl7sValidator() {
        UUID patient = UUID.randomUUID();
        UUID therapist = UUID.randomUUID();
        UUID colleague = UUID.randomUUID();
        Plan plan = plan(patient, therapist);
        SessionLog session = new SessionLog();
        session.id = UUID.randomUUID();
        session.planId = plan.id;
        session.itemId = plan.items.getFirst().id;
        session.patientId = patient;
        session.performedAt = OffsetDateTime.parse("2026-03-03T18:30:00+01:00");
        session.painBefore = 4;
        session.painAfter = 3;
        CheckIn checkIn = new CheckIn();
        checkIn.id = UUID.randomUUID();
        checkIn.patientId = patient;
        checkIn.answers = new EnumMap<>(RedFlag.class);
        for (RedFlag flag : RedFlag.values()) {
            checkIn.answers.put(flag, false);
        }
        checkIn.createdAt = OffsetDateTime.parse("2026-03-01T09:00:00Z");
        PatientDetails details = new PatientDetails(patient, "Petra", "Muster", "petra@example.org",
                LocalDate.parse("1970-05-17"), "de");
        List<org.hl7.fhir.r4.model.Resource> odi = odiResponse(patient, plan.id);

        Bundle bundle = FhirExport.bundle(new FhirExport.Record(patient, Optional.of(details), true, List.of(plan),
                List.of(session), List.of(checkIn), List.of(therapist, colleague),
                Map.of(therapist, new FhirExport.Name("Tara", "Therapist")), Instant.parse("2026-03-04T08:00:00Z"),
                odi));

        assertValid(bundle);
        // An imported ODI (a synthetic stand-in): LOINC 97909-6, one section missing scored over nine.
        assertThat(resources(bundle, Observation.class))
                .filteredOn(o -> o.getCode().getCodingFirstRep().getCode().equals("97909-6")).singleElement()
                .satisfies(o -> assertThat(o.getValueQuantity().getValue()).isEqualByComparingTo("35.56"))
                .satisfies(o -> assertThat(o.getValueQuantity().getCode()).isEqualTo("%"));
        assertThat(FHIR.newJsonParser().encodeResourceToString(bundle))
                .doesNotContain(patient.toString(), therapist.toString(), colleague.toString());
    }

    /**
     * The shipped Questionnaires as published, their Spanish and German translations carried by FHIR's translation
     * extension, and the copies worded in each language that patients are asked from, pass the validator; a
     * translation extension misspelled is an error (the validator reads them).
     */
    @Test
    void theShippedQuestionnairesWithTheirTranslationsAndTheirWordingInEachLanguagePassHl7sValidator() {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
        for (String key : InstrumentCatalog.SHIPPED) {
            Questionnaire published = InstrumentCatalog.shippedQuestionnaire(FHIR, key);
            for (Language language : Language.values()) {
                bundle.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID())
                        .setResource(QuestionnaireLanguage.in(published, language));
            }
        }
        assertThat(FHIR.newJsonParser().encodeResourceToString(bundle))
                .contains(QuestionnaireLanguage.TRANSLATION, "Escala Funcional Específica del Paciente",
                        "Patientenspezifische Funktionsskala");
        FhirValidation.Report valid = VALIDATION.validate(bundle);
        System.out.println(valid.summary());
        assertThat(valid.errors()).as("%s%n%s", valid.summary(), valid.details()).isEmpty();

        Questionnaire misspelled = InstrumentCatalog.shippedQuestionnaire(FHIR, "pain-nrs");
        misspelled.getTitleElement().getExtensionsByUrl(QuestionnaireLanguage.TRANSLATION).getFirst()
                .getExtensionByUrl("lang").setUrl("language");
        FhirValidation.Report report = VALIDATION.validate(new Bundle().setType(Bundle.BundleType.COLLECTION)
                .addEntry(new Bundle.BundleEntryComponent().setFullUrl("urn:uuid:" + UUID.randomUUID())
                        .setResource(misspelled)));
        assertThat(report.errors()).as(report.details()).isNotEmpty();
    }

    /** The validator has teeth: what the core profiles require and a reader needs, missing, is an error. */
    @Test
    void theValidatorRejectsAPlanWithoutStatusAPainScoreWithoutCodeAndAnAnswerToNoQuestion() {
        UUID patient = UUID.randomUUID();
        Plan plan = plan(patient, UUID.randomUUID());
        Bundle bundle = FhirExport.bundle(new FhirExport.Record(patient, Optional.empty(), true, List.of(plan),
                List.of(), List.of(), List.of(), Map.of(), Instant.parse("2026-03-04T08:00:00Z")));
        resources(bundle, CarePlan.class).getFirst().setStatus(null);
        bundle.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(new Observation()
                .setStatus(Observation.ObservationStatus.FINAL));

        QuestionnaireResponse unknownQuestion = new QuestionnaireResponse()
                .setQuestionnaire(FhirExport.RED_FLAG_QUESTIONNAIRE + "|" + FhirExport.RED_FLAG_QUESTIONNAIRE_VERSION)
                .setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        unknownQuestion.addItem().setLinkId("HEADACHE").addAnswer().setValue(new BooleanType(true));
        bundle.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(unknownQuestion);

        FhirValidation.Report report = VALIDATION.validate(bundle);

        assertThat(report.errors()).extracting(m -> m.getLocationString() + " " + m.getMessage())
                .anyMatch(m -> m.contains("CarePlan") && m.contains("status"))
                .anyMatch(m -> m.contains("Observation") && m.contains("code"))
                // Answers are checked against the red-flag questionnaire's questions.
                .anyMatch(m -> m.contains("QuestionnaireResponse") && m.contains("HEADACHE"));
    }

    private static void assertValid(Bundle bundle) {
        FhirValidation.Report report = VALIDATION.validate(bundle);
        System.out.print(report.details());
        System.out.println(report.summary());
        assertThat(report.errors()).as("%s%n%s", report.summary(), report.details()).isEmpty();

        Set<String> fullUrls = bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getFullUrl)
                .collect(Collectors.toSet());
        assertThat(fullUrls).hasSize(bundle.getEntry().size()).allMatch(u -> u.startsWith("urn:uuid:"));
        List<String> references = bundle.getEntry().stream()
                .flatMap(e -> FHIR.newTerser().getAllPopulatedChildElementsOfType(e.getResource(), Reference.class)
                        .stream())
                .map(Reference::getReference).toList();
        assertThat(references).isNotEmpty().allSatisfy(r -> assertThat(fullUrls).contains(r));
    }

    private static Plan plan(UUID patient, UUID therapist) {
        Plan plan = new Plan();
        plan.id = UUID.randomUUID();
        plan.patientId = patient;
        plan.therapistId = therapist;
        plan.status = Plan.Status.ACTIVE;
        plan.version = 3;
        plan.startDate = LocalDate.parse("2026-03-02");
        plan.items.add(item(plan, "Knee to chest", 1, new Dose(2, 10, 20, null, 2,
                List.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY), 4), PlanItem.Status.ACTIVE));
        PlanItem walk = item(plan, "Walking", 2, new Dose(null, null, null, 900, 1, List.of(DayOfWeek.values()), 6),
                PlanItem.Status.PAUSED);
        walk.pausedReason = "Pain 7/10 after the session";
        plan.items.add(walk);
        return plan;
    }

    private static PlanItem item(Plan plan, String name, int startWeek, Dose dose, PlanItem.Status status) {
        PlanItem item = new PlanItem();
        item.id = UUID.randomUUID();
        item.plan = plan;
        item.name = name;
        item.startWeek = startWeek;
        item.dose = dose;
        item.status = status;
        return item;
    }

    private static List<String> items(String planId) {
        return given().auth().oauth2(Tokens.accessToken("pat")).get("/api/plans/" + planId)
                .then().statusCode(200).extract().path("items.id");
    }

    /** An ODI response as an import would produce it: sections 1–9 answered (16 points), section 10 missing. */
    private static List<org.hl7.fhir.r4.model.Resource> odiResponse(UUID patient, UUID planId) {
        Instrument odi = new Instrument("odi", FhirValidation.syntheticOdi(FHIR), InstrumentCatalog.shippedRules("odi"),
                false, true);
        Map<String, com.fasterxml.jackson.databind.JsonNode> answers = new java.util.LinkedHashMap<>();
        int[] values = { 1, 2, 3, 1, 2, 3, 1, 1, 2 };
        for (int i = 0; i < values.length; i++) {
            answers.put("section-" + (i + 1), com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                    .textNode(String.valueOf(values[i])));
        }
        OffsetDateTime at = OffsetDateTime.parse("2026-03-03T09:00:00Z");
        UUID responseId = UUID.randomUUID();
        AnswerCheck.Checked checked = AnswerCheck.check(odi.questionnaire(), odi.rules(), answers);
        QuestionnaireResponse response = OutcomeFhir.withNarrative(AnswerCheck.into(
                OutcomeFhir.response(responseId, patient, planId, odi, at), checked), odi);
        Scorer.Score score = Scorer.score(odi.rules(), checked.values()).getFirst();
        return List.of(OutcomeFhir.questionnaire(odi), response,
                OutcomeFhir.score(responseId, patient, planId, odi, odi.rules().scores().getFirst(), score, at));
    }

    private static void measure(String planId, String instrument, String answers) {
        String scheduleId = given().auth().oauth2(Tokens.accessToken("tara")).contentType(ContentType.JSON)
                .body("{\"instrument\": \"" + instrument + "\", \"atIntake\": true}")
                .post("/api/measures/plans/" + planId + "/schedules").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.accessToken("pat")).contentType(ContentType.JSON)
                .body("{\"answers\": " + answers + "}").post("/api/measures/schedules/" + scheduleId + "/responses")
                .then().statusCode(201);
    }

    private static void checkIn(String body) {
        given().auth().oauth2(Tokens.accessToken("pat")).contentType(ContentType.JSON).body(body)
                .post("/api/check-ins").then().statusCode(201);
    }

    private static CarePlan carePlan(Bundle bundle, String planId) {
        return resources(bundle, CarePlan.class).stream()
                .filter(c -> c.getIdentifier().stream().map(Identifier::getValue).anyMatch(planId::equals))
                .findFirst().orElseThrow(() -> new AssertionError("no CarePlan for plan " + planId));
    }

    static <T extends IBaseResource> List<T> resources(Bundle bundle, Class<T> type) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(type::isInstance).map(type::cast).toList();
    }
}
