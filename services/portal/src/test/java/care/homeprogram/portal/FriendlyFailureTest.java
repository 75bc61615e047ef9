package care.homeprogram.portal;

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
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The backing services are unreachable in this module's tests (their clients point at a closed port): every page
 * still answers, says what is unavailable in plain words, and never shows a stack trace. And every form needs its
 * CSRF token.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PORTAL"))
class FriendlyFailureTest {
    private static final String PLAN_UNAVAILABLE = "Your plan is temporarily unavailable. Please try again in a few "
            + "minutes; if you feel unwell, do not wait — contact your clinic.";

    @TestHTTPResource("/")
    URL portal;

    @Test
    void patientsTodayPageSaysThePlanIsTemporarilyUnavailable() throws Exception {
        Browser pat = new Browser();
        HttpResponse<String> today = pat.signIn(uri("/today"), "pat");

        assertThat(today.statusCode()).isEqualTo(200);
        assertThat(today.body()).contains("<h1>Today</h1>").contains(PLAN_UNAVAILABLE)
                .contains("Messages are delayed right now")
                .contains("Your home program comes from your therapist")
                .doesNotContain("Exception").doesNotContain("at care.homeprogram");
    }

    @Test
    void therapistsPatientPageAndListStayUpWithoutTheirServices() throws Exception {
        Browser tara = new Browser();
        tara.signIn(uri("/"), "tara");

        HttpResponse<String> list = tara.get(uri("/patients"));
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("Your patient list is temporarily unavailable");

        HttpResponse<String> patient = tara.get(uri("/patients/" + PAT));
        assertThat(patient.statusCode()).isEqualTo(200);
        assertThat(patient.body()).contains("The plan is temporarily unavailable")
                .contains("Alerts are temporarily unavailable").doesNotContain("Exception");
    }

    @Test
    void aPageThatNeedsItsServiceWhollyIsAFriendly503() throws Exception {
        Browser pat = new Browser();
        pat.signIn(uri("/"), "pat");

        HttpResponse<String> pdf = pat.get(uri("/me/program.pdf"));

        assertThat(pdf.statusCode()).isEqualTo(503);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("text/html"));
        assertThat(pdf.body()).contains("Temporarily unavailable").contains(PLAN_UNAVAILABLE)
                .doesNotContain("Exception");
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefused() throws Exception {
        Browser tara = new Browser();
        tara.signIn(uri("/"), "tara");
        Map<String, String> patient = Map.of("username", "new.patient", "email", "new.patient@example.test",
                "firstName", "New", "lastName", "Patient", "birthDate", "1980-01-01", "timeZone", "Europe/Berlin");

        HttpResponse<String> withoutToken = tara.post(uri("/patients/new"), patient);
        assertThat(withoutToken.statusCode()).isEqualTo(400);

        HttpResponse<String> withWrongToken = tara.post(uri("/patients/new"),
                with(patient, "csrf-token", "forged-token-value"));
        assertThat(withWrongToken.statusCode()).isEqualTo(400);

        // With the page's token the request passes the CSRF check and reaches the (unavailable) service.
        String token = Browser.csrfToken(tara.get(uri("/patients/new")).body());
        HttpResponse<String> withToken = tara.post(uri("/patients/new"), with(patient, "csrf-token", token));
        assertThat(withToken.statusCode()).isEqualTo(503);
        assertThat(withToken.body()).contains("Temporarily unavailable");
    }

    @Test
    void aFormWithMistakesIsShownAgainWithTheMessageNextToTheField() throws Exception {
        Browser tara = new Browser();
        tara.signIn(uri("/"), "tara");
        String token = Browser.csrfToken(tara.get(uri("/patients/new")).body());

        HttpResponse<String> page = tara.post(uri("/patients/new"), Map.of("csrf-token", token, "username", "x",
                "email", "x@example.test", "firstName", "", "lastName", "Patient", "birthDate", "2999-01-01",
                "timeZone", "Mars/Olympus"));

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body())
                .contains("id=\"firstName-error\">Required</p>")
                .contains("id=\"birthDate-error\">Must be in the past</p>")
                .contains("id=\"timeZone-error\">Must be a time zone such as Europe/Berlin")
                .contains("aria-invalid=\"true\"")
                .contains("value=\"Patient\"");
    }

    private URI uri(String path) {
        return URI.create(portal.toString()).resolve(path);
    }

    private static Map<String, String> with(Map<String, String> form, String key, String value) {
        Map<String, String> copy = new java.util.HashMap<>(form);
        copy.put(key, value);
        return copy;
    }
}
