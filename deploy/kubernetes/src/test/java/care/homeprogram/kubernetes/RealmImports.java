package care.homeprogram.kubernetes;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/**
 * The KeycloakRealmImport of each overlay, made from deploy/keycloak/homeprogram-realm.json (the one source of
 * truth of the realm): client secrets become placeholders that the Keycloak Operator fills from the Secrets
 * {@code <client>-oidc} (key {@code client-secret}, the same Secrets the services read), the portal's redirect URI
 * points at the public host (set per overlay by components/hosts), and the production variant keeps no demo user
 * and no demo client, only the services' service-account users, and signs people in with the realm's MFA flow
 * (admins and therapists always with a second factor; docs/security.md, "MFA").
 */
final class RealmImports {
    static final Path REALM = Repository.root().resolve("deploy/keycloak/homeprogram-realm.json");
    static final String NAME = "homeprogram-realm";
    static final String KEYCLOAK = "homeprogram-keycloak";
    static final String DEMO_CLIENT = "homeprogram-cli";
    static final String SECRET_KEY = "client-secret";
    static final String PORTAL_CALLBACK = "https://homeprogram.example.org/signed-in";
    static final String PORTAL_AFTER_LOGOUT = "https://homeprogram.example.org/";
    /** Defined in the realm file for every variant; bound as the browser flow only in production. */
    static final String MFA_FLOW = "browser with staff MFA";

    enum Variant {
        /** Every user and client of the realm: the demo logins of README.md. */
        DEMO(Layout.DEV),
        /** No person, no password-grant client: accounts are made by the clinic's admins. */
        PRODUCTION(Layout.PROD);

        private final Path overlay;

        Variant(Path overlay) {
            this.overlay = overlay;
        }

        Path file() {
            return overlay.resolve("realm-import.yaml");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build());

    private RealmImports() {
    }

    static String placeholder(String clientId) {
        return clientId.toUpperCase(Locale.ROOT).replace('-', '_') + "_CLIENT_SECRET";
    }

    static String secretName(String clientId) {
        return clientId + "-oidc";
    }

    static String render(Variant variant) {
        ObjectNode realm;
        try {
            realm = (ObjectNode) JSON.readTree(Repository.read(REALM));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(REALM + " is not JSON", e);
        }
        ObjectNode resource = JSON.createObjectNode();
        resource.put("apiVersion", "k8s.keycloak.org/v2beta1");
        resource.put("kind", "KeycloakRealmImport");
        resource.putObject("metadata").put("name", NAME);
        ObjectNode spec = resource.putObject("spec");
        spec.put("keycloakCRName", KEYCLOAK);
        ObjectNode placeholders = spec.putObject("placeholders");

        ArrayNode clients = (ArrayNode) realm.get("clients");
        for (Iterator<JsonNode> it = clients.iterator(); it.hasNext();) {
            ObjectNode client = (ObjectNode) it.next();
            String clientId = client.get("clientId").asText();
            if (variant == Variant.PRODUCTION && DEMO_CLIENT.equals(clientId)) {
                it.remove();
                continue;
            }
            if (client.has("secret")) {
                client.put("secret", "${" + placeholder(clientId) + "}");
                placeholders.putObject(placeholder(clientId)).putObject("secret")
                        .put("name", secretName(clientId))
                        .put("key", SECRET_KEY);
            }
            if ("portal".equals(clientId)) {
                // Exactly the portal's callback and its post-logout page, no wildcard; the host is replaced per
                // overlay (components/hosts).
                client.putArray("redirectUris").add(PORTAL_CALLBACK);
                ((ObjectNode) client.get("attributes")).put("post.logout.redirect.uris", PORTAL_AFTER_LOGOUT);
            }
        }
        if (variant == Variant.PRODUCTION) {
            realm.put("browserFlow", MFA_FLOW);
            ArrayNode users = (ArrayNode) realm.get("users");
            for (Iterator<JsonNode> it = users.iterator(); it.hasNext();) {
                if (!it.next().has("serviceAccountClientId")) {
                    it.remove();
                }
            }
        }
        spec.set("realm", realm);

        String header = "# GENERATED from deploy/keycloak/homeprogram-realm.json by the test module deploy/kubernetes ("
                + (variant == Variant.PRODUCTION ? "production: no demo users, no demo client, MFA" : "demo realm")
                + ").\n# Do not edit: change the realm file and run the command of docs/deploy.md, "
                + "\"Regenerating the copies\".\n";
        try {
            return header + YAML.writeValueAsString(resource);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write the realm import as YAML", e);
        }
    }
}
