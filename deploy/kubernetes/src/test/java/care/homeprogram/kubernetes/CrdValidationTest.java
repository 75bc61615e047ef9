package care.homeprogram.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;

/**
 * The custom resources of the rendered overlays validate against the CRDs committed under src/test/resources/crds
 * (their source and version in the README there), failing on unknown fields: a misspelt or misplaced field, which
 * the API server would silently drop, fails here.
 */
class CrdValidationTest {

    @ParameterizedTest
    @EnumSource(value = Source.class, names = {"DEV", "PROD"})
    void every_custom_resource_with_a_committed_crd_validates_against_it(Source source) {
        List<String> errors = new ArrayList<>();
        int validated = 0;
        Set<String> kinds = new TreeSet<>();
        for (GenericKubernetesResource resource : source.platform().all(GenericKubernetesResource.class)) {
            if (CrdSchemas.has(resource.getApiVersion(), resource.getKind())) {
                errors.addAll(CrdSchemas.validate(resource));
                kinds.add(resource.getKind());
                validated++;
            }
        }
        System.out.println("[homeprogram-kubernetes] " + source + ": " + validated + " custom resources validated against "
                + "their CRDs");
        assertThat(errors).as("%s: schema violations", source).isEmpty();
        // Every operator's resources had their CRD: none was skipped for want of one.
        assertThat(kinds).as("%s: kinds validated against a committed CRD", source)
                .contains("Keycloak", "KeycloakRealmImport", "Cluster", "Kafka", "KafkaNodePool", "KafkaTopic");
        if (source == Source.PROD) {
            assertThat(validated).as("prod's PodMonitors and PrometheusRule were validated").isGreaterThanOrEqualTo(5);
        }
    }

    @Test
    void the_validator_refuses_an_unknown_field_a_wrong_type_and_a_missing_required_field() {
        GenericKubernetesResource monitor = new GenericKubernetesResourceBuilder()
                .withApiVersion("monitoring.coreos.com/v1").withKind("PodMonitor")
                .withNewMetadata().withName("probe").endMetadata()
                .addToAdditionalProperties("spec", Map.of(
                        "selector", Map.of("matchLabels", Map.of("a", "b")),
                        "podMetricsEndpoints", List.of(Map.of("port", "management", "scrapeEvery", "30s")),
                        "sampleLimit", "lots"))
                .build();
        assertThat(CrdSchemas.validate(monitor))
                .anyMatch(error -> error.contains("unknown field scrapeEvery"))
                .anyMatch(error -> error.contains(".spec.sampleLimit: not an integer"));
        GenericKubernetesResource rule = new GenericKubernetesResourceBuilder()
                .withApiVersion("monitoring.coreos.com/v1").withKind("PrometheusRule")
                .withNewMetadata().withName("probe").endMetadata()
                .addToAdditionalProperties("spec", Map.of("groups", List.of(Map.of("rules", List.of()))))
                .build();
        assertThat(CrdSchemas.validate(rule)).anyMatch(error -> error.contains("missing required field name"));
    }

    @Test
    void a_keycloak_with_a_misplaced_field_or_the_deprecated_api_version_is_refused() {
        // poolMaxSize belongs under spec.db; at spec it would be pruned by the API server and Keycloak would open
        // its default pool of 100 connections per pod.
        GenericKubernetesResource misplaced = new GenericKubernetesResourceBuilder()
                .withApiVersion("k8s.keycloak.org/v2beta1").withKind("Keycloak")
                .withNewMetadata().withName("probe").endMetadata()
                .addToAdditionalProperties("spec", Map.of("instances", 2, "poolMaxSize", 30,
                        "db", Map.of("vendor", "postgres", "poolMaxSize", "thirty")))
                .build();
        assertThat(CrdSchemas.validate(misplaced))
                .anyMatch(error -> error.contains(".spec: unknown field poolMaxSize"))
                .anyMatch(error -> error.contains(".spec.db.poolMaxSize: not an integer"));
        GenericKubernetesResource deprecated = new GenericKubernetesResourceBuilder()
                .withApiVersion("k8s.keycloak.org/v2alpha1").withKind("Keycloak")
                .withNewMetadata().withName("probe").endMetadata()
                .addToAdditionalProperties("spec", Map.of("instances", 2))
                .build();
        assertThat(CrdSchemas.validate(deprecated)).anyMatch(error -> error.contains("v2alpha1 is deprecated"));
        GenericKubernetesResource realmImport = new GenericKubernetesResourceBuilder()
                .withApiVersion("k8s.keycloak.org/v2beta1").withKind("KeycloakRealmImport")
                .withNewMetadata().withName("probe").endMetadata()
                .addToAdditionalProperties("spec", Map.of("keycloakCRName", "homeprogram-keycloak",
                        "realm", Map.of("realm", "homeprogram", "sslRequired", "external", "loginTheme", 3,
                                "clientz", List.of())))
                .build();
        assertThat(CrdSchemas.validate(realmImport))
                .anyMatch(error -> error.contains(".spec.realm: unknown field clientz"))
                .anyMatch(error -> error.contains(".spec.realm.loginTheme: not a string"));
    }
}
