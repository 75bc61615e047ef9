package care.homeprogram.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The realm's portal client accepts exactly the portal's callback ({@code /signed-in}) and its post-logout page
 * ({@code /}) as redirect targets, no wildcard (docs/security.md, "Redirect URIs"). The realm file names the
 * documented local port; a portal on another port (--port-offset, tests on free ports) is registered here through
 * Keycloak's admin API, with the local Keycloak's demo-only bootstrap admin. Each registration also makes sure the
 * client puts the realm roles into its ID token ({@link #giveRolesMapper}).
 */
public final class PortalClient {
    public static final String CALLBACK_PATH = "/signed-in";
    private static final String CLIENT_ID = "portal";
    private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern REDIRECTS = Pattern.compile("\"redirectUris\"\\s*:\\s*\\[([^\\]]*)\\]");
    private static final Pattern LOGOUTS = Pattern.compile("\"post\\.logout\\.redirect\\.uris\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern STRING = Pattern.compile("\"([^\"]*)\"");
    /** The client's mapper that puts the realm roles into its ID token, where the portal reads them. */
    static final String ROLES_MAPPER = "realm-roles-in-id-token";
    private static final Pattern HAS_ROLES_MAPPER = Pattern.compile("\"name\"\\s*:\\s*\"" + ROLES_MAPPER + "\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private PortalClient() {
    }

    public static String callback(String portalUrl) {
        return portalUrl + CALLBACK_PATH;
    }

    public static String afterLogout(String portalUrl) {
        return portalUrl + "/";
    }

    /** The local run: this portal's URIs become the only ones (one environment, one portal). */
    public static void pin(String keycloakUrl, String portalUrl) {
        update(keycloakUrl, List.of(callback(portalUrl)), List.of(afterLogout(portalUrl)), false);
    }

    /** Tests: adds this portal's URIs to those of the other portals sharing the test stack's Keycloak. */
    public static void allow(String keycloakUrl, String portalUrl) {
        update(keycloakUrl, List.of(callback(portalUrl)), List.of(afterLogout(portalUrl)), true);
    }

    private static synchronized void update(String keycloakUrl, List<String> redirects, List<String> logouts,
            boolean keepOthers) {
        String token = adminToken(keycloakUrl);
        String clients = keycloakUrl + "/admin/realms/" + KeycloakServer.REALM + "/clients";
        String found = send(HttpRequest.newBuilder(URI.create(clients + "?clientId=" + CLIENT_ID)), token, 200);
        Matcher id = ID.matcher(found);
        if (!id.find()) {
            throw new IllegalStateException("the realm has no client " + CLIENT_ID + ": " + found);
        }
        String client = clients + "/" + id.group(1);
        giveRolesMapper(client, token);
        Set<String> allRedirects = new LinkedHashSet<>();
        Set<String> allLogouts = new LinkedHashSet<>();
        if (keepOthers) {
            String current = send(HttpRequest.newBuilder(URI.create(client)), token, 200);
            Matcher list = REDIRECTS.matcher(current);
            if (list.find()) {
                Matcher each = STRING.matcher(list.group(1));
                while (each.find()) {
                    allRedirects.add(each.group(1));
                }
            }
            Matcher logout = LOGOUTS.matcher(current);
            if (logout.find() && !logout.group(1).isBlank()) {
                allLogouts.addAll(List.of(logout.group(1).split("##")));
            }
            if (allRedirects.containsAll(redirects) && allLogouts.containsAll(logouts)) {
                return;
            }
        }
        allRedirects.addAll(redirects);
        allLogouts.addAll(logouts);
        // Keycloak updates only the fields a client representation carries, so the rest of the client stays as is.
        String body = "{\"redirectUris\":" + jsonArray(allRedirects) + ",\"attributes\":{\"post.logout.redirect.uris\":\""
                + String.join("##", allLogouts) + "\"}}";
        send(HttpRequest.newBuilder(URI.create(client)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)), token, 204);
    }

    /**
     * The portal takes a person's roles from the ID token (docs/security.md, "The portal's session"): a realm imported
     * before the realm file's mapper {@value #ROLES_MAPPER} existed (a durable stack imports it once; a test stack
     * started by older code) gets it here, as in the file, so that nobody signs in without their role. Nothing changes
     * when the client has it.
     */
    private static void giveRolesMapper(String client, String token) {
        String models = client + "/protocol-mappers/models";
        if (HAS_ROLES_MAPPER.matcher(send(HttpRequest.newBuilder(URI.create(models)), token, 200)).find()) {
            return;
        }
        send(HttpRequest.newBuilder(URI.create(models)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonObjectNamed(realmFile(), ROLES_MAPPER))), token, 201);
    }

    /** The JSON object of {@code json} whose "name" is {@code name} (the realm file's objects hold no braces in text). */
    static String jsonObjectNamed(String json, String name) {
        Matcher named = Pattern.compile("\"name\"\\s*:\\s*\"" + Pattern.quote(name) + "\"").matcher(json);
        if (!named.find()) {
            throw new IllegalStateException(name + " is not in the realm file");
        }
        int start = json.lastIndexOf('{', named.start());
        int depth = 0;
        for (int i = start; i < json.length(); i++) {
            char c = json.charAt(i);
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            if (depth == 0) {
                return json.substring(start, i + 1);
            }
        }
        throw new IllegalStateException(name + " is not a whole object in the realm file");
    }

    private static String jsonArray(Set<String> values) {
        List<String> quoted = new ArrayList<>();
        values.forEach(value -> quoted.add("\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\""));
        return "[" + String.join(",", quoted) + "]";
    }

    /** The realm file of deploy/keycloak, as the launcher imports it. */
    public static String realmFile() {
        return KeycloakServer.resourceText(KeycloakServer.REALM_RESOURCE);
    }

    /** A token of the local Keycloak's bootstrap admin (admin / admin, demo only: KeycloakServer starts it so). */
    public static String adminToken(String keycloakUrl) {
        String form = "grant_type=password&client_id=admin-cli&username=" + URLEncoder.encode("admin", StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode("admin", StandardCharsets.UTF_8);
        String answer = send(HttpRequest.newBuilder(URI.create(keycloakUrl + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), null, 200);
        Matcher token = TOKEN.matcher(answer);
        if (!token.find()) {
            throw new IllegalStateException("Keycloak gave no admin token: " + answer);
        }
        return token.group(1);
    }

    private static String send(HttpRequest.Builder request, String token, int expected) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException("Keycloak answered " + response.statusCode() + " to "
                        + response.request().method() + " " + response.request().uri() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException("could not reach Keycloak", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while talking to Keycloak", e);
        }
    }
}
