package care.homeprogram.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * Issue #16, images: prod deploys each service image from the clinic's registry by its digest (a tag can be moved to
 * other content; a digest cannot), set per overlay by kustomize's images transformer; the services' ServiceAccounts
 * carry the registry's pull Secret.
 */
class ImagesTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** registry/path/name@sha256:<64 hex>, with no tag. */
    private static final Pattern BY_DIGEST = Pattern.compile("[a-z0-9.-]+(:[0-9]+)?(/[a-z0-9._-]+)+@sha256:[0-9a-f]{64}");

    static boolean pinnedByDigest(String image) {
        return BY_DIGEST.matcher(image).matches();
    }

    @Test
    void the_digest_rule_refuses_a_tag_alone_and_a_tag_beside_a_digest() {
        assertThat(pinnedByDigest("registry.example.org/homeprogram/portal:0.1.0")).isFalse();
        assertThat(pinnedByDigest("registry.example.org/homeprogram/portal")).isFalse();
        assertThat(pinnedByDigest("registry.example.org/homeprogram/portal:0.1.0@sha256:" + "a".repeat(64))).isFalse();
        assertThat(pinnedByDigest("registry.example.org:5000/homeprogram/portal@sha256:" + "a".repeat(64))).isTrue();
    }

    @Test
    void every_prod_container_runs_an_image_pinned_by_digest_from_the_clinics_registry() {
        for (Deployment deployment : Source.PROD.platform().deployments()) {
            for (Container container : WorkloadsTest.containers(deployment)) {
                assertThat(container.getImage())
                        .as("prod: %s of %s is pinned by digest (a tag alone is refused)", container.getName(),
                                deployment.getMetadata().getName())
                        .matches(BY_DIGEST)
                        .doesNotStartWith("docker.io/homeprogram/");
            }
        }
    }

    @Test
    void prods_images_transformer_names_registry_name_and_digest_and_no_tag() throws IOException {
        Map<String, Object> kustomization = YAML.readValue(Layout.PROD.resolve("kustomization.yaml").toFile(),
                new TypeReference<Map<String, Object>>() {
                });
        List<Map<String, Object>> images = OverlaysTest.list(kustomization.get("images"));
        assertThat(images).extracting(image -> image.get("name")).containsExactlyInAnyOrderElementsOf(
                Layout.SERVICE_NAMES.stream().map(name -> "docker.io/homeprogram/" + name).toList());
        for (Map<String, Object> image : images) {
            assertThat(image).as("prod images entry %s", image.get("name"))
                    .containsKeys("newName", "digest").doesNotContainKey("newTag");
            assertThat((String) image.get("digest")).matches("sha256:[0-9a-f]{64}");
        }
    }

    @ParameterizedTest
    @EnumSource(value = Source.class, names = {"DEV", "PROD"})
    void the_services_pull_with_the_registrys_secret(Source source) {
        Platform platform = source.platform();
        for (Deployment deployment : platform.deployments()) {
            String account = deployment.getSpec().getTemplate().getSpec().getServiceAccountName();
            ServiceAccount serviceAccount = platform.all(ServiceAccount.class).stream()
                    .filter(sa -> sa.getMetadata().getName().equals(account)).findFirst()
                    .orElseThrow(() -> new AssertionError(source + ": no ServiceAccount " + account));
            assertThat(serviceAccount.getImagePullSecrets()).as("%s: pull Secrets of %s", source, account)
                    .extracting(ref -> ref.getName()).containsExactly("homeprogram-registry");
        }
    }

    /**
     * Jib builds the images; Quarkus' defaults stamp the build time on the image and on every file in it, so two
     * builds of the same commit differ in digest. Each service fixes both to the Unix epoch, so a digest names its
     * sources (and the base image), and a rebuild can be checked against the digest prod runs.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void every_service_builds_a_reproducible_image(Layout.ServiceModule module) {
        java.nio.file.Path pom = Repository.root().resolve("services").resolve(module.directory()).resolve("pom.xml");
        assertThat(Repository.read(pom)).as("%s builds its image with Jib", module.name())
                .contains("<artifactId>quarkus-container-image-jib</artifactId>");
        java.util.Properties properties = new java.util.Properties();
        try (var in = java.nio.file.Files.newInputStream(Repository.root().resolve("services").resolve(module.directory())
                .resolve("src/main/resources/application.properties"))) {
            properties.load(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(properties).as("%s: image creation time and file times fixed", module.name())
                .containsEntry("quarkus.jib.use-current-timestamp", "false")
                .containsEntry("quarkus.jib.use-current-timestamp-file-modification", "false");
        assertThat(properties.stringPropertyNames()).as("%s: no profile turns them back on", module.name())
                .noneMatch(key -> key.startsWith("%") && key.contains("quarkus.jib.use-current-timestamp"));
    }

    /**
     * An image build that asks for an AOT cache (docs/deploy.md, "Images") gets a JDK 25 Leyden cache written inside the
     * base image at build time: a JDK 21 base would not read it (a cache fits only the JDK that wrote it). Every build
     * packages the aot-jar such a cache needs (every class on the JDK's class path), which the local launcher trains
     * its own cache for too; only the image build turns the cache on.
     */
    @ParameterizedTest
    @MethodSource("services")
    void every_service_image_can_carry_an_aot_cache_its_jdk_reads(Layout.ServiceModule module) {
        java.util.Properties properties = new java.util.Properties();
        try (var in = java.nio.file.Files.newInputStream(Repository.root().resolve("services").resolve(module.directory())
                .resolve("src/main/resources/application.properties"))) {
            properties.load(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(properties.getProperty("quarkus.jib.base-jvm-image")).as("%s: a JDK 25 base image", module.name())
                .startsWith("registry.access.redhat.com/ubi9/openjdk-25-runtime:");
        assertThat(properties).as("%s: a Leyden cache made at build time, in the base image", module.name())
                .containsEntry("quarkus.package.jar.aot.type", "aot")
                .containsEntry("quarkus.package.jar.aot.phase", "build")
                .doesNotContainKey("quarkus.package.jar.appcds.use-container");
        assertThat(properties).as("%s: packaged for a cache of all its classes", module.name())
                .containsEntry("quarkus.package.jar.type", "aot-jar");
        assertThat(properties.stringPropertyNames()).as("%s: only the image build turns it on", module.name())
                .noneMatch(key -> key.endsWith("quarkus.package.jar.aot.enabled")
                        || key.startsWith("%") && key.endsWith("quarkus.package.jar.type"));
    }

    static java.util.stream.Stream<Layout.ServiceModule> services() {
        return Layout.SERVICES.stream();
    }

    static List<String> pullSecrets(Platform platform) {
        return platform.all(ServiceAccount.class).stream()
                .flatMap(sa -> java.util.stream.Stream.ofNullable(sa.getImagePullSecrets()).flatMap(List::stream))
                .map(ref -> ref.getName()).distinct().toList();
    }

}
