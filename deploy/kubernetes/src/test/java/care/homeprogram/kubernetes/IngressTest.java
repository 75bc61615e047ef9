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
        assertThat(auth.getHttp().getPaths()).singleElement().satisfies(path -> {
            assertThat(path.getPath()).isEqualTo("/");
            assertThat(path.getBackend().getService().getName()).isEqualTo("homeprogram-keycloak-service");
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
