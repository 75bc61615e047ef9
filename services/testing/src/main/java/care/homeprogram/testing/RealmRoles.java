package care.homeprogram.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Realm roles added after a test stack was started ({@code clinical-lead}, {@code billing}). A stack started from
 * today's realm file has them, and patient-service may map them; a stack started before a role existed has neither,
 * so {@link #ensure} adds both, additively and idempotently, as a realm administrator would (Keycloak's bootstrap
 * admin, demo only): the role, and the role among those patient-service's fine-grained permission lets it map.
 */
public final class RealmRoles {
    private static final String REALM = "homeprogram";
    private static final String PERMISSION_PREFIX = "patient-service maps";
    private static final ObjectMapper JSON = new ObjectMapper();

    private RealmRoles() {
    }

    /** Makes sure the realm has the role and patient-service may map it; changes nothing if both hold already. */
    public static synchronized void ensure(String roleName, String description) {
        String token = masterToken();
        HttpResponse<String> role = admin(token, "GET", "/roles/" + roleName, null);
        if (role.statusCode() == 404) {
            ObjectNode created = JSON.createObjectNode().put("name", roleName).put("description", description);
            require(admin(token, "POST", "/roles", created.toString()), 201, 409);
            role = admin(token, "GET", "/roles/" + roleName, null);
        }
        require(role, 200);
        String roleId = field(role.body(), "id");
        String client = read(admin(token, "GET", "/clients?clientId=admin-permissions", null).body()).path(0)
                .path("id").asText();
        String server = "/clients/" + client + "/authz/resource-server";
        JsonNode permission = null;
        for (JsonNode p : read(admin(token, "GET", server + "/permission?max=100", null).body())) {
            if ("Roles".equals(p.path("resourceType").asText()) && p.path("name").asText().startsWith(PERMISSION_PREFIX)) {
                permission = p;
            }
        }
        if (permission == null) {
            throw new IllegalStateException("the realm has no permission for patient-service to map roles");
        }
        String id = permission.path("id").asText();
        JsonNode resources = read(admin(token, "GET", server + "/policy/" + id + "/resources", null).body());
        ArrayNode names = JSON.createArrayNode();
        boolean present = false;
        for (JsonNode r : resources) {
            names.add(r.path("name").asText());
            present |= roleId.equals(r.path("name").asText());
        }
        if (present) {
            return;
        }
        names.add(roleId);
        ObjectNode update = ((ObjectNode) permission).deepCopy();
        update.set("resources", names);
        update.set("scopes", JSON.createArrayNode().add("map-role"));
        update.set("policies", JSON.createArrayNode().add("patient-service"));
        require(admin(token, "PUT", server + "/permission/scope/" + id, update.toString()), 201, 204);
    }

    /**
     * A new account holding exactly {@code roles}, made directly in Keycloak (no patient-service record): for
     * services that read only the token's roles. Its password is {@code password}, not temporary. The roles must exist.
     */
    public static UUID createUser(String username, String password, String firstName, String... roles) {
        String token = masterToken();
        ObjectNode user = JSON.createObjectNode().put("username", username)
                .put("email", username + "@test.homeprogram.test").put("firstName", firstName)
                .put("lastName", username).put("enabled", true).put("emailVerified", true);
        user.putArray("credentials").addObject().put("type", "password").put("value", password)
                .put("temporary", false);
        HttpResponse<String> created = admin(token, "POST", "/users", user.toString());
        require(created, 201);
        String location = created.headers().firstValue("Location").orElseThrow();
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        ArrayNode mappings = JSON.createArrayNode();
        for (String role : roles) {
            HttpResponse<String> representation = admin(token, "GET", "/roles/" + role, null);
            require(representation, 200);
            mappings.add(read(representation.body()));
        }
        require(admin(token, "POST", "/users/" + id + "/role-mappings/realm", mappings.toString()), 204);
        return id;
    }

    /**
     * Takes realm role {@code taken} from an account and gives it {@code given}, directly in Keycloak, as a realm
     * administrator would: the account's sessions go on (patient-service's re-roling ends them; this does not).
     */
    public static void changeRole(UUID user, String taken, String given) {
        String token = masterToken();
        HttpResponse<String> from = admin(token, "GET", "/roles/" + taken, null);
        HttpResponse<String> to = admin(token, "GET", "/roles/" + given, null);
        require(from, 200);
        require(to, 200);
        String mappings = "/users/" + user + "/role-mappings/realm";
        require(admin(token, "DELETE", mappings, JSON.createArrayNode().add(read(from.body())).toString()), 204);
        require(admin(token, "POST", mappings, JSON.createArrayNode().add(read(to.body())).toString()), 204);
    }

    private static String masterToken() {
        String form = "grant_type=password&client_id=admin-cli&username=admin&password="
                + URLEncoder.encode("admin", StandardCharsets.UTF_8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(SharedStack.coordinates().keycloakUrl()
                + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        require(response, 200);
        return field(response.body(), "access_token");
    }

    private static HttpResponse<String> admin(String token, String method, String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(SharedStack.coordinates().keycloakUrl() + "/admin/realms/" + REALM
                + path)).header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json)));
    }

    private static void require(HttpResponse<String> response, int... expected) {
        for (int status : expected) {
            if (response.statusCode() == status) {
                return;
            }
        }
        throw new IllegalStateException("Keycloak answered " + response.statusCode() + " to " + response.request()
                .method() + " " + response.request().uri() + ": " + response.body());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + json, e);
        }
    }

    private static String field(String json, String name) {
        return read(json).path(name).asText();
    }
}
