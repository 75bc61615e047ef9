package care.homeprogram.portal;

import static org.assertj.core.api.Assertions.assertThat;

import care.homeprogram.local.PortalClient;
import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.SharedStack;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Finding 10 of issue #12 at the portal's edge: forwarded headers count only from a trusted proxy, and Keycloak
 * sends a sign-in only to the portal's one registered callback.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PORTAL"))
class PortalEdgeTest {
    static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @TestHTTPResource("/")
    URL portal;

    /**
     * The portal runs with forwarded headers on (as behind the ingress) but trusts no proxy here: a caller that
     * forges X-Forwarded-Host/-Proto/-For cannot make the portal build its sign-in redirect for another host.
     */
    @Test
    void forwardedHeadersFromAnUntrustedPeerAreIgnored() throws Exception {
        String location = signInRedirect(URI.create(portal.toString()).resolve("/patients"));

        String callback = "http://localhost:" + URI.create(portal.toString()).getPort() + PortalClient.CALLBACK_PATH;
        assertThat(location).contains("/protocol/openid-connect/auth")
                .contains("redirect_uri=" + URLEncoder.encode(callback, StandardCharsets.UTF_8))
                .doesNotContain("evil.example.org");
    }

    /**
     * The realm's portal client names one callback per environment: Keycloak refuses to send a code anywhere else,
     * including other pages or ports of localhost that the former wildcards ("http://localhost*") accepted. The
     * portal client of deploy/keycloak/homeprogram-realm.json is imported into a realm of its own on the test stack's
     * Keycloak, so the check is of the file as shipped, whatever realm the stack imported when it started.
     */
    @Test
    void keycloakRefusesToSendASignInToAnyOtherAddress() throws Exception {
        String keycloak = SharedStack.coordinates().keycloakUrl();
        String realm = "redirect-check-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        ObjectMapper json = new ObjectMapper();
        JsonNode portalClient = null;
        for (JsonNode client : json.readTree(PortalClient.realmFile()).path("clients")) {
            if ("portal".equals(client.path("clientId").asText())) {
                portalClient = client;
            }
        }
        assertThat(portalClient).as("the portal client in the realm file").isNotNull();
        ObjectNode representation = json.createObjectNode().put("realm", realm).put("enabled", true);
        representation.putArray("clients").add(portalClient);
        String admin = PortalClient.adminToken(keycloak);
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(keycloak + "/admin/realms"))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(representation))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as("realm created: %s", created.body()).isEqualTo(201);
        try {
            String local = "http://localhost:8080";
            assertThat(authorize(keycloak, realm, local + PortalClient.CALLBACK_PATH).statusCode())
                    .as("the registered callback gets the login page").isEqualTo(200);
            for (String foreign : List.of("https://evil.example.org/signed-in", local + "/patients",
                    "http://localhost:9999/signed-in",
                    "http://127.0.0.1:8080/signed-in", "http://localhost.evil.example.org/signed-in")) {
                HttpResponse<String> answer = authorize(keycloak, realm, foreign);
                assertThat(answer.statusCode()).as("authorization request with redirect_uri %s", foreign)
                        .isEqualTo(400);
                assertThat(answer.headers().firstValue("Location")).as("no redirect to %s", foreign).isEmpty();
                assertThat(answer.body()).contains("Invalid parameter: redirect_uri");
            }
        } finally {
            HTTP.send(HttpRequest.newBuilder(URI.create(keycloak + "/admin/realms/" + realm))
                    .header("Authorization", "Bearer " + admin).DELETE().build(), HttpResponse.BodyHandlers.discarding());
        }
    }

    static String signInRedirect(URI page) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(page)
                .header("X-Forwarded-Host", "evil.example.org")
                .header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-For", "203.0.113.9")
                .header("Forwarded", "for=203.0.113.9;host=evil.example.org;proto=https")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("an anonymous visitor is sent to sign in").isIn(302, 303);
        // As sent, still URL-encoded: its query parameters are compared encoded.
        return response.headers().firstValue("Location").orElseThrow();
    }

    private static HttpResponse<String> authorize(String keycloak, String realm, String redirectUri) throws Exception {
        String query = "client_id=portal&response_type=code&scope=openid&state=s1"
                + "&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256"
                + "&redirect_uri=" + URLEncoder.encode(redirectUri, StandardCharsets.UTF_8);
        return HTTP.send(HttpRequest.newBuilder(URI.create(keycloak + "/realms/" + realm
                + "/protocol/openid-connect/auth?" + query)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
