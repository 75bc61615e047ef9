package care.homeprogram.portal;

import static care.homeprogram.portal.OwnLibraryPlanService.OWN_EXERCISE;
import static care.homeprogram.portal.OwnLibraryPlanService.OWN_TEMPLATE;
import static care.homeprogram.portal.OwnLibraryPlanService.PLAN;
import static care.homeprogram.portal.OwnLibraryPlanService.writes;
import static care.homeprogram.testing.DemoUsers.PAT;
import static org.assertj.core.api.Assertions.assertThat;

import care.homeprogram.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #13, items 3 and 4 in the browser: tara's own exercises (create, edit, archive) and templates (edit, delete,
 * save a plan as one), a progression dismissal kept by plan-service, and a plan's thresholds and drink target. Real
 * sign-in; plan-service is a stand-in over HTTP ({@link OwnLibraryPlanService}) that keeps what the portal sends and
 * can refuse it as plan-service does. The portal checks only that numbers parse; plan-service's field errors show
 * next to the fields; a form without its CSRF token is refused and sends nothing.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PORTAL"))
@QuarkusTestResource(value = OwnLibraryPlanService.class, restrictToAnnotatedClass = true)
class OwnLibraryPagesTest {
    @TestHTTPResource("/")
    URL portal;

    @BeforeEach
    void nothingSentYet() {
        writes.clear();
        OwnLibraryPlanService.answer = null;
    }

    @Test
    void theLibraryListsOnlyTheTherapistsOwnEntries() throws Exception {
        HttpResponse<String> page = signedIn("tara").get(uri("/library"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Tara&#39;s wall reach", "Tara&#39;s knees",
                "/library/exercises/" + OWN_EXERCISE + "/edit", "/library/templates/" + OWN_TEMPLATE + "/edit")
                .doesNotContain("Bird dog").doesNotContain("shared stretch");
        // a patient may not open it
        assertThat(signedIn("pat").get(uri("/library")).statusCode()).isEqualTo(403);
    }

    @Test
    void aNewExerciseIsSentAsTypedAndPlanServicesRefusalShowsNextToTheField() throws Exception {
        Browser tara = signedIn("tara");
        Map<String, String> form = exercise(Browser.csrfToken(tara.get(uri("/library/exercises/new")).body()));

        HttpResponse<String> saved = tara.post(uri("/library/exercises/new"), form);
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith("/library?done=exercise-saved");
        assertThat(writes).singleElement().asString().startsWith("POST /api/exercises ")
                .contains("\"instructions\":[\"Stand by a wall\",\"Reach up slowly\"]")
                .contains("\"reps\":10").contains("\"daysOfWeek\":[\"MONDAY\"]")
                .contains("\"sharedWithClinic\":false");

        // plan-service owns the rules: its 400 comes back next to the field it names
        writes.clear();
        OwnLibraryPlanService.answer = new PlanServiceStub.Answer(400, "{\"type\":\"https://homeprogram.care/"
                + "problems/exercise-content\",\"title\":\"Bad request\",\"status\":400,\"detail\":\"This exercise "
                + "prescribes something unsafe\",\"errors\":[{\"field\":\"instructions[1]\",\"message\":\"Never "
                + "prescribe bed rest\"},{\"field\":\"defaultDose.reps\",\"message\":\"must be at most 50\"}]}");
        HttpResponse<String> refused = tara.post(uri("/library/exercises/new"), form);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("<p class=\"field__error\" id=\"instructions-error\">Never prescribe bed "
                + "rest</p>").contains("<p class=\"field__error\" id=\"reps-error\">must be at most 50</p>")
                .contains("Reach up slowly");
    }

    @Test
    void theNumbersMustParseBeforeAnythingIsSent() throws Exception {
        Browser tara = signedIn("tara");
        Map<String, String> form = exercise(Browser.csrfToken(tara.get(uri("/library/exercises/new")).body()));
        form.put("reps", "ten");
        HttpResponse<String> page = tara.post(uri("/library/exercises/new"), form);
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("<p class=\"field__error\" id=\"reps-error\">Must be a whole number</p>");
        assertThat(writes).isEmpty();
    }

    @Test
    void everyFormWithoutItsCsrfTokenIsRefusedAndSendsNothing() throws Exception {
        Browser tara = signedIn("tara");
        Map<String, Map<String, String>> forms = Map.of(
                "/library/exercises/new", exercise(null),
                "/library/exercises/" + OWN_EXERCISE + "/edit", exercise(null),
                "/library/exercises/" + OWN_EXERCISE + "/archive", Map.of(),
                "/library/templates/" + OWN_TEMPLATE + "/edit", Map.of("name", "x"),
                "/library/templates/" + OWN_TEMPLATE + "/delete", Map.of(),
                "/patients/" + PAT + "/plans/" + PLAN + "/template", Map.of("name", "x"),
                "/patients/" + PAT + "/plans/" + PLAN + "/progression/dismiss", Map.of("week", "2", "reason", "x"),
                "/patients/" + PAT + "/plans/" + PLAN + "/safety/thresholds", Map.of("greenMax", "2", "amberMax",
                        "4", "baselineRiseAlert", "2", "reason", "x"),
                "/patients/" + PAT + "/plans/" + PLAN + "/safety/hydration", Map.of("targetLitres", "2",
                        "fluidRestrictionChecked", "yes", "reason", "x"));
        for (Map.Entry<String, Map<String, String>> form : forms.entrySet()) {
            Map<String, String> fields = new HashMap<>(form.getValue());
            fields.remove("csrf-token");
            assertThat(tara.post(uri(form.getKey()), fields).statusCode()).as(form.getKey()).isEqualTo(400);
        }
        assertThat(writes).isEmpty();
    }

    @Test
    void anEditIsAPutTheArchiveAPostAndTheFormShowsTheCurrentWords() throws Exception {
        Browser tara = signedIn("tara");
        HttpResponse<String> edit = tara.get(uri("/library/exercises/" + OWN_EXERCISE + "/edit"));
        assertThat(edit.statusCode()).isEqualTo(200);
        assertThat(edit.body()).contains("value=\"Tara&#39;s wall reach\"", "Stand by a wall\nReach up slowly",
                "new version");
        Map<String, String> form = exercise(Browser.csrfToken(edit.body()));
        assertThat(tara.post(uri("/library/exercises/" + OWN_EXERCISE + "/edit"), form).statusCode()).isEqualTo(303);
        assertThat(tara.post(uri("/library/exercises/" + OWN_EXERCISE + "/archive"),
                Map.of("csrf-token", form.get("csrf-token"))).statusCode()).isEqualTo(303);
        assertThat(writes).hasSize(2);
        assertThat(writes.get(0)).startsWith("PUT /api/exercises/" + OWN_EXERCISE + " ");
        assertThat(writes.get(1)).startsWith("POST /api/exercises/" + OWN_EXERCISE + "/archive");
        // an entry that is not hers: the 404 page, nothing sent
        assertThat(tara.get(uri("/library/exercises/" + OwnLibraryPlanService.THEOS_EXERCISE + "/edit"))
                .statusCode()).isEqualTo(404);
    }

    @Test
    void aTemplateIsSavedFromAPlanRenamedWithItsItemsKeptAndDeleted() throws Exception {
        Browser tara = signedIn("tara");
        String token = Browser.csrfToken(tara.get(uri("/library")).body());
        HttpResponse<String> saved = tara.post(uri("/patients/" + PAT + "/plans/" + PLAN + "/template"),
                Map.of("csrf-token", token, "name", "Knees after surgery", "sharedWithClinic", "yes"));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(writes.get(0)).isEqualTo("POST /api/templates {\"planId\":\"" + PLAN + "\",\"name\":\"Knees "
                + "after surgery\",\"sharedWithClinic\":true}");

        HttpResponse<String> edit = tara.post(uri("/library/templates/" + OWN_TEMPLATE + "/edit"),
                Map.of("csrf-token", token, "name", "Tara's knees, v2", "description", "For week 2 on"));
        assertThat(edit.statusCode()).isEqualTo(303);
        assertThat(writes.get(1)).startsWith("PUT /api/templates/" + OWN_TEMPLATE + " ")
                .contains("\"name\":\"Tara's knees, v2\"").contains("\"exerciseId\":\"" + OWN_EXERCISE + "\"")
                .contains("\"startWeek\":2").contains("\"sharedWithClinic\":false");

        OwnLibraryPlanService.answer = new PlanServiceStub.Answer(400, "{\"type\":\"https://homeprogram.care/"
                + "problems/validation\",\"title\":\"Bad request\",\"status\":400,\"detail\":\"Invalid\","
                + "\"errors\":[{\"field\":\"updateTemplate.request.name\",\"message\":\"must not be blank\"}]}");
        HttpResponse<String> refused = tara.post(uri("/library/templates/" + OWN_TEMPLATE + "/edit"),
                Map.of("csrf-token", token, "name", " "));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("<p class=\"field__error\" id=\"name-error\">must not be blank</p>");

        OwnLibraryPlanService.answer = null;
        assertThat(tara.post(uri("/library/templates/" + OWN_TEMPLATE + "/delete"), Map.of("csrf-token", token))
                .statusCode()).isEqualTo(303);
        assertThat(writes.getLast()).startsWith("DELETE /api/templates/" + OWN_TEMPLATE);
    }

    @Test
    void aDismissalGoesToPlanServiceWithItsReason() throws Exception {
        Browser tara = signedIn("tara");
        String token = Browser.csrfToken(tara.get(uri("/library")).body());
        HttpResponse<String> dismissed = tara.post(uri("/patients/" + PAT + "/plans/" + PLAN
                + "/progression/dismiss"), Map.of("csrf-token", token, "week", "2", "reason", "Flare-up last week"));
        assertThat(dismissed.statusCode()).isEqualTo(303);
        assertThat(dismissed.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("hp_dismissed"));
        assertThat(writes).containsExactly("POST /api/plans/" + PLAN + "/progression/dismiss {\"week\":2,"
                + "\"reason\":\"Flare-up last week\"}");
        assertThat(tara.post(uri("/patients/" + PAT + "/plans/" + PLAN + "/progression/dismiss"),
                Map.of("csrf-token", token, "week", "two", "reason", "x")).statusCode()).isEqualTo(400);
        assertThat(writes).hasSize(1);
    }

    @Test
    void thresholdsShowTheClinicDefaultsAndTheDrinkTargetNeedsTheCautionConfirmed() throws Exception {
        Browser tara = signedIn("tara");
        String safety = "/patients/" + PAT + "/plans/" + PLAN + "/safety";
        HttpResponse<String> page = tara.get(uri(safety));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("The clinic's defaults: green up to 3, amber up to 5",
                "This plan has its own thresholds.", "value=\"2\"", "The guide suggests 3–4 litres",
                "Check for a fluid or salt restriction first.");
        String token = Browser.csrfToken(page.body());

        HttpResponse<String> saved = tara.post(uri(safety + "/thresholds"), Map.of("csrf-token", token,
                "greenMax", "3", "amberMax", "6", "baselineRiseAlert", "2", "reason", "Chronic pain baseline"));
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(writes.getLast()).isEqualTo("PATCH /api/plans/" + PLAN + " {\"safetyThresholds\":{\"greenMax\":3,"
                + "\"amberMax\":6,\"baselineRiseAlert\":2},\"reason\":\"Chronic pain baseline\"}");

        HttpResponse<String> notANumber = tara.post(uri(safety + "/thresholds"), Map.of("csrf-token", token,
                "greenMax", "three", "amberMax", "6", "baselineRiseAlert", "2", "reason", "x"));
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(notANumber.body()).contains("id=\"greenMax-error\">Must be a whole number");
        assertThat(writes).hasSize(1);

        OwnLibraryPlanService.answer = new PlanServiceStub.Answer(400, "{\"type\":\"https://homeprogram.care/"
                + "problems/hydration-caution-not-confirmed\",\"title\":\"Bad request\",\"status\":400,\"detail\":"
                + "\"Confirm you checked for a fluid or salt restriction\"}");
        HttpResponse<String> unconfirmed = tara.post(uri(safety + "/hydration"), Map.of("csrf-token", token,
                "targetLitres", "2.5", "reason", "Summer"));
        assertThat(unconfirmed.statusCode()).isEqualTo(400);
        assertThat(unconfirmed.body()).contains("id=\"fluidRestrictionChecked-error\">Confirm you checked");
        assertThat(writes.getLast()).isEqualTo("PUT /api/plans/" + PLAN + "/hydration {\"targetLitres\":2.5,"
                + "\"fluidRestrictionChecked\":false,\"reason\":\"Summer\"}");
    }

    private static Map<String, String> exercise(String token) {
        Map<String, String> form = new HashMap<>(Map.of("name", "Wall reach", "category", "MOVEMENT", "summary",
                "Reach up along a wall", "instructions", "Stand by a wall\r\n\r\nReach up slowly", "cautions",
                "Stop if it hurts", "whySafe", "Small, supported movement", "sets", "2", "reps", "10",
                "timesPerDay", "1"));
        form.put("weeks", "4");
        form.put("days", "MONDAY");
        if (token != null) {
            form.put("csrf-token", token);
        }
        return form;
    }

    private Browser signedIn(String user) throws Exception {
        Browser browser = new Browser();
        assertThat(browser.signIn(uri("/"), user).statusCode()).isEqualTo(200);
        return browser;
    }

    private URI uri(String path) {
        return URI.create(portal.toString()).resolve(path);
    }
}
