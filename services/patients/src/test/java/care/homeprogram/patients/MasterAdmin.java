package care.homeprogram.patients;

import care.homeprogram.testing.SharedStack;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

/**
 * Keycloak's bootstrap admin of the test stack (admin / admin, demo only), for what a test must do outside the
 * platform: finish a person's first sign-in, or call the admin API as someone else than patient-service.
 */
final class MasterAdmin {
    private static final ObjectMapper JSON = new ObjectMapper();

    private MasterAdmin() {
    }

    static String token() {
        String form = "grant_type=password&client_id=admin-cli&username=admin&password=admin";
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(SharedStack.coordinates().keycloakUrl()
                + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        return field(response.body(), "access_token");
    }

    /**
     * Stands in for the person's first sign-in through the browser: a password set by someone else is temporary
     * (UPDATE_PASSWORD required), and the person would choose a new one there. The test keeps the password it knows.
     */
    static void finishFirstSignIn(UUID userId) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(SharedStack.coordinates().keycloakUrl()
                + "/admin/realms/homeprogram/users/" + userId))
                .header("Authorization", "Bearer " + token()).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"requiredActions\": []}")));
        if (response.statusCode() != 204) {
            throw new IllegalStateException("could not finish the first sign-in of " + userId + ": "
                    + response.statusCode() + " " + response.body());
        }
    }

    static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String field(String json, String name) {
        try {
            JsonNode node = JSON.readTree(json).get(name);
            return node == null ? null : node.asText();
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + json, e);
        }
    }
}
