package care.homeprogram.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

import care.homeprogram.kubernetes.NetworkPolicies.Endpoint;

/**
 * Issue #16, backups: the production cluster archives its WAL and takes scheduled base backups to an object store
 * (point-in-time recovery for the services' and Keycloak's databases, which share the cluster), with a retention
 * window; replication is synchronous; the instances reach the object store and nothing else on the internet; the
 * Kafka topics keep their events as long as docs/deploy.md says the clinic needs.
 */
class BackupsTest {
    private static final String PLUGIN = "barman-cloud.cloudnative-pg.io";

    @Test
    void prod_archives_wal_and_backs_up_nightly_to_an_object_store_with_a_retention_window() {
        Platform prod = Source.PROD.platform();
        Map<String, Object> cluster = OverlaysTest.spec(prod.customNamed("Cluster", "homeprogram-db"));
        List<Map<String, Object>> plugins = OverlaysTest.list(cluster.get("plugins"));
        Map<String, Object> archiver = plugins.stream().filter(plugin -> PLUGIN.equals(plugin.get("name")))
                .findFirst().orElseThrow(() -> new AssertionError("the cluster uses no " + PLUGIN));
        assertThat(archiver).as("the plugin archives the WAL").containsEntry("isWALArchiver", true);
        String storeName = (String) OverlaysTest.map(archiver.get("parameters")).get("barmanObjectName");
        GenericKubernetesResource store = prod.customNamed("ObjectStore", storeName);
        Map<String, Object> storeSpec = OverlaysTest.spec(store);
        assertThat((String) storeSpec.get("retentionPolicy")).as("the retention window").matches("[1-9][0-9]*[dwm]");
        Map<String, Object> configuration = OverlaysTest.map(storeSpec.get("configuration"));
        assertThat((String) configuration.get("destinationPath")).startsWith("s3://");
        assertThat(OverlaysTest.map(configuration.get("wal"))).containsKey("compression");
        assertThat(cluster).as("no deprecated in-tree barmanObjectStore beside the plugin").doesNotContainKey("backup");

        List<GenericKubernetesResource> schedules = prod.custom("ScheduledBackup");
        assertThat(schedules).as("a ScheduledBackup").hasSize(1);
        Map<String, Object> schedule = OverlaysTest.spec(schedules.get(0));
        assertThat(OverlaysTest.map(schedule.get("cluster"))).containsEntry("name", "homeprogram-db");
        assertThat(schedule).containsEntry("method", "plugin");
        assertThat(OverlaysTest.map(schedule.get("pluginConfiguration"))).containsEntry("name", PLUGIN);
        // CloudNativePG's cron has six fields, seconds first: a daily schedule names one hour.
        assertThat(((String) schedule.get("schedule")).split(" ")).as("a six-field daily schedule").hasSize(6)
                .satisfies(fields -> assertThat(fields[2]).matches("\\d+"));
        // Keycloak's database lives in the same cluster, so the same backups hold it.
        assertThat(OverlaysTest.map(OverlaysTest.spec(prod.customNamed("Keycloak", "homeprogram-keycloak"))
                .get("db"))).containsEntry("host", "homeprogram-db-rw");
    }

    @Test
    void prod_replicates_synchronously() {
        Map<String, Object> postgresql = OverlaysTest.map(OverlaysTest.spec(Source.PROD.platform()
                .customNamed("Cluster", "homeprogram-db")).get("postgresql"));
        Map<String, Object> synchronous = OverlaysTest.map(postgresql.get("synchronous"));
        assertThat(synchronous).containsEntry("method", "any").containsEntry("dataDurability", "required");
        assertThat(Capacity.intValue(synchronous, "number")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void the_instances_reach_the_object_store_and_not_the_rest_of_the_internet() {
        Platform prod = Source.PROD.platform();
        NetworkPolicies policies = new NetworkPolicies(prod.networkPolicies());
        String cidr = prod.configMap("homeprogram-network").orElseThrow().getData().get("object-store-cidr");
        String inside = cidr.split("/")[0].replaceAll("\\.0$", ".10");
        assertThat(policies.allows(NetworkFlowsTest.DATABASE, Endpoint.outside("the object store", inside), 443))
                .as("a PostgreSQL instance -> the object store %s:443", inside).isTrue();
        assertThat(policies.allows(NetworkFlowsTest.DATABASE, NetworkFlowsTest.INTERNET, 443))
                .as("a PostgreSQL instance -> elsewhere on the internet:443").isFalse();
        assertThat(policies.allows(NetworkFlowsTest.KAFKA, Endpoint.outside("the object store", inside), 443))
                .as("Kafka -> the object store").isFalse();
    }

    @Test
    void kafka_keeps_events_thirty_days_dead_letters_ninety_and_consumer_positions_as_long_as_the_events() {
        Platform prod = Source.PROD.platform();
        long longestEvents = 0;
        for (GenericKubernetesResource topic : prod.custom("KafkaTopic")) {
            Map<String, Object> config = OverlaysTest.map(OverlaysTest.spec(topic).get("config"));
            String name = topic.getMetadata().getName();
            assertThat(config).as("%s deletes by time", name).containsEntry("cleanup.policy", "delete");
            long retention = ((Number) config.get("retention.ms")).longValue();
            Duration expected = name.endsWith("-dlq") ? Duration.ofDays(90) : Duration.ofDays(30);
            assertThat(Duration.ofMillis(retention)).as("retention of %s", name).isEqualTo(expected);
            if (!name.endsWith("-dlq")) {
                longestEvents = Math.max(longestEvents, retention);
            }
        }
        Map<String, Object> config = OverlaysTest.map(OverlaysTest.map(OverlaysTest.spec(
                prod.customNamed("Kafka", "homeprogram-kafka")).get("kafka")).get("config"));
        assertThat(Duration.ofMinutes(Capacity.intValue(config, "offsets.retention.minutes")))
                .as("committed consumer positions outlive the events they point to")
                .isGreaterThanOrEqualTo(Duration.ofMillis(longestEvents));
    }
}
