package care.homeprogram.kubernetes;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The operators docs/deploy.md tells to install, at the versions it names, and the custom resources (API version
 * and kinds) that version serves; plus the stable built-in APIs the manifests may use.
 */
final class Operators {
    record Operator(String name, String version, String apiVersion, Set<String> kinds) {
    }

    static final List<Operator> ALL = List.of(
            // Keycloak Operator 26.6 and newer serve Keycloak and KeycloakRealmImport as k8s.keycloak.org/v2beta1
            // (the stored version); v2alpha1 is still served but deprecated ("Please migrate to v2beta1").
            new Operator("Keycloak Operator", "26.7.3", "k8s.keycloak.org/v2beta1",
                    Set.of("Keycloak", "KeycloakRealmImport")),
            // CloudNativePG 1.27 serves postgresql.cnpg.io/v1; the Database kind exists since 1.25.
            new Operator("CloudNativePG", "1.27.0", "postgresql.cnpg.io/v1", Set.of("Cluster", "Database",
                    "ScheduledBackup")),
            // Its Barman Cloud Plugin (0.11 needs CloudNativePG 1.26 or newer, and cert-manager) serves the
            // ObjectStore the cluster archives WAL and base backups to.
            new Operator("Barman Cloud Plugin", "0.11.0", "barmancloud.cnpg.io/v1", Set.of("ObjectStore")),
            // Strimzi 0.48 serves kafka.strimzi.io/v1beta2, KRaft only, node pools on by default
            // (0.49 to 0.51 still serve v1beta2 beside v1; 1.0 serves v1 only).
            new Operator("Strimzi", "0.48.0", "kafka.strimzi.io/v1beta2", Set.of("Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser")),
            // The Prometheus Operator (e.g. of kube-prometheus-stack): the monitoring of prod. Its CRDs of this
            // version are committed under src/test/resources/crds and the resources validated against them.
            new Operator("Prometheus Operator", "0.93.0", "monitoring.coreos.com/v1",
                    Set.of("PodMonitor", "ServiceMonitor", "PrometheusRule")));

    /** Built-in kinds by the API version every supported Kubernetes (1.27 and newer) serves for them. */
    static final Map<String, String> BUILT_IN = Map.ofEntries(
            Map.entry("Namespace", "v1"),
            Map.entry("ConfigMap", "v1"),
            Map.entry("Service", "v1"),
            Map.entry("ServiceAccount", "v1"),
            Map.entry("Deployment", "apps/v1"),
            Map.entry("Ingress", "networking.k8s.io/v1"),
            Map.entry("NetworkPolicy", "networking.k8s.io/v1"),
            Map.entry("Role", "rbac.authorization.k8s.io/v1"),
            Map.entry("RoleBinding", "rbac.authorization.k8s.io/v1"),
            Map.entry("PodDisruptionBudget", "policy/v1"),
            Map.entry("HorizontalPodAutoscaler", "autoscaling/v2"));

    private Operators() {
    }

    static Optional<Operator> serving(String apiVersion, String kind) {
        return ALL.stream().filter(o -> o.apiVersion().equals(apiVersion) && o.kinds().contains(kind)).findFirst();
    }
}
