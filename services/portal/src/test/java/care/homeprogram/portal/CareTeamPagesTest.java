package care.homeprogram.portal;

import static care.homeprogram.testing.DemoUsers.PAT;
import static care.homeprogram.testing.DemoUsers.TARA;
import static care.homeprogram.testing.DemoUsers.THEO;
import static org.assertj.core.api.Assertions.assertThat;

import care.homeprogram.testing.RealInfrastructure;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Care teams through the portal, with the real sign-in and a stand-in for patient-service's care-team rules
 * ({@link CareTeamServiceStub}: pat, screened, in tara's care): ada hands pat over from tara to theo, the page says
 * honestly that it waits for tara, tara confirms on her requests page and pat is no longer hers. The roles' limits,
 * CSRF and bad input are refused with pages, never a stack trace.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PORTAL"))
@QuarkusTestResource(value = CareTeamServiceStub.class, restrictToAnnotatedClass = true)
class CareTeamPagesTest {
    private static final String TEAM_PAGE = "/admin/care-teams/" + PAT;

    @TestHTTPResource("/")
    URL portal;

    @BeforeEach
    void patInTarasCare() {
        CareTeamServiceStub.reset();
    }

    @Test
    void adaHandsPatOverFromTaraToTheoWhichWaitsForTaraAndTakesEffectWhenSheConfirms() throws Exception {
        Browser ada = signedIn("ada", "/admin/care-teams");
        HttpResponse<String> search = ada.get(uri("/admin/care-teams?q=pat"));
        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(search.body()).contains("<a href=\"" + TEAM_PAGE + "\">Care team of Pat Morgan</a>");

        HttpResponse<String> team = ada.get(uri(TEAM_PAGE + "?tq=theo"));
        assertThat(team.statusCode()).isEqualTo(200);
        assertThat(team.body()).contains("<strong>Tara Lindqvist</strong>")
                .contains("href=\"" + TEAM_PAGE + "/change?add=" + THEO + "&amp;remove=" + TARA
                        + "\">Hand over from Tara Lindqvist to Theo Okafor</a>");

        HttpResponse<String> confirm = ada.get(uri(TEAM_PAGE + "/change?add=" + THEO + "&remove=" + TARA));
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("Hand over Pat Morgan")
                .contains("Theo Okafor gets access to the patient's record only when Tara Lindqvist confirms; the "
                        + "hand-over completes then and Tara Lindqvist no longer sees the patient.");

        // without the form's CSRF token nothing is sent to patient-service
        assertThat(ada.post(uri(TEAM_PAGE + "/change"), Map.of("add", THEO.toString(), "remove", TARA.toString()))
                .statusCode()).isEqualTo(400);
        assertThat(CareTeamServiceStub.sentTeams).isEmpty();

        HttpResponse<String> requested = ada.post(uri(TEAM_PAGE + "/change"), Map.of("csrf-token",
                Browser.csrfToken(confirm.body()), "add", THEO.toString(), "remove", TARA.toString()));
        assertThat(requested.statusCode()).isEqualTo(303);
        assertThat(CareTeamServiceStub.sentTeams).containsExactly(List.of(THEO));
        HttpResponse<String> waiting = ada.follow(requested);
        assertThat(waiting.body()).contains("The change is requested.")
                .contains("Waiting for Tara Lindqvist's confirmation")
                .as("nothing changed yet").contains("<li><strong>Tara Lindqvist</strong>");

        // theo, who would gain access, has nothing to decide; tara, in the team, has
        Browser theo = signedIn("theo", "/care-team-requests");
        assertThat(theo.get(uri("/care-team-requests")).body()).contains("No requests are waiting for you.");
        Browser tara = signedIn("tara", "/care-team-requests");
        HttpResponse<String> requests = tara.get(uri("/care-team-requests"));
        assertThat(requests.body()).contains("<h2>Pat Morgan</h2>").contains("Theo Okafor would join the care team.")
                .contains("You would leave it: after you confirm, Pat Morgan is no longer in your care.");
        UUID request = CareTeamServiceStub.requests.get(0).id;
        HttpResponse<String> confirmed = tara.post(uri("/care-team-requests/" + PAT + "/" + request + "/confirm"),
                Map.of("csrf-token", Browser.csrfToken(requests.body())));
        assertThat(confirmed.statusCode()).isEqualTo(303);
        assertThat(tara.follow(confirmed).body())
                .contains("Confirmed: the patient is handed over and is no longer in your care.")
                .contains("No requests are waiting for you.");
        assertThat(CareTeamServiceStub.team).containsExactly(THEO);

        // the request is gone; confirming it again reaches a patient tara no longer has: the not-found page
        HttpResponse<String> again = tara.post(uri("/care-team-requests/" + PAT + "/" + request + "/confirm"),
                Map.of("csrf-token", Browser.csrfToken(requests.body())));
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(again.body()).doesNotContain("Exception");
        assertThat(ada.get(uri(TEAM_PAGE)).body()).contains("<li><strong>Theo Okafor</strong>")
                .doesNotContain("Waiting for");
    }

    @Test
    void aDeclinedRequestChangesNothingAndASecondDecisionIsExplained() throws Exception {
        Browser ada = signedIn("ada", "/admin/care-teams");
        String token = Browser.csrfToken(ada.get(uri(TEAM_PAGE + "/change?add=" + THEO)).body());
        assertThat(ada.post(uri(TEAM_PAGE + "/change"), Map.of("csrf-token", token, "add", THEO.toString()))
                .statusCode()).isEqualTo(303);
        Browser tara = signedIn("tara", "/care-team-requests");
        String page = tara.get(uri("/care-team-requests")).body();
        assertThat(page).contains("Theo Okafor would join the care team.").doesNotContain("You would leave it");
        UUID request = CareTeamServiceStub.requests.get(0).id;
        String decline = "/care-team-requests/" + PAT + "/" + request + "/decline";
        assertThat(tara.follow(tara.post(uri(decline), Map.of("csrf-token", Browser.csrfToken(page)))).body())
                .contains("Declined: the care team stays as it was.");
        assertThat(CareTeamServiceStub.team).containsExactly(TARA);

        HttpResponse<String> twice = tara.post(uri(decline), Map.of("csrf-token", Browser.csrfToken(page)));
        assertThat(twice.statusCode()).isEqualTo(409);
        assertThat(twice.body()).contains("This care-team request was already declined");
    }

    @Test
    void eachRoleReachesOnlyItsOwnCareTeamPages() throws Exception {
        Browser tara = signedIn("tara", "/care-team-requests");
        for (String page : List.of("/admin/care-teams", TEAM_PAGE, TEAM_PAGE + "/change?add=" + THEO)) {
            assertThat(tara.get(uri(page)).statusCode()).as(page).isEqualTo(403);
        }
        String token = Browser.csrfToken(tara.get(uri("/patients/import")).body()); // a form of her own role
        assertThat(tara.post(uri(TEAM_PAGE + "/change"), Map.of("csrf-token", token, "add", THEO.toString()))
                .statusCode()).isEqualTo(403);

        Browser ada = signedIn("ada", "/admin/care-teams");
        assertThat(ada.get(uri("/care-team-requests")).statusCode()).isEqualTo(403);
        Browser pat = signedIn("pat", "/today");
        for (String page : List.of("/admin/care-teams", TEAM_PAGE, "/care-team-requests")) {
            HttpResponse<String> response = pat.get(uri(page));
            assertThat(response.statusCode()).as(page).isEqualTo(403);
            assertThat(response.body()).as(page).doesNotContain("Tara Lindqvist");
        }
        assertThat(new Browser().get(uri(TEAM_PAGE)).statusCode()).isIn(302, 303);
        assertThat(CareTeamServiceStub.sentTeams).isEmpty();
    }

    @Test
    void badInputIsAPageWithTheReasonNeverAStackTrace() throws Exception {
        Browser ada = signedIn("ada", "/admin/care-teams");
        assertThat(ada.get(uri("/admin/care-teams/not-a-patient")).statusCode()).isEqualTo(404);
        assertThat(ada.get(uri(TEAM_PAGE + "/change?add=not-a-therapist")).statusCode()).isEqualTo(404);
        assertThat(ada.get(uri("/admin/care-teams/" + UUID.randomUUID())).statusCode()).isEqualTo(404);

        String token = Browser.csrfToken(ada.get(uri(TEAM_PAGE + "/change?remove=" + TARA)).body());
        HttpResponse<String> nobody = ada.post(uri(TEAM_PAGE + "/change"), Map.of("csrf-token", token,
                "remove", TARA.toString()));
        assertThat(nobody.statusCode()).isEqualTo(400);
        assertThat(nobody.body()).contains("A patient is always in someone&#39;s care");

        HttpResponse<String> unknown = ada.post(uri(TEAM_PAGE + "/change"), Map.of("csrf-token", token,
                "add", UUID.randomUUID().toString()));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("unknown or disabled therapist").doesNotContain("Exception");
        assertThat(CareTeamServiceStub.team).containsExactly(TARA);
    }

    private Browser signedIn(String user, String page) throws Exception {
        Browser browser = new Browser();
        browser.signIn(uri(page), user);
        return browser;
    }

    private URI uri(String path) {
        return URI.create(portal.toString()).resolve(path);
    }
}
