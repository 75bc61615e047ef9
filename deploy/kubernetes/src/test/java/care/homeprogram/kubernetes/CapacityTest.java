package care.homeprogram.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * Issue #16, capacity: autoscalers own their Deployments' replicas; PostgreSQL's max_connections holds every pool at
 * the autoscalers' maxima (the arithmetic of docs/deploy.md, "Connection budget", computed on the rendered
 * manifests); Keycloak runs at its documented baseline with a disruption budget; Kafka and PostgreSQL spread across
 * zones, Kafka with rack awareness.
 */
class CapacityTest {
    /** Flyway migrates at start-up over a connection of its own (the owner role's), beside the pool. */
    private static final int FLYWAY_CONNECTIONS = 1;
    /**
     * CloudNativePG's own sessions on each instance beside the superuser reserve: the instance manager's status and
     * metrics-exporter queries, and an online backup's session.
     */
    private static final int CLOUDNATIVEPG_SESSIONS = 5;
    /** PostgreSQL's default for superuser_reserved_connections. */
    private static final int DEFAULT_SUPERUSER_RESERVED = 3;

    @Test
    void autoscaled_deployments_leave_their_replicas_to_the_autoscaler() {
        Platform prod = Source.PROD.platform();
        List<HorizontalPodAutoscaler> autoscalers = prod.all(HorizontalPodAutoscaler.class);
        assertThat(autoscalers).isNotEmpty();
        for (HorizontalPodAutoscaler hpa : autoscalers) {
            Deployment deployment = prod.deployment(hpa.getSpec().getScaleTargetRef().getName());
            assertThat(deployment.getSpec().getReplicas())
                    .as("prod: %s is scaled by its HorizontalPodAutoscaler, so it sets no replicas (each apply would "
                            + "reset the scaled pods)", deployment.getMetadata().getName())
                    .isNull();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Source.class, names = {"DEV", "PROD"})
    void every_pool_at_the_autoscalers_maxima_fits_postgresqls_max_connections(Source source) {
        Platform platform = source.platform();
        Map<String, Object> postgresql = OverlaysTest.map(OverlaysTest.spec(
                platform.customNamed("Cluster", "homeprogram-db")).get("postgresql"));
        Map<String, Object> parameters = OverlaysTest.map(postgresql.get("parameters"));
        int maxConnections = Capacity.intValue(parameters, "max_connections");
        int superuserReserved = parameters.containsKey("superuser_reserved_connections")
                ? Capacity.intValue(parameters, "superuser_reserved_connections") : DEFAULT_SUPERUSER_RESERVED;
        int reserved = parameters.containsKey("reserved_connections")
                ? Capacity.intValue(parameters, "reserved_connections") : 0;

        StringBuilder arithmetic = new StringBuilder(source + " connection budget:");
        int total = 0;
        for (Deployment deployment : platform.deployments()) {
            Map<String, String> environment = platform.plainEnvironment(Platform.onlyContainer(deployment));
            if (!environment.containsKey("QUARKUS_DATASOURCE_JDBC_URL")) {
                continue;
            }
            String pool = environment.get("QUARKUS_DATASOURCE_JDBC_MAX_SIZE");
            assertThat(pool).as("%s: %s sets its pool size (Quarkus's default 20 is not budgeted)", source,
                    deployment.getMetadata().getName()).isNotBlank();
            int pods = Capacity.peakPods(platform, deployment);
            int connections = pods * (Integer.parseInt(pool) + FLYWAY_CONNECTIONS);
            arithmetic.append(String.format("%n  %s: %d pods (autoscaler maximum or replicas, plus surge) x (pool %s "
                    + "+ Flyway %d) = %d", deployment.getMetadata().getName(), pods, pool, FLYWAY_CONNECTIONS,
                    connections));
            total += connections;
        }
        Map<String, Object> keycloak = OverlaysTest.spec(platform.customNamed("Keycloak", "homeprogram-keycloak"));
        Map<String, Object> keycloakDb = OverlaysTest.map(keycloak.get("db"));
        assertThat(keycloakDb).as("%s: Keycloak's pool is set (its default is 100 per pod)", source)
                .containsKey("poolMaxSize");
        int keycloakPool = Capacity.intValue(keycloakDb, "poolMaxSize");
        // The operator's realm-import Job runs one more Keycloak with the same database settings.
        int keycloakPods = Capacity.intValue(keycloak, "instances") + platform.custom("KeycloakRealmImport").size();
        int keycloakConnections = keycloakPods * keycloakPool;
        arithmetic.append(String.format("%n  Keycloak: %d pods (instances + realm-import Job) x pool %d = %d",
                keycloakPods, keycloakPool, keycloakConnections));
        total += keycloakConnections;
        int cloudNativePg = superuserReserved + reserved + CLOUDNATIVEPG_SESSIONS;
        arithmetic.append(String.format("%n  reserved: superuser %d + reserved %d + CloudNativePG's own %d = %d",
                superuserReserved, reserved, CLOUDNATIVEPG_SESSIONS, cloudNativePg));
        total += cloudNativePg;
        arithmetic.append(String.format("%n  total %d of max_connections %d", total, maxConnections));
        System.out.println("[homeprogram-kubernetes] " + arithmetic);
        assertThat(total).as("%s", arithmetic).isLessThanOrEqualTo(maxConnections);
    }

    @Test
    void keycloak_runs_at_its_documented_baseline_with_a_disruption_budget() {
        Platform prod = Source.PROD.platform();
        GenericKubernetesResource keycloak = prod.customNamed("Keycloak", "homeprogram-keycloak");
        Map<String, Object> resources = OverlaysTest.map(OverlaysTest.spec(keycloak).get("resources"));
        Quantity request = new Quantity(OverlaysTest.map(resources.get("requests")).get("memory").toString());
        Quantity limit = new Quantity(OverlaysTest.map(resources.get("limits")).get("memory").toString());
        // Keycloak's sizing guide: 1250 MB per pod, limit (1250 MB - 300 MB non-heap) / 0.7.
        assertThat(Quantity.getAmountInBytes(request).longValue()).as("Keycloak's memory request")
                .isGreaterThanOrEqualTo(1_250_000_000L);
        assertThat(Quantity.getAmountInBytes(limit).longValue()).as("Keycloak's memory limit")
                .isGreaterThanOrEqualTo(1_357_000_000L);
        int instances = Capacity.intValue(OverlaysTest.spec(keycloak), "instances");
        Map<String, String> podLabels = Map.of("app", "keycloak", "app.kubernetes.io/instance", "homeprogram-keycloak",
                "app.kubernetes.io/managed-by", "keycloak-operator");
        assertThat(prod.all(PodDisruptionBudget.class)).as("a PodDisruptionBudget for Keycloak's pods")
                .anyMatch(budget -> NetworkPolicies.selects(budget.getSpec().getSelector(), podLabels)
                        && (budget.getSpec().getMaxUnavailable() != null
                                ? budget.getSpec().getMaxUnavailable().getIntVal() < instances
                                : budget.getSpec().getMinAvailable().getIntVal() >= 1));
    }

    @Test
    void kafka_and_postgresql_spread_across_zones_and_kafka_knows_its_racks() {
        Platform prod = Source.PROD.platform();
        Map<String, Object> kafka = OverlaysTest.map(OverlaysTest.spec(prod.customNamed("Kafka", "homeprogram-kafka"))
                .get("kafka"));
        assertThat(OverlaysTest.map(kafka.get("rack"))).as("Kafka's rack awareness")
                .containsEntry("topologyKey", "topology.kubernetes.io/zone");
        Map<String, Object> pool = OverlaysTest.spec(prod.customNamed("KafkaNodePool", "dual-role"));
        List<Map<String, Object>> kafkaSpread = OverlaysTest.list(OverlaysTest.map(OverlaysTest.map(
                pool.get("template")).get("pod")).get("topologySpreadConstraints"));
        assertThat(kafkaSpread).as("the brokers spread across zones")
                .anyMatch(constraint -> "topology.kubernetes.io/zone".equals(constraint.get("topologyKey"))
                        && OverlaysTest.map(OverlaysTest.map(constraint.get("labelSelector")).get("matchLabels"))
                                .equals(Map.of("strimzi.io/cluster", "homeprogram-kafka", "strimzi.io/pool-name", "dual-role")));
        Map<String, Object> cluster = OverlaysTest.spec(prod.customNamed("Cluster", "homeprogram-db"));
        assertThat(OverlaysTest.list(cluster.get("topologySpreadConstraints"))).as("PostgreSQL spreads across zones")
                .anyMatch(constraint -> "topology.kubernetes.io/zone".equals(constraint.get("topologyKey"))
                        && OverlaysTest.map(OverlaysTest.map(constraint.get("labelSelector")).get("matchLabels"))
                                .equals(Map.of("cnpg.io/cluster", "homeprogram-db")));
        assertThat(OverlaysTest.map(cluster.get("affinity"))).as("never two PostgreSQL instances on one node")
                .containsEntry("enablePodAntiAffinity", true).containsEntry("podAntiAffinityType", "required");
    }
}
