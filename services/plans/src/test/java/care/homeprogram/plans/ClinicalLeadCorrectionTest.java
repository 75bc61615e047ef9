package care.homeprogram.plans;

import static care.homeprogram.testing.DemoUsers.POLLY;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import care.homeprogram.plans.domain.Exercise;
import care.homeprogram.testing.ClinicalLeads;
import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #13: a clinical lead (a therapist an admin designated: the realm role clinical-lead beside therapist) corrects
 * the clinic's seeded exercises and templates, as a new seed version does (SeedVersionTest): a corrected exercise is
 * a new content version recorded as made by the lead, which plans assigned before do not get; a corrected template's
 * plans keep the items they were built with. Other therapists still get 403 {@code seeded-entry}.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PLANS"))
class ClinicalLeadCorrectionTest {
    private static final String PASSWORD = "Clinic-Lead-2026x";
    private static final String CORRECTED = "On all fours, hands under your shoulders, round your back slowly.";
    private static String lead;
    private static UUID leadId;

    @BeforeAll
    static void aClinicalLead() {
        lead = "lead-" + UUID.randomUUID().toString().substring(0, 8);
        leadId = ClinicalLeads.createLead(lead, PASSWORD);
    }

    @BeforeEach
    void careTeamsArrive() {
        PlanFixtures.demoCareTeamsArrived();
    }

    private static RequestSpecification asLead() {
        return given().auth().oauth2(Tokens.accessToken(lead, PASSWORD)).contentType(ContentType.JSON);
    }

    private static RequestSpecification as(String who) {
        return given().auth().oauth2(Tokens.accessToken(who)).contentType(ContentType.JSON);
    }

    @Test
    void aLeadsCorrectionIsANewContentVersionByTheLeadAndAssignedPlansKeepTheirWords() {
        Map<String, Object> seeded = as("theo").get("/api/exercises").then().statusCode(200)
                .extract().path("items.find { it.slug == 'cat-camel' }");
        String exerciseId = (String) seeded.get("id");
        int before = (Integer) seeded.get("contentVersion");
        @SuppressWarnings("unchecked")
        List<String> assignedWords = (List<String>) seeded.get("instructions");
        String planId = assign(exerciseId);

        Map<String, Object> correction = request(seeded);
        List<String> instructions = new ArrayList<>(assignedWords);
        instructions.set(0, CORRECTED);
        correction.put("instructions", instructions);

        // Another therapist may not; nor a patient; nor anyone without a token.
        as("tara").body(correction).put("/api/exercises/" + exerciseId).then().statusCode(403)
                .body("type", equalTo("https://homeprogram.care/problems/seeded-entry"));
        as("polly").body(correction).put("/api/exercises/" + exerciseId).then().statusCode(403);
        given().contentType(ContentType.JSON).body(correction).put("/api/exercises/" + exerciseId).then()
                .statusCode(401);

        asLead().body(correction).put("/api/exercises/" + exerciseId).then().statusCode(200)
                .body("seeded", equalTo(true)).body("ownerTherapistId", equalTo(null))
                .body("contentVersion", equalTo(before + 1)).body("instructions[0]", equalTo(CORRECTED));
        as("tara").get("/api/exercises").then().statusCode(200)
                .body("items.find { it.slug == 'cat-camel' }.instructions[0]", equalTo(CORRECTED))
                .body("items.find { it.slug == 'cat-camel' }.seeded", equalTo(true));
        // The new version says who made it (the lead, no seed version); the correction is on record with the lead.
        assertThat(sql("SELECT recorded_by || ':' || COALESCE(CAST(seed_version AS text), '-') FROM exercise_content "
                + "WHERE exercise_id = CAST(?1 AS uuid) AND content_version = ?2", exerciseId, before + 1))
                .isEqualTo(lead + ":-");
        assertThat(sql("SELECT count(*) FROM exercise_content WHERE exercise_id = CAST(?1 AS uuid) "
                + "AND content_version = ?2", exerciseId, before)).isEqualTo(1L);
        assertThat(sql("SELECT CAST(corrected_by AS text) || ':' || corrected_by_username || ':' || content_version "
                + "FROM library_correction WHERE entry_id = CAST(?1 AS uuid)", exerciseId, null))
                .isEqualTo(leadId + ":" + lead + ":" + (before + 1));

        // The plan assigned before keeps its words; a new one gets the corrected ones.
        given().auth().oauth2(Tokens.accessToken("polly")).get("/api/plans/" + planId).then().statusCode(200)
                .body("items[0].instructions", equalTo(assignedWords))
                .body("items[0].exerciseContentVersion", equalTo(before));
        given().auth().oauth2(Tokens.accessToken("polly")).get("/api/plans/" + assign(exerciseId)).then()
                .statusCode(200).body("items[0].instructions[0]", equalTo(CORRECTED))
                .body("items[0].exerciseContentVersion", equalTo(before + 1));

        // Bad input is a 400 problem and changes nothing; an unknown id is a 404.
        Map<String, Object> blank = new LinkedHashMap<>(correction);
        blank.put("name", " ");
        asLead().body(blank).put("/api/exercises/" + exerciseId).then().statusCode(400)
                .contentType("application/problem+json");
        asLead().body(correction).put("/api/exercises/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        assertThat(QuarkusTransaction.requiringNew().call(
                () -> Exercise.<Exercise>findById(UUID.fromString(exerciseId)).contentVersion)).isEqualTo(before + 1);
        // Archiving stays the owner's: the clinic's entries are not archived by hand.
        asLead().post("/api/exercises/" + exerciseId + "/archive").then().statusCode(403);
    }

    @Test
    void aLeadCorrectsASeededTemplatesItemsAndPlansBuiltBeforeKeepTheirs() {
        String slug = "back-spasm-recurrence-prevention";
        String templateId = PlanFixtures.templateId("theo", slug);
        String builtBefore = PlanFixtures.assign("theo", POLLY, "{\"patientId\": \"$PATIENT\", \"status\": "
                + "\"DRAFT\", \"templateId\": \"" + templateId + "\"}").statusCode(201).extract().path("id");
        Map<String, Object> seeded = as("theo").get("/api/templates").then().statusCode(200)
                .extract().path("items.find { it.slug == '" + slug + "' }");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) seeded.get("items");
        assertThat(items).hasSize(4);
        // dead-bug first with 8 reps, then bird-dog, then guided relaxation: the walks are taken out.
        Map<String, Object> deadBug = item(items.get(1));
        @SuppressWarnings("unchecked")
        Map<String, Object> dose = new LinkedHashMap<>((Map<String, Object>) deadBug.get("dose"));
        dose.put("reps", 8);
        deadBug.put("dose", dose);
        Map<String, Object> correction = new LinkedHashMap<>();
        correction.put("name", seeded.get("name"));
        correction.put("description", seeded.get("description"));
        correction.put("acute", seeded.get("acute"));
        correction.put("items", List.of(deadBug, item(items.get(0)), item(items.get(3))));

        as("theo").body(correction).put("/api/templates/" + templateId).then().statusCode(403)
                .body("type", equalTo("https://homeprogram.care/problems/seeded-entry"));
        asLead().body(correction).put("/api/templates/" + templateId).then().statusCode(200)
                .body("ownerTherapistId", equalTo(null)).body("items.size()", equalTo(3))
                .body("items[0].exerciseId", equalTo(items.get(1).get("exerciseId")))
                .body("items[0].dose.reps", equalTo(8))
                .body("items[2].exerciseId", equalTo(items.get(3).get("exerciseId")));
        as("tara").get("/api/templates").then().statusCode(200)
                .body("items.find { it.slug == '" + slug + "' }.items.size()", equalTo(3));
        assertThat(sql("SELECT CAST(corrected_by AS text) || ':' || kind FROM library_correction "
                + "WHERE entry_id = CAST(?1 AS uuid)", templateId, null)).isEqualTo(leadId + ":TEMPLATE");
        as("theo").get("/api/plans/" + builtBefore).then().statusCode(200).body("items.size()", equalTo(4));

        // The clinic's template holds the clinic's entries only: not the lead's own.
        String own = asLead().body(Map.of("name", "Lead's reach", "category", "MOVEMENT", "summary", "Reach",
                "instructions", List.of("Reach up slowly"), "cautions", List.of("Stop if it hurts."), "whySafe",
                "Small movement", "defaultDose", dose)).post("/api/exercises").then().statusCode(201)
                .extract().path("id");
        Map<String, Object> withOwn = new LinkedHashMap<>(correction);
        withOwn.put("items", List.of(deadBug, Map.of("exerciseId", own, "dose", dose)));
        asLead().body(withOwn).put("/api/templates/" + templateId).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://homeprogram.care/problems/clinic-entries-only"));
        asLead().body(Map.of("name", "x", "items", List.of())).put("/api/templates/" + templateId).then()
                .statusCode(400).contentType("application/problem+json");
        asLead().body(correction).put("/api/templates/" + UUID.randomUUID()).then().statusCode(404);
        asLead().delete("/api/templates/" + templateId).then().statusCode(403);
        as("tara").get("/api/templates").then()
                .body("items.find { it.slug == '" + slug + "' }.items.size()", equalTo(3));
    }

    /** What PUT /api/exercises/{id} takes, from an entry as listed. */
    private static Map<String, Object> request(Map<String, Object> view) {
        Map<String, Object> request = new LinkedHashMap<>();
        for (String field : List.of("name", "category", "summary", "instructions", "cautions", "whySafe",
                "defaultDose", "flags", "sources", "temperature", "bodyRegions")) {
            request.put(field, view.get(field));
        }
        return request;
    }

    private static Map<String, Object> item(Map<String, Object> view) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("exerciseId", view.get("exerciseId"));
        item.put("startWeek", view.get("startWeek"));
        item.put("dose", view.get("dose"));
        item.put("targetRegions", view.get("targetRegions"));
        return item;
    }

    private static String assign(String exerciseId) {
        Map<String, Object> dose = Map.of("sets", 1, "reps", 5, "timesPerDay", 1,
                "daysOfWeek", List.of("MONDAY", "THURSDAY"), "weeks", 2);
        return as("theo").body(Map.of("patientId", POLLY.toString(), "items",
                List.of(Map.of("exerciseId", exerciseId, "dose", dose)))).post("/api/plans").then().statusCode(201)
                .extract().path("id");
    }

    private static Object sql(String query, Object first, Object second) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var q = Exercise.getEntityManager().createNativeQuery(query).setParameter(1, first);
            if (second != null) {
                q.setParameter(2, second);
            }
            Object result = q.getSingleResult();
            return result instanceof Number n && !(result instanceof Integer) ? n.longValue() : result;
        });
    }
}
