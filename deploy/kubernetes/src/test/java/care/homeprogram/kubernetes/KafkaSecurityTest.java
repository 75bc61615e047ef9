package care.homeprogram.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/**
 * The event bus on Kubernetes is authenticated and authorised (docs/security.md#event-bus-authentication): every
 * listener of the Kafka cluster authenticates its clients and is reachable from the three services' pods only (a
 * listener without networkPolicyPeers makes Strimzi open its port to every pod); nothing is allowed without an ACL;
 * each service has a KafkaUser that may write only the topics it produces (a forged CareTeamChanged on
 * patient-events would open any patient's record in plan-service) and read only those it consumes; and each service
 * connects over TLS with the Secret of its own KafkaUser.
 */
class KafkaSecurityTest {
    private static final Set<String> SERVICES = Set.of("patient-service", "plan-service", "notification-service");
    /** docs/events.md: what each service produces (its dead letters included) and consumes. */
    private static final Map<String, Set<String>> WRITES = Map.of(
            "patient-service", Set.of("patient-events"),
            "plan-service", Set.of("plan-events", "patient-events-dlq"),
            "notification-service", Set.of("patient-events-dlq", "plan-events-dlq"));
    private static final Map<String, Set<String>> READS = Map.of(
            "patient-service", Set.of(),
            "plan-service", Set.of("patient-events", "patient-events-dlq"),
            "notification-service", Set.of("patient-events", "plan-events", "patient-events-dlq", "plan-events-dlq"));

    @ParameterizedTest
    @EnumSource(value = Source.class, names = {"DEV", "PROD"})
    void every_listener_authenticates_and_admits_only_the_services_pods(Source source) {
        Map<String, Object> kafka = OverlaysTest.map(OverlaysTest.spec(
                source.platform().customNamed("Kafka", "homeprogram-kafka")).get("kafka"));
        assertThat(OverlaysTest.map(kafka.get("authorization"))).as("%s: the cluster's authorizer", source)
                .containsEntry("type", "simple");
        assertThat(OverlaysTest.map(kafka.get("config"))).as("%s: nothing without an ACL", source)
                .doesNotContainEntry("allow.everyone.if.no.acl.found", "true")
                .doesNotContainEntry("allow.everyone.if.no.acl.found", true);
        List<Map<String, Object>> listeners = list(kafka.get("listeners"));
        assertThat(listeners).as("%s: listeners", source).isNotEmpty();
        for (Map<String, Object> listener : listeners) {
            assertThat(listener.get("tls")).as("%s: listener %s uses TLS", source, listener.get("name"))
                    .isEqualTo(true);
            assertThat(OverlaysTest.map(listener.get("authentication"))).as("%s: listener %s authenticates",
                    source, listener.get("name")).containsEntry("type", "scram-sha-512");
            List<Map<String, Object>> peers = list(listener.get("networkPolicyPeers"));
            Set<String> admitted = new HashSet<>();
            for (Map<String, Object> peer : peers) {
                assertThat(peer).as("%s: a peer of listener %s is a pod of this namespace", source,
                        listener.get("name")).containsOnlyKeys("podSelector");
                Map<String, Object> labels = OverlaysTest.map(OverlaysTest.map(peer.get("podSelector"))
                        .get("matchLabels"));
                assertThat(labels).as("%s: a peer selects one service by name", source)
                        .containsOnlyKeys("app.kubernetes.io/name");
                admitted.add((String) labels.get("app.kubernetes.io/name"));
            }
            assertThat(admitted).as("%s: the pods listener %s admits", source, listener.get("name"))
                    .isEqualTo(SERVICES);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Source.class, names = {"DEV", "PROD"})
    void each_service_user_writes_only_its_own_topics_and_reads_only_what_it_consumes(Source source) {
        Platform platform = source.platform();
        assertThat(platform.custom("KafkaUser")).extracting(user -> user.getMetadata().getName())
                .as("%s: one KafkaUser per service", source).containsExactlyInAnyOrderElementsOf(SERVICES);
        for (GenericKubernetesResource user : platform.custom("KafkaUser")) {
            String name = user.getMetadata().getName();
            assertThat(user.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "homeprogram-kafka");
            Map<String, Object> spec = OverlaysTest.spec(user);
            assertThat(OverlaysTest.map(spec.get("authentication"))).containsEntry("type", "scram-sha-512");
            Map<String, Object> authorization = OverlaysTest.map(spec.get("authorization"));
            assertThat(authorization).containsEntry("type", "simple");
            Map<String, Set<String>> topics = topicsByOperation(user);
            assertThat(topics.getOrDefault("Write", Set.of())).as("%s: the topics %s may write", source, name)
                    .isEqualTo(WRITES.get(name));
            assertThat(topics.getOrDefault("Read", Set.of())).as("%s: the topics %s may read", source, name)
                    .isEqualTo(READS.get(name));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Source.class, names = {"GENERATED", "DEV", "PROD"})
    void each_service_connects_over_tls_as_its_own_user(Source source) {
        Platform platform = source.platform();
        for (String name : SERVICES) {
            Container container = Platform.onlyContainer(platform.deployment(name));
            Map<String, EnvVar> env = new HashMap<>();
            container.getEnv().forEach(variable -> env.put(variable.getName(), variable));
            assertThat(env.get("KAFKA_SASL_JAAS_CONFIG").getValueFrom().getSecretKeyRef())
                    .as("%s: %s's Kafka credentials", source, name)
                    .satisfies(ref -> {
                        assertThat(ref.getName()).isEqualTo(name);
                        assertThat(ref.getKey()).isEqualTo("sasl.jaas.config");
                    });
            assertThat(env.get("KAFKA_SSL_TRUSTSTORE_CERTIFICATES").getValueFrom().getSecretKeyRef())
                    .as("%s: %s trusts the cluster CA", source, name)
                    .satisfies(ref -> {
                        assertThat(ref.getName()).isEqualTo("homeprogram-kafka-cluster-ca-cert");
                        assertThat(ref.getKey()).isEqualTo("ca.crt");
                    });
            if (source.rendered()) {
                assertThat(platform.plainEnvironment(container)).as("%s: %s's Kafka client", source, name)
                        .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "homeprogram-kafka-kafka-bootstrap:9093")
                        .containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                        .containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")
                        .containsEntry("KAFKA_SSL_TRUSTSTORE_TYPE", "PEM");
            }
        }
    }

    /** The topics a KafkaUser's ACLs allow, by operation; its ACLs only allow, name resources literally, and its groups are its own. */
    static Map<String, Set<String>> topicsByOperation(GenericKubernetesResource user) {
        String name = user.getMetadata().getName();
        Map<String, Object> authorization = OverlaysTest.map(OverlaysTest.spec(user).get("authorization"));
        Map<String, Set<String>> topics = new HashMap<>();
        for (Map<String, Object> acl : list(authorization.get("acls"))) {
            Map<String, Object> resource = OverlaysTest.map(acl.get("resource"));
            assertThat(resource).as("%s's ACLs name each resource literally", name)
                    .containsEntry("patternType", "literal");
            assertThat(acl.get("type")).as("%s's ACLs only allow", name).isIn(null, "allow");
            @SuppressWarnings("unchecked")
            List<String> operations = (List<String>) acl.get("operations");
            assertThat(operations).as("%s's operations", name).isSubsetOf("Read", "Write", "Describe");
            if ("group".equals(resource.get("type"))) {
                assertThat((String) resource.get("name")).as("%s's consumer groups are its own", name).startsWith(name);
                continue;
            }
            assertThat(resource.get("type")).as("%s's ACL resources", name).isEqualTo("topic");
            for (String operation : operations) {
                topics.computeIfAbsent(operation, o -> new HashSet<>()).add((String) resource.get("name"));
            }
        }
        return topics;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }
}
