package care.homeprogram.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Real access tokens from the real Keycloak, by the password grant of the demo-only client homeprogram-cli.
 * Tokens live five minutes (the realm's hardening), so each call asks for a fresh one.
 */
public final class Tokens {
    public static final String DEMO_PASSWORD = "demo";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Tokens() {
    }

    public static String accessToken(String username) {
        return accessToken(username, DEMO_PASSWORD);
    }

    private record Cached(String token, long expiresAtMillis) {
    }

    private static final java.util.concurrent.ConcurrentHashMap<String, Cached> CACHE =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** Reuses a token for a minute (they live five): tests stay fast without ever holding a stale one. */
    public static String accessToken(String username, String password) {
        String key = SharedStack.coordinates().realmUrl() + "|" + username + "|" + password;
        Cached cached = CACHE.get(key);
        if (cached != null && cached.expiresAtMillis() > System.currentTimeMillis()) {
            return cached.token();
        }
        String token = freshAccessToken(username, password);
        CACHE.put(key, new Cached(token, System.currentTimeMillis() + 60_000));
        return token;
    }

    /** Always a new token: for tests of what changes between tokens (roles, disabled accounts). */
    public static String freshAccessToken(String username, String password) {
        HttpResponse<String> response = passwordGrant(username, password);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no token for " + username + ": " + response.statusCode() + " "
                    + response.body());
        }
        return field(response.body(), "access_token");
    }

    /** The raw response, for tests that expect a sign-in to fail (disabled account, wrong password). */
    public static HttpResponse<String> passwordGrant(String username, String password) {
        return passwordGrant(SharedStack.coordinates().realmUrl(), username, password);
    }

    /** A demo user's token from the realm at {@code realmUrl}: for journeys on a platform of their own. */
    public static String accessTokenFrom(String realmUrl, String username) {
        HttpResponse<String> response = passwordGrant(realmUrl, username, DEMO_PASSWORD);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no token for " + username + " from " + realmUrl + ": "
                    + response.statusCode() + " " + response.body());
        }
        return field(response.body(), "access_token");
    }

    private static HttpResponse<String> passwordGrant(String realmUrl, String username, String password) {
        String form = "grant_type=password&client_id=homeprogram-cli&scope=openid"
                + "&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return post(realmUrl + "/protocol/openid-connect/token", form);
    }

    /** A service account's token (client credentials), as services use when they act on their own. */
    public static String clientToken(String clientId, String secret) {
        String form = "grant_type=client_credentials&client_id=" + clientId + "&client_secret=" + secret;
        HttpResponse<String> response = post(SharedStack.coordinates().realmUrl()
                + "/protocol/openid-connect/token", form);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no token for client " + clientId + ": " + response.body());
        }
        return field(response.body(), "access_token");
    }

    /** The {@code sub} of a token: the person's id in every service. */
    public static String subject(String accessToken) {
        String payload = accessToken.split("\\.")[1];
        return field(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8), "sub");
    }

    private static HttpResponse<String> post(String url, String form) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak did not answer at " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String field(String json, String name) {
        try {
            JsonNode node = JSON.readTree(json).get(name);
            return node == null ? null : node.asText();
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + json, e);
        }
    }
}
