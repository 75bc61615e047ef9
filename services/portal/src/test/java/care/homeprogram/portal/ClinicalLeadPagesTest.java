package care.homeprogram.portal;

import static care.homeprogram.portal.OwnLibraryPlanService.SEEDED_EXERCISE;
import static care.homeprogram.portal.OwnLibraryPlanService.SEEDED_EXERCISE_TWO;
import static care.homeprogram.portal.OwnLibraryPlanService.SEEDED_TEMPLATE;
import static care.homeprogram.portal.OwnLibraryPlanService.THEOS_EXERCISE;
import static care.homeprogram.portal.OwnLibraryPlanService.writes;
import static org.assertj.core.api.Assertions.assertThat;

import care.homeprogram.testing.ClinicalLeads;
import care.homeprogram.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #13 in the browser: a clinical lead (a therapist with the realm role clinical-lead, signed in for real)
 * corrects the clinic's seeded exercises and templates with the therapist's own forms, a template's items are edited
 * in place (added, removed, reordered, their doses changed), and an admin designates a therapist clinical lead after
 * confirming. plan-service and patient-service are stand-ins over HTTP that keep what the portal sends.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PORTAL"))
@QuarkusTestResource(value = OwnLibraryPlanService.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = AccountsServiceStub.class, restrictToAnnotatedClass = true)
class ClinicalLeadPagesTest {
    private static final String PASSWORD = "Clinic-Lead-2026x";
    private static String lead;

    @TestHTTPResource("/")
    URL portal;

    @BeforeAll
    static void aClinicalLead() {
        lead = "lead-" + UUID.randomUUID().toString().substring(0, 8);
        ClinicalLeads.createLead(lead, PASSWORD);
    }

    @BeforeEach
    void nothingSentYet() {
        writes.clear();
        OwnLibraryPlanService.answer = null;
        AccountsServiceStub.patches.clear();
        AccountsServiceStub.lead = false;
    }

    @Test
    void aLeadSeesTheClinicsEntriesToCorrectAndOtherTherapistsDoNot() throws Exception {
        HttpResponse<String> page = signedInLead().get(uri("/library"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("The clinic's library (clinical lead)", "Bird dog", "Back care",
                "/library/exercises/" + SEEDED_EXERCISE + "/edit", "/library/templates/" + SEEDED_TEMPLATE + "/edit")
                .doesNotContain("/library/exercises/" + THEOS_EXERCISE + "/edit");

        Browser tara = signedIn("tara");
        assertThat(tara.get(uri("/library")).body()).doesNotContain("The clinic's library (clinical lead)")
                .doesNotContain("/library/exercises/" + SEEDED_EXERCISE + "/edit");
        assertThat(tara.get(uri("/library/exercises/" + SEEDED_EXERCISE + "/edit")).statusCode()).isEqualTo(404);
        assertThat(tara.get(uri("/library/templates/" + SEEDED_TEMPLATE + "/edit")).statusCode()).isEqualTo(404);
        String token = Browser.csrfToken(tara.get(uri("/library")).body());
        assertThat(tara.post(uri("/library/templates/" + SEEDED_TEMPLATE + "/edit"), Map.of("csrf-token", token,
                "name", "Mine now")).statusCode()).isEqualTo(404);
        assertThat(writes).isEmpty();
    }

    @Test
    void aLeadCorrectsASeededExerciseWithTheEditFormWithoutItsSharing() throws Exception {
        Browser lead = signedInLead();
        HttpResponse<String> edit = lead.get(uri("/library/exercises/" + SEEDED_EXERCISE + "/edit"));
        assertThat(edit.statusCode()).isEqualTo(200);
        assertThat(edit.body()).contains("Correct “Bird dog”", "recorded in your name", "Save the correction",
                "Stand by a wall\nReach up slowly").doesNotContain("name=\"sharedWithClinic\"");
        Map<String, String> form = new HashMap<>(Map.of("csrf-token", Browser.csrfToken(edit.body()), "name",
                "Bird dog", "category", "MOVEMENT", "summary", "On all fours", "instructions",
                "Kneel on a folded mat\r\nReach one arm forward", "cautions", "Stop if it hurts", "whySafe",
                "Spine stays neutral", "sets", "1", "reps", "6", "timesPerDay", "1"));
        form.put("weeks", "4");
        form.put("days", "MONDAY");

        HttpResponse<String> saved = lead.post(uri("/library/exercises/" + SEEDED_EXERCISE + "/edit"), form);
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith("/library?done=seeded-corrected");
        assertThat(writes).singleElement().asString().startsWith("PUT /api/exercises/" + SEEDED_EXERCISE + " ")
                .contains("\"instructions\":[\"Kneel on a folded mat\",\"Reach one arm forward\"]")
                .contains("\"reps\":6");
        assertThat(lead.get(uri("/library?done=seeded-corrected")).body()).contains("recorded in your name");
    }

    @Test
    void aTemplatesItemsAreReorderedRemovedAddedAndTheirDosesChangedInPlace() throws Exception {
        Browser lead = signedInLead();
        String path = "/library/templates/" + SEEDED_TEMPLATE + "/edit";
        HttpResponse<String> edit = lead.get(uri(path));
        assertThat(edit.statusCode()).isEqualTo(200);
        // the builder's rows: both items with their doses, move buttons; only the clinic's entries to add
        assertThat(edit.body()).contains("Correct “Back care”", "<legend>Bird dog</legend>",
                "<legend>Dead bug</legend>", "id=\"reps-1\"", "name=\"move\" value=\"0:down\"",
                "Move down<span class=\"visually-hidden\"> Bird dog</span>")
                .doesNotContain("Theo&#39;s shared stretch").doesNotContain("name=\"note\"")
                .doesNotContain("name=\"sharedWithClinic\"");
        String token = Browser.csrfToken(edit.body());

        // a move shows the page again, rows swapped with their fields; nothing is sent
        HttpResponse<String> moved = lead.post(uri(path), rows(token, "move", "0:down", "1", "10"));
        assertThat(moved.statusCode()).isEqualTo(200);
        assertThat(moved.body().indexOf("<legend>Dead bug</legend>"))
                .isLessThan(moved.body().indexOf("<legend>Bird dog</legend>"));
        assertThat(moved.body()).contains("id=\"reps-0\" name=\"reps\" type=\"number\" inputmode=\"numeric\" "
                + "value=\"10\"");
        assertThat(writes).isEmpty();

        // save, rows in the page's order after the move: Dead bug with 12 reps; Bird dog removed, then added back
        // from the library (with its default dose) at the end
        List<Map.Entry<String, String>> save = rows(token, "action", "save",
                new String[][] {{SEEDED_EXERCISE_TWO, "2", "12"}, {SEEDED_EXERCISE, "1", "1"}});
        save.add(Map.entry("remove", "1"));
        save.add(Map.entry("add", SEEDED_EXERCISE));
        HttpResponse<String> saved = lead.post(uri(path), save);
        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.headers().firstValue("Location").orElseThrow()).endsWith("/library?done=seeded-corrected");
        assertThat(writes).singleElement().asString().startsWith("PUT /api/templates/" + SEEDED_TEMPLATE + " ")
                .contains("\"name\":\"Back care, corrected\"");
        String body = writes.getFirst();
        assertThat(body.indexOf(SEEDED_EXERCISE_TWO)).isLessThan(body.lastIndexOf(SEEDED_EXERCISE + "\""));
        assertThat(body).contains("{\"exerciseId\":\"" + SEEDED_EXERCISE_TWO + "\",\"startWeek\":2,\"dose\":{\"sets\""
                + ":2,\"reps\":12").contains("\"targetRegions\":[\"LOW_BACK\"]");

        // plan-service's refusal of a dose shows next to that row's field
        writes.clear();
        OwnLibraryPlanService.answer = new PlanServiceStub.Answer(400, "{\"type\":\"https://homeprogram.care/"
                + "problems/validation\",\"title\":\"Bad request\",\"status\":400,\"detail\":\"Invalid\",\"errors\":"
                + "[{\"field\":\"updateTemplate.request.items[0].dose.reps\",\"message\":\"must be at most 50\"}]}");
        HttpResponse<String> refused = lead.post(uri(path), rows(token, "action", "save", "500", "10"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("id=\"reps-0-error\">Must be at most 50");
        // a number that does not parse is shown before anything is sent
        writes.clear();
        HttpResponse<String> notANumber = lead.post(uri(path), rows(token, "action", "save", "ten", "10"));
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(notANumber.body()).contains("id=\"reps-0-error\">Must be a whole number");
        assertThat(writes).isEmpty();
    }

    /** The realm's other role an admin gives: billing staff (docs/security.md, "Billing staff"). */
    @Test
    void anAdminGivesAnAccountTheBillingRoleAndTakesItBack() throws Exception {
        Browser ada = signedIn("ada");
        assertThat(ada.get(uri("/admin/accounts/new")).body())
                .contains("<option value=\"billing\">Billing (the clinic's RTM ledger only)</option>");
        String path = "/admin/accounts/" + AccountsServiceStub.THERAPIST;
        HttpResponse<String> page = ada.get(uri(path));
        assertThat(page.body()).contains("<option value=\"billing\">Billing (the clinic's RTM ledger only)</option>");
        String token = Browser.csrfToken(page.body());

        HttpResponse<String> given = ada.post(uri(path + "/role"), Map.of("csrf-token", token, "role", "billing"));
        assertThat(given.statusCode()).isEqualTo(303);
        HttpResponse<String> taken = ada.post(uri(path + "/role"), Map.of("csrf-token", token, "role", "therapist"));
        assertThat(taken.statusCode()).isEqualTo(303);
        assertThat(AccountsServiceStub.patches).containsExactly("{\"role\":\"billing\"}",
                "{\"role\":\"therapist\"}");
    }

    @Test
    void anAdminDesignatesATherapistClinicalLeadAfterConfirming() throws Exception {
        Browser ada = signedIn("ada");
        String path = "/admin/accounts/" + AccountsServiceStub.THERAPIST;
        HttpResponse<String> page = ada.get(uri(path));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h2 id=\"lead-heading\">Clinical lead</h2>", "Designate clinical lead",
                "<label class=\"check\"><input type=\"checkbox\" id=\"clinicalLead-confirm\" name=\"confirm\"");
        String token = Browser.csrfToken(page.body());

        HttpResponse<String> unconfirmed = ada.post(uri(path + "/clinical-lead"), Map.of("csrf-token", token,
                "clinicalLead", "true"));
        assertThat(unconfirmed.statusCode()).isEqualTo(400);
        assertThat(unconfirmed.body()).contains("id=\"clinicalLead-error\">Tick the box to confirm",
                "aria-invalid=\"true\" aria-describedby=\"clinicalLead-error\"");
        assertThat(AccountsServiceStub.patches).isEmpty();

        HttpResponse<String> designated = ada.post(uri(path + "/clinical-lead"), Map.of("csrf-token", token,
                "clinicalLead", "true", "confirm", "yes"));
        assertThat(designated.statusCode()).isEqualTo(303);
        assertThat(designated.headers().firstValue("Location").orElseThrow())
                .endsWith("?done=clinical-lead-designated");
        assertThat(AccountsServiceStub.patches).containsExactly("{\"clinicalLead\":true}");
        assertThat(ada.get(uri(path)).body()).contains("Undesignate clinical lead", "is no longer clinical lead");

        assertThat(ada.post(uri(path + "/clinical-lead"), Map.of("csrf-token", token, "clinicalLead", "false",
                "confirm", "yes")).statusCode()).isEqualTo(303);
        assertThat(AccountsServiceStub.patches).last().isEqualTo("{\"clinicalLead\":false}");

        // a patient's account has no such control, and patient-service's refusal shows if it is tried anyway
        String patient = "/admin/accounts/" + AccountsServiceStub.PATIENT;
        assertThat(ada.get(uri(patient)).body()).doesNotContain("lead-heading");
        HttpResponse<String> refused = ada.post(uri(patient + "/clinical-lead"), Map.of("csrf-token", token,
                "clinicalLead", "true", "confirm", "yes"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Only a therapist can be designated clinical lead");
        // without the CSRF token: refused, nothing sent; a therapist may not
        AccountsServiceStub.patches.clear();
        assertThat(ada.post(uri(path + "/clinical-lead"), Map.of("clinicalLead", "true", "confirm", "yes"))
                .statusCode()).isEqualTo(400);
        Browser tara = signedIn("tara");
        assertThat(tara.post(uri(path + "/clinical-lead"), Map.of("csrf-token",
                Browser.csrfToken(tara.get(uri("/library")).body()), "clinicalLead", "true", "confirm", "yes"))
                .statusCode()).isEqualTo(403);
        assertThat(AccountsServiceStub.patches).isEmpty();
    }

    /** The seeded template's two rows (Bird dog, Dead bug) as posted, with one more field and each row's reps. */
    private static List<Map.Entry<String, String>> rows(String token, String field, String value, String firstReps,
            String secondReps) {
        return rows(token, field, value, new String[][] {{SEEDED_EXERCISE, "1", firstReps},
                {SEEDED_EXERCISE_TWO, "2", secondReps}});
    }

    /** Rows as posted, each {exerciseId, startWeek, reps}, with the name, the description and one more field. */
    private static List<Map.Entry<String, String>> rows(String token, String field, String value, String[][] rows) {
        List<Map.Entry<String, String>> form = new ArrayList<>();
        form.add(Map.entry("csrf-token", token));
        form.add(Map.entry("name", "Back care, corrected"));
        form.add(Map.entry("description", "The clinic's"));
        form.add(Map.entry(field, value));
        for (int i = 0; i < rows.length; i++) {
            form.add(Map.entry("itemId", ""));
            form.add(Map.entry("exerciseId", rows[i][0]));
            form.add(Map.entry("startWeek", rows[i][1]));
            form.add(Map.entry("sets", "2"));
            form.add(Map.entry("reps", rows[i][2]));
            form.add(Map.entry("hold", ""));
            form.add(Map.entry("duration", ""));
            form.add(Map.entry("timesPerDay", "1"));
            form.add(Map.entry("weeks", "4"));
            form.add(Map.entry("days", i + ":MONDAY"));
        }
        return form;
    }

    private Browser signedInLead() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> home = browser.signIn(uri("/library"), lead, PASSWORD);
        assertThat(home.statusCode()).as("%s: %s", home.uri(), home.body()).isEqualTo(200);
        return browser;
    }

    /**
     * Signed in on a page that needs only the stand-ins' routes (an admin: the therapist's account; a therapist:
     * the library), so no other page's calls to the stand-ins trip the portal's circuit breakers.
     */
    private Browser signedIn(String user) throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> home = browser.signIn(uri("ada".equals(user)
                ? "/admin/accounts/" + AccountsServiceStub.THERAPIST : "/library"), user);
        assertThat(home.statusCode()).as("%s: %s", home.uri(), home.body()).isEqualTo(200);
        return browser;
    }

    private URI uri(String path) {
        return URI.create(portal.toString()).resolve(path);
    }
}
