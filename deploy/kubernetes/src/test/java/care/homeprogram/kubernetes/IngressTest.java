package care.homeprogram.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;

/**
 * The Ingress routes every prefix of docs/api-contract.md to its owning service and / to the portal, over TLS. The
 * prefixes are read from the contract's headings ("## plan-service (`/api/exercises`, ...)"), so a prefix added
 * there fails this test until the Ingress routes it.
 */
class IngressTest {
    private static final Pattern HEADING = Pattern.compile("^## ([a-z-]+-service) \\((.*)\\)\\s*$", Pattern.MULTILINE);
    private static final Pattern PREFIX = Pattern.compile("`(/api/[a-z0-9-]+)`");

    enum Case {
        BASE, DEV, PROD
    }

    @ParameterizedTest
    @EnumSource(Case.class)
    void routes_every_prefix_of_the_api_contract_to_its_owner_and_the_rest_to_the_portal(Case which) {
        Platform platform = platform(which);
        Ingress ingress = singleIngress(platform);
        Map<String, String> owners = contractPrefixes();
        assertThat(owners).as("prefixes read from %s", Repository.apiContract()).hasSizeGreaterThanOrEqualTo(10);

        IngressRule app = ingress.getSpec().getRules().get(0);
        Map<String, String> routes = new LinkedHashMap<>();
        for (HTTPIngressPath path : app.getHttp().getPaths()) {
            assertThat(path.getPathType()).as("%s: %s", which, path.getPath()).isEqualTo("Prefix");
            routes.put(path.getPath(), path.getBackend().getService().getName());
        }
        owners.forEach((prefix, owner) -> assertThat(routes).as("%s: route of %s", which, prefix)
                .containsEntry(prefix, owner));
        assertThat(routes).as("%s: the rest goes to the portal", which).containsEntry("/", "portal");
        assertThat(routes.keySet()).as("%s: nothing routed that the contract does not name", which)
                .allMatch(path -> path.equals("/") || owners.containsKey(path));

        for (HTTPIngressPath path : app.getHttp().getPaths()) {
            String service = path.getBackend().getService().getName();
            if (which != Case.BASE || Layout.SERVICE_NAMES.contains(service)) {
                Service target = (which == Case.BASE ? Layout.committedServiceManifests() : platform).services().stream()
                        .filter(s -> s.getMetadata().getName().equals(service)).findFirst()
                        .orElseThrow(() -> new AssertionError(which + ": the Ingress routes to a missing Service " + service));
                assertThat(target.getSpec().getPorts()).as("%s: Service %s has the port the Ingress uses", which, service)
                        .anyMatch(port -> port.getName().equals(path.getBackend().getService().getPort().getName()));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Case.class)
    void serves_the_portal_and_keycloak_over_tls(Case which) {
        Ingress ingress = singleIngress(platform(which));
        List<String> hosts = ingress.getSpec().getRules().stream().map(IngressRule::getHost).toList();
        assertThat(hosts).as("%s: the portal's and Keycloak's hosts", which).hasSize(2).doesNotContainNull();
        assertThat(ingress.getSpec().getTls()).as("%s TLS", which).singleElement().satisfies(tls -> {
            assertThat(tls.getSecretName()).isEqualTo("homeprogram-tls");
            assertThat(tls.getHosts()).containsExactlyElementsOf(hosts);
        });
        IngressRule auth = ingress.getSpec().getRules().get(1);
        assertThat(auth.getHttp().getPaths()).allSatisfy(path ->
                assertThat(path.getBackend().getService().getName()).isEqualTo("homeprogram-keycloak-service"));
    }

    /**
     * Finding 10 of issue #12: Keycloak's host routed "/", so its admin console and API (/admin) and the master realm
     * (/realms/master, where the bootstrap admin signs in) were reachable from the internet. Only the homeprogram
     * realm and the login pages' static resources are routed; the rest answers the controller's 404.
     */
    @ParameterizedTest
    @EnumSource(Case.class)
    void keycloaks_host_routes_only_the_homeprogram_realm_and_its_resources(Case which) {
        IngressRule auth = singleIngress(platform(which)).getSpec().getRules().get(1);
        assertThat(auth.getHttp().getPaths()).as("%s: Keycloak's routes", which)
                .extracting(HTTPIngressPath::getPath, HTTPIngressPath::getPathType)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("/realms/homeprogram", "Prefix"),
                        org.assertj.core.groups.Tuple.tuple("/resources", "Prefix"));
        for (String path : List.of("/admin/master/console/", "/admin/realms/homeprogram/users", "/realms/master/protocol/openid-connect/token",
                "/", "/realms/homeprogramme/")) {
            assertThat(routes(auth, path)).as("%s: %s is not routed to Keycloak", which, path).isFalse();
        }
        for (String path : List.of("/realms/homeprogram/protocol/openid-connect/auth", "/realms/homeprogram",
                "/resources/abc12/login/keycloak.v2/css/styles.css")) {
            assertThat(routes(auth, path)).as("%s: %s is routed to Keycloak", which, path).isTrue();
        }
    }

    /**
     * Issue #12 asks for per-client rate limits at the ingress: ingress-nginx's limits apply to every path of the
     * Ingress (the portal's pages and sign-in, the API, Keycloak's login), keyed by the client address.
     */
    @ParameterizedTest
    @EnumSource(Case.class)
    void every_path_is_rate_limited_per_client_address(Case which) {
        Map<String, String> annotations = singleIngress(platform(which)).getMetadata().getAnnotations();
        assertThat(annotations).as("%s: ingress-nginx rate limits", which).isNotNull();
        for (String limit : List.of("limit-rps", "limit-connections")) {
            String value = annotations.get("nginx.ingress.kubernetes.io/" + limit);
            assertThat(value).as("%s: %s", which, limit).isNotNull();
            assertThat(Integer.parseInt(value)).as("%s: %s", which, limit).isBetween(1, 100);
        }
        assertThat(Integer.parseInt(annotations.getOrDefault("nginx.ingress.kubernetes.io/limit-burst-multiplier", "5")))
                .as("%s: burst multiplier", which).isBetween(1, 10);
    }

    /**
     * Issue #16: ingress-nginx's default 4 KB buffer for the upstream's response headers is smaller than the portal's
     * session cookie (Quarkus OIDC splits it into chunks of up to 4 KB; two were measured, ~4.8 KB) plus Keycloak's
     * login cookies, so sign-in would end in 502 "upstream sent too big header". The buffer must hold two full
     * chunks and 4 KB for every other header; the buffers together must hold more than one such buffer.
     */
    @ParameterizedTest
    @EnumSource(Case.class)
    void the_response_header_buffer_holds_the_session_cookie_chunks(Case which) {
        Map<String, String> annotations = singleIngress(platform(which)).getMetadata().getAnnotations();
        String size = annotations.get("nginx.ingress.kubernetes.io/proxy-buffer-size");
        assertThat(size).as("%s: proxy-buffer-size (default 4k)", which).isNotNull().matches("\\d+[kK]");
        int bytes = Integer.parseInt(size.substring(0, size.length() - 1)) * 1024;
        int chunk = 4096;
        assertThat(bytes).as("%s: proxy-buffer-size holds two session-cookie chunks and the other headers", which)
                .isGreaterThanOrEqualTo(2 * chunk + 4096);
        assertThat(Integer.parseInt(annotations.getOrDefault("nginx.ingress.kubernetes.io/proxy-buffers-number", "4")))
                .as("%s: proxy-buffers-number", which).isGreaterThanOrEqualTo(2);
    }

    /**
     * Issue #13: an exercise's video may be as large as plan-service's largest upload route allows
     * ({@code homeprogram.http.large-bodies}); ingress-nginx's default body limit (1 MB) would refuse it before it
     * reaches the service. The Ingress lets through at least that much; the services cap every other route.
     */
    @ParameterizedTest
    @EnumSource(Case.class)
    void the_body_limit_lets_the_largest_upload_through(Case which) {
        Matcher routes = Pattern.compile("(?m)^homeprogram\\.http\\.large-bodies=(.*)$").matcher(Repository.read(
                Repository.root().resolve("services/plans/src/main/resources/application.properties")));
        assertThat(routes.find()).as("plan-service names its upload routes").isTrue();
        long largest = 0;
        for (String route : routes.group(1).split(",")) {
            largest = Math.max(largest, megabytes(route.substring(route.lastIndexOf('=') + 1)));
        }
        assertThat(largest).as("plan-service's largest upload (MB)").isGreaterThanOrEqualTo(100);
        String limit = singleIngress(platform(which)).getMetadata().getAnnotations()
                .get("nginx.ingress.kubernetes.io/proxy-body-size");
        assertThat(limit).as("%s: proxy-body-size (default 1m)", which).isNotNull();
        assertThat(megabytes(limit)).as("%s: proxy-body-size in MB", which).isGreaterThanOrEqualTo(largest);
    }

    /** "100M", "101m", "5M" in megabytes. */
    private static long megabytes(String size) {
        assertThat(size.trim()).matches("\\d+[mM]");
        return Long.parseLong(size.trim().substring(0, size.trim().length() - 1));
    }

    /** Kubernetes' Prefix match: element-wise on '/'-separated segments. */
    private static boolean routes(IngressRule rule, String requestPath) {
        return rule.getHttp().getPaths().stream().anyMatch(path -> {
            String prefix = path.getPath();
            return requestPath.equals(prefix) || requestPath.startsWith(prefix.endsWith("/") ? prefix : prefix + "/");
        });
    }

    /** Prefix -> owning service, from docs/api-contract.md. */
    static Map<String, String> contractPrefixes() {
        assertThat(Repository.apiContract())
                .as("the API contract docs/api-contract.md (the Ingress is checked against it)")
                .isRegularFile();
        Map<String, String> owners = new LinkedHashMap<>();
        Matcher heading = HEADING.matcher(Repository.read(Repository.apiContract()));
        while (heading.find()) {
            Matcher prefix = PREFIX.matcher(heading.group(2));
            while (prefix.find()) {
                owners.put(prefix.group(1), heading.group(1));
            }
        }
        return owners;
    }

    private static Platform platform(Case which) {
        return switch (which) {
            case BASE -> Platform.parseFile(Layout.BASE.resolve("ingress.yaml"));
            case DEV -> Source.DEV.platform();
            case PROD -> Source.PROD.platform();
        };
    }

    private static Ingress singleIngress(Platform platform) {
        List<Ingress> ingresses = platform.all(Ingress.class);
        assertThat(ingresses).as("%s Ingresses", platform.source()).hasSize(1);
        return ingresses.get(0);
    }
}
