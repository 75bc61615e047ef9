package care.homeprogram.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The kustomize base deploys copies of what the build generates: each service's manifest (quarkus-kubernetes,
 * target/kubernetes/kubernetes.yml) and the realm imports (from deploy/keycloak/homeprogram-realm.json). These
 * tests fail as soon as a copy differs from what the build makes now, so the two never drift; with
 * -Dhomeprogram.kubernetes.update=true they rewrite the copies instead (docs/deploy.md).
 */
class GeneratedCopiesTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(SerializationFeature.INDENT_OUTPUT);
    private static final String HOW = "run: ./mvnw -B install -DskipTests && ./mvnw -B -f deploy/kubernetes/pom.xml "
            + "verify -D" + Repository.UPDATE_PROPERTY + "=true (docs/deploy.md, \"Regenerating the copies\")";

    static java.util.stream.Stream<Layout.ServiceModule> services() {
        return Layout.SERVICES.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void the_committed_service_manifest_is_what_quarkus_kubernetes_generates_now(Layout.ServiceModule service) {
        assertThat(service.generatedManifest())
                .as("%s was not generated: package the service first (the reactor does; alone: %s)",
                        Repository.root().relativize(service.generatedManifest()), HOW)
                .isRegularFile();
        String generated = Repository.read(service.generatedManifest());
        if (Repository.updating() && (!Files.exists(service.committedManifest())
                || !canonical(Repository.read(service.committedManifest())).equals(canonical(generated)))) {
            Repository.write(service.committedManifest(), generated);
            System.out.println("[homeprogram-kubernetes] updated " + Repository.root().relativize(service.committedManifest()));
        }
        // Compared as data: quarkus-kubernetes does not keep the order of labels from one build to the next.
        assertThat(canonical(Files.exists(service.committedManifest()) ? Repository.read(service.committedManifest()) : ""))
                .as("%s differs from the manifest the build generates now; to take the new one, %s",
                        Repository.root().relativize(service.committedManifest()), HOW)
                .isEqualTo(canonical(generated));
    }

    /** The YAML documents as pretty JSON with map keys sorted, in the order of kind and name. */
    static String canonical(String yaml) {
        try (MappingIterator<Object> documents = YAML.readerFor(Object.class).readValues(yaml)) {
            List<Object> all = new ArrayList<>(documents.readAll());
            all.removeIf(java.util.Objects::isNull);
            all.forEach(GeneratedCopiesTest::sortPorts);
            all.sort(Comparator.comparing(GeneratedCopiesTest::identity));
            return CANONICAL.writeValueAsString(all);
        } catch (IOException e) {
            throw new UncheckedIOException("not YAML", e);
        }
    }

    /**
     * quarkus-kubernetes lists a container's ports (http, management) in an order that changes from one build to the
     * next; the order means nothing to Kubernetes, so it is compared sorted by name.
     */
    @SuppressWarnings("unchecked")
    private static void sortPorts(Object node) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if ("ports".equals(key) && value instanceof List<?> ports) {
                    ((List<Object>) ports).sort(Comparator.comparing(port -> port instanceof Map<?, ?> p
                            ? String.valueOf(p.get("name")) + "/" + p.get("containerPort") + "/" + p.get("port")
                            : String.valueOf(port)));
                }
                sortPorts(value);
            });
        } else if (node instanceof List<?> list) {
            list.forEach(GeneratedCopiesTest::sortPorts);
        }
    }

    private static String identity(Object document) {
        if (document instanceof Map<?, ?> map && map.get("metadata") instanceof Map<?, ?> metadata) {
            return map.get("kind") + "/" + metadata.get("name");
        }
        return String.valueOf(document);
    }

    @ParameterizedTest
    @EnumSource(RealmImports.Variant.class)
    void the_realm_import_is_made_from_the_realm_file(RealmImports.Variant variant) {
        String generated = RealmImports.render(variant);
        if (Repository.updating() && !(Files.exists(variant.file()) && Repository.read(variant.file()).equals(generated))) {
            Repository.write(variant.file(), generated);
            System.out.println("[homeprogram-kubernetes] updated " + Repository.root().relativize(variant.file()));
        }
        assertThat(Files.exists(variant.file()) ? Repository.read(variant.file()) : "")
                .as("%s is not what deploy/keycloak/homeprogram-realm.json makes now; %s",
                        Repository.root().relativize(variant.file()), HOW)
                .isEqualTo(generated);
    }
}
