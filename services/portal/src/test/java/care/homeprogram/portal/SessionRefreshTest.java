package care.homeprogram.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.RealmRoles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A session outlives its 5-minute access token: the portal renews the tokens with the refresh token shortly before they
 * expire (quarkus.oidc.token.refresh-token-time-skew) and the person notices nothing. Here the window is the
 * realm's access-token lifespan (300 s) less a second, so a page asked for a few seconds after the tokens were issued
 * renews them: the page comes as the same person, signed in, and the session cookie holds new tokens afterwards.
 */
@QuarkusTest
@TestProfile(SessionRefreshTest.RenewOnEveryPage.class)
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PORTAL"))
class SessionRefreshTest {

    public static class RenewOnEveryPage implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.token.refresh-token-time-skew", "299S");
        }
    }

    @TestHTTPResource("/")
    URL portal;

    @Test
    void tokensRenewedOnAPageLeaveThePersonSignedIn() throws Exception {
        Browser tara = new Browser();
        tara.signIn(URI.create(portal.toString()), "tara");
        String before = sessionCookie(tara);
        // The tokens came with 300 s to live, so they enter the 299 s window within a second or two of the sign-in
        // (the token's times are whole seconds): ask for the page until one answer came with renewed tokens.
        AtomicReference<HttpResponse<String>> renewing = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).until(() -> {
            renewing.set(tara.get(URI.create(portal.toString()).resolve("/patients")));
            return !sessionCookie(tara).equals(before);
        });
        HttpResponse<String> page = renewing.get();

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Signed in as <strong>Tara Lindqvist</strong>").contains("Role: therapist");
        assertThat(sessionCookie(tara)).as("the session cookie after the tokens were renewed").isNotEmpty()
                .isNotEqualTo(before);

        HttpResponse<String> next = tara.get(URI.create(portal.toString()).resolve("/patients"));
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(next.body()).contains("Signed in as <strong>Tara Lindqvist</strong>");
    }

    /**
     * The roles come with the tokens (the ID token's, the one the portal verifies per request): a role changed in
     * Keycloak without ending the person's sessions counts from the renewal on, for the whole page and every page
     * after it. (Before the renewal the session keeps the role it signed in with: AccessRulesTest.)
     */
    @Test
    void aRoleChangedInKeycloakCountsOnceTheTokensAreRenewed() throws Exception {
        String username = "rerole-" + UUID.randomUUID().toString().substring(0, 8);
        UUID id = RealmRoles.createUser(username, "Re-roled-2026x", "Rita", "therapist");
        Browser rita = new Browser();
        rita.signIn(URI.create(portal.toString()), username, "Re-roled-2026x");
        String before = sessionCookie(rita);

        RealmRoles.changeRole(id, "therapist", "patient");
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).until(() -> {
            rita.get(URI.create(portal.toString()).resolve("/admin/accounts"));
            return !sessionCookie(rita).equals(before);
        });

        HttpResponse<String> patients = rita.get(URI.create(portal.toString()).resolve("/patients"));
        assertThat(patients.statusCode()).isEqualTo(403);
        assertThat(patients.body()).contains("You are signed in with the role “patient”");
        assertThat(rita.get(URI.create(portal.toString()).resolve("/admin/accounts")).body())
                .contains("You are signed in with the role “patient”");
    }

    private static String sessionCookie(Browser browser) {
        return browser.cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().startsWith("q_session"))
                .sorted(Comparator.comparing(HttpCookie::getName))
                .map(HttpCookie::getValue).collect(Collectors.joining());
    }
}
