package care.homeprogram.portal;

import static org.assertj.core.api.Assertions.assertThat;

import care.homeprogram.testing.DemoUsers;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #15, item 5: the patient's Calendar section on the reminder settings page, with plain forms (no script): add
 * the program to a calendar (the secret link shown once, with a webcal:// link), get a new link, stop it; and only the
 * patient may. Against stand-ins of patient-service (pat's settings) and plan-service (pat's feed).
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PORTAL"))
@QuarkusTestResource(value = PatientServiceStub.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(value = PlanServiceStub.class, restrictToAnnotatedClass = true)
class CalendarSettingsTest {
    @TestHTTPResource("/")
    URL portal;

    @BeforeEach
    void noFeedYet() {
        PlanServiceStub.calendarFeedCreatedAt = null;
        PlanServiceStub.calendarFeedCalls.clear();
    }

    @Test
    void thePatientSubscribesSeesTheLinkOnceGetsANewOneAndStopsIt() throws Exception {
        Browser pat = new Browser();
        pat.signIn(uri("/preferences"), "pat");

        HttpResponse<String> settings = pat.get(uri("/preferences"));
        assertThat(settings.statusCode()).isEqualTo(200);
        assertThat(settings.body()).contains("<h2 id=\"calendar-heading\">Calendar</h2>")
                .contains("You have no calendar link.").contains("Keep the link secret.")
                .contains("<form method=\"post\" action=\"/preferences/calendar\"")
                .doesNotContain("s3cr3t");

        HttpResponse<String> made = pat.post(uri("/preferences/calendar"),
                Map.of("csrf-token", Browser.csrfToken(settings.body())));
        assertThat(made.statusCode()).as("the link is shown on the answer, not in an address").isEqualTo(200);
        assertThat(made.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(made.body()).contains("Copy it now: for your safety it is shown only this once.")
                .contains("<label for=\"calendar-url\">Your calendar link</label>")
                .contains("value=\"" + PlanServiceStub.CALENDAR_URL + "\"")
                .contains("href=\"" + PlanServiceStub.CALENDAR_URL.replace("https://", "webcal://") + "\"")
                .contains("Your calendar link was made on 2 Dec 2026, 10:30");
        assertThat(PlanServiceStub.calendarFeedCalls).contains("POST " + DemoUsers.PAT);

        HttpResponse<String> later = pat.get(uri("/preferences"));
        assertThat(later.body()).as("the link is not shown again").doesNotContain(PlanServiceStub.CALENDAR_URL)
                .contains("a calendar last fetched it on 2 Dec 2026, 12:00")
                .contains("Get a new calendar link").contains("Stop the calendar");

        HttpResponse<String> stopped = pat.post(uri("/preferences/calendar/revoke"),
                Map.of("csrf-token", Browser.csrfToken(later.body())));
        assertThat(stopped.statusCode()).isEqualTo(303);
        assertThat(stopped.headers().firstValue("Location").orElseThrow())
                .endsWith("/preferences?done=calendar-revoked");
        assertThat(PlanServiceStub.calendarFeedCalls).contains("DELETE " + DemoUsers.PAT);
        assertThat(pat.follow(stopped).body()).contains("Your calendar link is stopped")
                .contains("You have no calendar link.");
    }

    @Test
    void onlyThePatientMayManageTheirCalendar() throws Exception {
        for (Map.Entry<String, String> user : Map.of("tara", "/patients/new", "ada", "/admin/accounts/new")
                .entrySet()) {
            Browser browser = new Browser();
            browser.signIn(uri(user.getValue()), user.getKey());
            assertThat(browser.get(uri("/preferences")).statusCode()).as(user.getKey()).isEqualTo(403);
            String token = Browser.csrfToken(browser.get(uri(user.getValue())).body());
            for (String action : List.of("/preferences/calendar", "/preferences/calendar/revoke")) {
                assertThat(browser.post(uri(action), Map.of("csrf-token", token)).statusCode())
                        .as(user.getKey() + " " + action).isEqualTo(403);
            }
        }
        assertThat(PlanServiceStub.calendarFeedCalls).as("nothing reached plan-service").isEmpty();

        // A patient's form without the CSRF token is refused too.
        Browser pat = new Browser();
        pat.signIn(uri("/preferences"), "pat");
        assertThat(pat.post(uri("/preferences/calendar"), Map.of()).statusCode()).isIn(400, 403);
        assertThat(PlanServiceStub.calendarFeedCalls).doesNotContain("POST " + DemoUsers.PAT);
    }

    private URI uri(String path) {
        return URI.create(portal.toString()).resolve(path);
    }
}
