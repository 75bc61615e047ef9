package care.homeprogram.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

import care.homeprogram.kubernetes.NetworkPolicies.Endpoint;

/**
 * Issue #16: every path the code uses has its NetworkPolicy, and no other. The REST clients and Kafka topics are read
 * from the services' sources ({@link CodePaths}), not listed by hand, so a client added to the code (as
 * plan-service's patient-service client for the FHIR export was) fails here until the policies allow it, and a
 * policy left behind by a removed client fails too. Kafka is checked twice: the brokers' port is open exactly to the
 * services that produce or consume, and each service's KafkaUser may write and read exactly its topics.
 */
class CodePathsTest {

    @Test
    void the_code_has_the_rest_clients_the_platform_is_built_around() {
        // A guard against a scan that silently finds nothing (a moved annotation, a renamed property).
        assertThat(CodePaths.restClients()).extracting(c -> c.caller() + " -> " + c.callee())
                .contains("portal -> patient-service", "portal -> plan-service", "portal -> notification-service",
                        "plan-service -> patient-service");
        assertThat(CodePaths.consumed(Layout.service("plan-service"))).contains("patient-events");
        assertThat(CodePaths.produced(Layout.service("patient-service"))).contains("patient-events");
    }

    @ParameterizedTest
    @EnumSource(Source.class)
    void a_service_reaches_another_exactly_when_it_has_a_rest_client_for_it(Source source) {
        Platform platform = source.platform();
        NetworkPolicies policies = new NetworkPolicies(NetworkFlowsTest.policies(source, platform));
        Set<String> expected = CodePaths.restClients().stream().map(c -> c.caller() + " -> " + c.callee() + ":" + c.port())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> allowed = new TreeSet<>();
        for (Layout.ServiceModule from : Layout.SERVICES) {
            for (Layout.ServiceModule to : Layout.SERVICES) {
                if (from != to && policies.allows(pod(platform, from), pod(platform, to), to.port())) {
                    allowed.add(from.name() + " -> " + to.name() + ":" + to.port());
                }
            }
        }
        assertThat(allowed).as("%s: the service-to-service paths the NetworkPolicies open", source)
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(value = Source.class, names = {"DEV", "PROD"})
    void each_rest_client_is_configured_with_the_address_of_the_service_it_calls(Source source) {
        Platform platform = source.platform();
        for (CodePaths.RestClient client : CodePaths.restClients()) {
            Map<String, String> environment = platform.plainEnvironment(
                    Platform.onlyContainer(platform.deployment(client.caller())));
            String variable = "QUARKUS_REST_CLIENT_" + client.configKey().toUpperCase().replace('-', '_') + "_URL";
            assertThat(environment.get(variable)).as("%s: %s of %s", source, variable, client.caller())
                    .isEqualTo("http://" + client.callee());
        }
        Set<String> clientVariables = CodePaths.restClients().stream()
                .map(c -> "QUARKUS_REST_CLIENT_" + c.configKey().toUpperCase().replace('-', '_') + "_URL")
                .collect(Collectors.toSet());
        for (String name : Layout.SERVICE_NAMES) {
            assertThat(platform.plainEnvironment(Platform.onlyContainer(platform.deployment(name))).keySet())
                    .as("%s: %s is configured for no REST client the code does not have", source, name)
                    .filteredOn(key -> key.startsWith("QUARKUS_REST_CLIENT_") && key.endsWith("_URL"))
                    .allMatch(clientVariables::contains);
        }
    }

    @ParameterizedTest
    @EnumSource(Source.class)
    void the_brokers_are_reachable_exactly_from_the_services_that_produce_or_consume(Source source) {
        Platform platform = source.platform();
        NetworkPolicies policies = new NetworkPolicies(NetworkFlowsTest.policies(source, platform));
        for (Layout.ServiceModule service : Layout.SERVICES) {
            assertThat(policies.allows(pod(platform, service), NetworkFlowsTest.KAFKA, 9093))
                    .as("%s: %s (topics written %s, read %s) reaches the brokers", source, service.name(),
                            CodePaths.writes(service), CodePaths.reads(service))
                    .isEqualTo(CodePaths.usesKafka(service));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Source.class, names = {"DEV", "PROD"})
    void each_kafka_user_may_write_and_read_exactly_the_topics_of_its_code(Source source) {
        Platform platform = source.platform();
        Set<String> allTopics = new TreeSet<>();
        for (Layout.ServiceModule service : Layout.SERVICES) {
            allTopics.addAll(CodePaths.writes(service));
            allTopics.addAll(CodePaths.reads(service));
            if (!CodePaths.usesKafka(service)) {
                assertThat(platform.custom("KafkaUser")).as("%s: no Kafka user for %s", source, service.name())
                        .noneMatch(user -> user.getMetadata().getName().equals(service.name()));
                continue;
            }
            GenericKubernetesResource user = platform.customNamed("KafkaUser", service.name());
            Map<String, Set<String>> topics = KafkaSecurityTest.topicsByOperation(user);
            assertThat(topics.getOrDefault("Write", Set.of())).as("%s: topics %s may write", source, service.name())
                    .isEqualTo(CodePaths.writes(service));
            assertThat(topics.getOrDefault("Read", Set.of())).as("%s: topics %s may read", source, service.name())
                    .isEqualTo(CodePaths.reads(service));
        }
        assertThat(platform.custom("KafkaTopic")).extracting(topic -> topic.getMetadata().getName())
                .as("%s: the KafkaTopics are the code's topics", source)
                .containsExactlyInAnyOrderElementsOf(allTopics);
    }

    private static Endpoint pod(Platform platform, Layout.ServiceModule service) {
        return Endpoint.pod(service.name(),
                platform.deployment(service.name()).getSpec().getTemplate().getMetadata().getLabels());
    }
}
