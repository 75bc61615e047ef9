package care.homeprogram.portal;

import static org.assertj.core.api.Assertions.assertThat;

import care.homeprogram.testing.ManagementInterface;
import care.homeprogram.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The real sign-in: a browser-like client walks the authorization code flow (with PKCE) through the real
 * Keycloak login page and lands on the portal's start page.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PORTAL"))
class PortalLoginTest {
    @TestHTTPResource("/")
    URL portal;

    @Test
    void therapistSeesNameAndRole() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> page = browser.signIn(URI.create(portal.toString()), "tara");

        // The start page sends each role to its main page: a therapist to their patients.
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.uri().getPath()).isEqualTo("/patients");
        assertThat(page.body())
                .contains("HomeProgram clinic")
                .contains("Signed in as <strong>Tara Lindqvist</strong>")
                .contains("Role: therapist")
                .contains("href=\"/logout\"")
                .contains("In an emergency call your local emergency number.");
    }

    @Test
    void adminSeesAdminRole() throws Exception {
        HttpResponse<String> page = new Browser().signIn(URI.create(portal.toString()), "ada");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.uri().getPath()).isEqualTo("/admin/accounts");
        assertThat(page.body()).contains("Ada Lovelace").contains("Role: admin");
    }

    @Test
    void patientSeesPatientRole() throws Exception {
        HttpResponse<String> page = new Browser().signIn(URI.create(portal.toString()), "pat");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.uri().getPath()).isEqualTo("/today");
        assertThat(page.body()).contains("Pat Morgan").contains("Role: patient");
    }

    @Test
    void anonymousVisitorIsSentToKeycloakWithPkce() throws Exception {
        HttpResponse<String> response = new Browser().get(URI.create(portal.toString()));

        assertThat(response.statusCode()).isIn(302, 303);
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        assertThat(location.getPath()).endsWith("/realms/homeprogram/protocol/openid-connect/auth");
        assertThat(location.getRawQuery())
                .contains("client_id=portal")
                .contains("response_type=code")
                .contains("code_challenge=")
                .contains("code_challenge_method=S256");
        assertThat(response.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    }

    @Test
    void signOutEndsTheSession() throws Exception {
        Browser browser = new Browser();
        URI home = URI.create(portal.toString());
        assertThat(browser.signIn(home, "tara").statusCode()).isEqualTo(200);

        // RP-initiated logout: Keycloak ends its session and sends the browser back to "/", which asks for a login.
        HttpResponse<String> afterLogout = browser.follow(browser.get(home.resolve("/logout")));

        assertThat(afterLogout.statusCode()).isEqualTo(200);
        assertThat(afterLogout.body()).contains("kc-form-login").doesNotContain("Tara Lindqvist");
        assertThat(browser.cookies.getCookieStore().getCookies())
                .noneMatch(cookie -> cookie.getName().startsWith("q_session"));
        assertThat(browser.get(home).statusCode()).isIn(302, 303);
    }

    /**
     * Finding 10 of issue #12: health and metrics were public on the portal's port. They are on the management
     * interface now (a port of its own, for the kubelet and monitoring); the public port answers 404 for /q/*.
     */
    @Test
    void healthAndMetricsAreOnTheManagementInterfaceNotThePublicPort() throws Exception {
        Browser browser = new Browser();
        for (String path : List.of("/q/health", "/q/health/ready", "/q/metrics", "/q/openapi")) {
            HttpResponse<String> response = browser.get(URI.create(portal.toString()).resolve(path));
            assertThat(response.statusCode()).as("public %s", path).isEqualTo(404);
        }

        URI management = URI.create("http://localhost:" + ManagementInterface.port());
        HttpResponse<String> ready = browser.get(management.resolve("/q/health/ready"));
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"UP\"");
        HttpResponse<String> metrics = browser.get(management.resolve("/q/metrics"));
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_");
    }

    @Test
    void pageCarriesSecurityHeaders() throws Exception {
        HttpResponse<String> page = new Browser().signIn(URI.create(portal.toString()), "tara");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'self'")
                .contains("base-uri 'self'")
                .contains("object-src 'none'")
                .contains("frame-ancestors 'none'")
                .contains("form-action 'self' http://localhost:*"));
        assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
    }

    @Test
    void sessionCookieHoldsNoReadableToken() throws Exception {
        Browser browser = new Browser();
        browser.signIn(URI.create(portal.toString()), "tara");

        // The session cookie is split into q_session_chunk_1, _2, ... when the tokens exceed one cookie.
        List<HttpCookie> session = browser.cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().startsWith("q_session"))
                .sorted(Comparator.comparingInt(cookie -> chunkNumber(cookie.getName())))
                .toList();
        assertThat(session).as("session cookie").isNotEmpty();
        assertThat(session).allMatch(HttpCookie::isHttpOnly, "HttpOnly");
        String value = session.stream().map(HttpCookie::getValue).collect(Collectors.joining());
        // One JWE (five parts, the header names the encryption), not ID|access|refresh token in the clear.
        String[] parts = value.split("\\.");
        assertThat(parts).hasSize(5);
        String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
        assertThat(header).contains("\"enc\"");
        assertThat(value).doesNotContain("Lindqvist").doesNotContain("|");
    }

    private static int chunkNumber(String cookieName) {
        int at = cookieName.lastIndexOf("_chunk_");
        return at < 0 ? 0 : Integer.parseInt(cookieName.substring(at + "_chunk_".length()));
    }
}
