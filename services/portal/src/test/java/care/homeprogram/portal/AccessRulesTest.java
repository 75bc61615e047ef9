package care.homeprogram.portal;

import static care.homeprogram.testing.DemoUsers.PAT;
import static care.homeprogram.testing.DemoUsers.SAM;
import static org.assertj.core.api.Assertions.assertThat;

import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.RealmRoles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Each page's access rules with the real login: a patient reaches only their own pages (never a therapist's page
 * about another patient), an admin no clinical page, a therapist no admin page. The answer is the portal's own 403
 * page, not a stack trace and not another person's data. (The services apply their own ownership rules on top; the
 * journeys prove those through the portal.)
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PORTAL"))
class AccessRulesTest {
    private static final String PASSWORD = "Re-roled-2026x";
    private static final List<String> CLINICAL_PAGES = List.of("/patients", "/patients/" + PAT, "/patients/new",
            "/patients/" + PAT + "/plans/new", "/patients/" + PAT + "/fhir", "/patients/" + PAT + "/report.pdf", "/today",
            "/history", "/check-in", "/me/program.pdf", "/me/intake", "/history/sessions/" + SAM + "/" + SAM + "/correct",
            "/history/sessions/" + SAM + "/" + SAM + "/withdraw", "/today/items/" + SAM + "/" + SAM,
            "/library/exercises/" + SAM + "/media", "/library/exercises/" + SAM + "/media/" + SAM + "/remove",
            "/questionnaires", "/questionnaires/" + SAM, "/patients/" + PAT + "/plans/" + SAM + "/measures",
            "/patients/" + PAT + "/rtm", "/rtm/ledger", "/rtm/ledger.pdf");
    private static final List<String> THERAPIST_PAGES = List.of("/patients", "/patients/" + SAM, "/patients/new",
            "/patients/" + SAM + "/plans/new", "/patients/" + SAM + "/fhir", "/patients/" + SAM + "/report.pdf",
            "/library/exercises/" + SAM + "/media",
            "/library/exercises/" + SAM + "/media/" + SAM + "/remove", "/patients/" + SAM + "/plans/" + SAM + "/measures",
            "/settings/notifications", "/patients/" + SAM + "/rtm", "/rtm/ledger", "/rtm/ledger.csv");
    private static final List<String> ADMIN_PAGES = List.of("/admin/accounts", "/admin/accounts/new",
            "/admin/accounts/" + SAM, "/admin/audit?patientId=" + SAM, "/admin/instruments",
            "/admin/instruments/start-back/terms");

    @TestHTTPResource("/")
    URL portal;

    @Test
    void patientCannotOpenTherapistPagesAboutAnotherPatientNorAdminPages() throws Exception {
        Browser pat = signedIn("pat");
        for (String page : concat(THERAPIST_PAGES, ADMIN_PAGES)) {
            HttpResponse<String> response = pat.get(uri(page));
            assertThat(response.statusCode()).as(page).isEqualTo(403);
            assertThat(response.body()).as(page).contains("This page is not available for your role")
                    .doesNotContain("Sam Rivera").doesNotContain("Exception");
        }
    }

    @Test
    void adminCannotOpenClinicalPages() throws Exception {
        Browser ada = signedIn("ada");
        // the settings of the roles who get reminders and alerts: neither is an admin's
        for (String page : concat(CLINICAL_PAGES, List.of("/preferences", "/settings/notifications"))) {
            HttpResponse<String> response = ada.get(uri(page));
            assertThat(response.statusCode()).as(page).isEqualTo(403);
            assertThat(response.body()).as(page).contains("This page is not available for your role")
                    .contains("You are signed in with the role “admin”");
        }
    }

    @Test
    void therapistCannotOpenAdminOrPatientPages() throws Exception {
        Browser tara = signedIn("tara");
        for (String page : concat(ADMIN_PAGES,
                List.of("/today", "/history", "/check-in", "/me/program.pdf", "/me/intake", "/questionnaires",
                        "/questionnaires/" + SAM,
                        "/history/sessions/" + SAM + "/" + SAM + "/correct",
                        "/history/sessions/" + SAM + "/" + SAM + "/withdraw"))) {
            assertThat(tara.get(uri(page)).statusCode()).as(page).isEqualTo(403);
        }
    }

    @Test
    void onlyThePatientCanCorrectOrWithdrawASession() throws Exception {
        // each signs in and takes a valid CSRF token from a form of their own role
        for (Map.Entry<String, String> user : Map.of("tara", "/patients/new", "ada", "/admin/accounts/new")
                .entrySet()) {
            Browser browser = signedIn(user.getKey());
            String token = Browser.csrfToken(browser.get(uri(user.getValue())).body());
            Map<String, String> form = Map.of("csrf-token", token, "reason", "x", "confirm", "yes",
                    "painBefore", "1", "painAfter", "1");
            for (String action : List.of("/history/sessions/" + SAM + "/" + SAM + "/correct",
                    "/history/sessions/" + SAM + "/" + SAM + "/withdraw")) {
                assertThat(browser.post(uri(action), form).statusCode()).as(user.getKey() + " " + action)
                        .isEqualTo(403);
            }
        }
    }

    @Test
    void onlyThePatientAnswersAQuestionnaire() throws Exception {
        for (Map.Entry<String, String> user : Map.of("tara", "/patients/new", "ada", "/admin/accounts/new")
                .entrySet()) {
            Browser browser = signedIn(user.getKey());
            String token = Browser.csrfToken(browser.get(uri(user.getValue())).body());
            assertThat(browser.post(uri("/questionnaires/" + SAM), Map.of("csrf-token", token, "pain", "3"))
                    .statusCode()).as(user.getKey()).isEqualTo(403);
        }
    }

    @Test
    void formsOfAnotherRoleAreRefusedEvenWithAValidCsrfToken() throws Exception {
        Browser pat = signedIn("pat");
        String token = Browser.csrfToken(pat.get(uri("/check-in")).body());
        Map<String, String> form = Map.of("csrf-token", token, "reason", "x", "status", "ON_HOLD");
        for (String action : List.of("/patients/" + SAM + "/alerts/" + SAM + "/acknowledge",
                "/patients/" + SAM + "/intake",
                "/patients/" + SAM + "/plans/" + SAM + "/status", "/patients/new", "/admin/accounts/new",
                "/admin/accounts/" + SAM + "/enabled", "/patients/" + SAM + "/plans/" + SAM + "/measures",
                "/admin/instruments/import", "/admin/instruments/start-back/enable")) {
            assertThat(pat.post(uri(action), form).statusCode()).as(action).isEqualTo(403);
        }
    }

    @Test
    void everyRoleHasItsInboxAndSettings() throws Exception {
        for (String user : List.of("tara", "pat", "ada")) {
            Browser browser = signedIn(user);
            // notification-service is not running in this module's tests: the pages say so, kindly.
            HttpResponse<String> inbox = browser.get(uri("/inbox"));
            assertThat(inbox.statusCode()).as(user).isEqualTo(200);
            assertThat(inbox.body()).contains("Your messages are delayed");
        }
        // The therapist's Notification settings say the same, and still render the shared push section's heading.
        HttpResponse<String> settings = signedIn("tara").get(uri("/settings/notifications"));
        assertThat(settings.statusCode()).isEqualTo(200);
        assertThat(settings.body()).contains("<h2 id=\"push-heading\">Notifications on this device</h2>")
                .contains("Notifications on devices are not available right now. Your alerts still come in the "
                        + "inbox and by email.");
    }

    /**
     * The roles are the session's, from its ID token (the one token the portal verifies per request): a role changed
     * in Keycloak without ending the person's sessions (patient-service's re-roling ends them, docs/security.md)
     * counts from the tokens' next renewal (SessionRefreshTest), not from the next page, and never half: the page
     * the person is refused still names the role they signed in with.
     */
    @Test
    void aRoleChangedInKeycloakAfterSignInCountsOnlyFromTheTokensNextRenewal() throws Exception {
        String username = "rerole-" + UUID.randomUUID().toString().substring(0, 8);
        UUID id = RealmRoles.createUser(username, PASSWORD, "Rita", "therapist");
        Browser rita = new Browser();
        assertThat(rita.signIn(uri("/"), username, PASSWORD).statusCode()).isEqualTo(200);

        RealmRoles.changeRole(id, "therapist", "patient");

        HttpResponse<String> today = rita.get(uri("/today"));
        assertThat(today.statusCode()).isEqualTo(403);
        assertThat(today.body()).contains("You are signed in with the role “therapist”");
        assertThat(rita.get(uri("/patients/new")).statusCode()).isEqualTo(200);
    }

    @Test
    void anonymousVisitorsAreSentToSignInFromEveryPage() throws Exception {
        for (String page : concat(concat(CLINICAL_PAGES, ADMIN_PAGES), List.of("/settings/notifications"))) {
            HttpResponse<String> response = new Browser().get(uri(page));
            assertThat(response.statusCode()).as(page).isIn(302, 303);
            assertThat(response.headers().firstValue("Location")).as(page).hasValueSatisfying(
                    location -> assertThat(location).contains("/protocol/openid-connect/auth"));
        }
    }

    private Browser signedIn(String user) throws Exception {
        Browser browser = new Browser();
        assertThat(browser.signIn(uri("/"), user).statusCode()).isEqualTo(200);
        return browser;
    }

    private URI uri(String path) {
        return URI.create(portal.toString()).resolve(path);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
