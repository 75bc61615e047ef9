package care.homeprogram.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;

/**
 * Every manifest file in git (deploy/kubernetes, without the kustomization files) and every manifest the build
 * generates (services/*&#47;target/kubernetes) parses into typed fabric8 objects, uses an API version that is
 * served (built-in, or by the documented operator version), and carries no secret value. Needs no kubectl.
 */
class ManifestFilesTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static Stream<Path> manifestFiles() {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(Repository.kubernetes())) {
            walk.filter(Files::isRegularFile)
                    .filter(file -> !file.startsWith(Repository.kubernetes().resolve("target")))
                    .filter(file -> !file.startsWith(Repository.kubernetes().resolve("src")))
                    .filter(file -> file.toString().endsWith(".yaml") || file.toString().endsWith(".yml"))
                    .filter(file -> !file.getFileName().toString().equals("kustomization.yaml"))
                    // Files a configMapGenerator reads (e.g. Kafka's JMX exporter rules) are configuration, not manifests.
                    .filter(file -> !file.getParent().getFileName().toString().equals("config"))
                    .sorted()
                    .forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Layout.SERVICES.stream().map(Layout.ServiceModule::generatedManifest).filter(Files::exists).forEach(files::add);
        return files.stream();
    }

    static Stream<Path> kustomizations() throws IOException {
        try (Stream<Path> walk = Files.walk(Repository.kubernetes())) {
            return walk.filter(file -> file.getFileName().toString().equals("kustomization.yaml")).sorted().toList()
                    .stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("manifestFiles")
    void parses_into_typed_objects_on_served_api_versions_without_secret_values(Path file) {
        Platform manifests = Platform.parseFile(file);
        assertThat(manifests.resources()).as("%s holds no resource", file).isNotEmpty();
        for (HasMetadata resource : manifests.resources()) {
            String what = resource.getKind() + " " + resource.getMetadata().getName() + " in " + file;
            if (resource instanceof GenericKubernetesResource) {
                assertThat(Operators.serving(resource.getApiVersion(), resource.getKind()))
                        .as("%s (%s) is served by no documented operator version %s", what, resource.getApiVersion(),
                                Operators.ALL)
                        .isPresent();
            } else {
                assertThat(resource.getApiVersion())
                        .as("%s: built-in kinds on the stable API version", what)
                        .isEqualTo(Operators.BUILT_IN.get(resource.getKind()));
            }
            if (resource instanceof Secret secret) {
                assertThat(secret.getData()).as("%s carries data in git", what).isNullOrEmpty();
                assertThat(secret.getStringData()).as("%s carries data in git", what).isNullOrEmpty();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kustomizations")
    void no_kustomization_generates_a_secret_from_git(Path kustomization) throws IOException {
        Map<String, Object> content = YAML.readValue(kustomization.toFile(),
                new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {
                });
        assertThat(content).as("%s", kustomization).doesNotContainKey("secretGenerator");
    }

    @Test
    void no_secret_value_is_committed_anywhere_under_deploy_kubernetes() {
        List<String> offending = manifestFiles()
                .filter(file -> Repository.read(file).contains("-demo-secret"))
                .map(Path::toString)
                .toList();
        assertThat(offending).as("files holding the realm's demo client secrets").isEmpty();
    }
}
