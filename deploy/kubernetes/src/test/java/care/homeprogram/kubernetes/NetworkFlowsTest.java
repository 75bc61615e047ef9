package care.homeprogram.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;

import care.homeprogram.kubernetes.NetworkPolicies.Endpoint;

/**
 * The traffic the NetworkPolicies allow, evaluated on the policies themselves: default deny; the ingress
 * controller -> portal, services, Keycloak; portal -> services; services -> their database, Kafka, Keycloak;
 * notification-service -> SMTP; and nothing else. GENERATED checks base/network-policies.yaml against the pod
 * labels of the generated manifests (no kubectl needed); DEV and PROD check the rendered overlays.
 */
class NetworkFlowsTest {
    private static final Endpoint INGRESS_CONTROLLER = Endpoint.podIn("ingress-nginx", "the ingress controller",
            Map.of("app.kubernetes.io/name", "ingress-nginx"));
    private static final Endpoint OTHER_NAMESPACE = Endpoint.podIn("someone-else", "a pod of another namespace",
            Map.of("app", "anything"));
    private static final Endpoint DATABASE = Endpoint.pod("a PostgreSQL instance", Map.of("cnpg.io/cluster",
            "homeprogram-db", "cnpg.io/podRole", "instance", "cnpg.io/instanceName", "homeprogram-db-1", "role", "primary"));
    private static final Endpoint KAFKA = Endpoint.pod("a Kafka broker", Map.of("strimzi.io/cluster",
            "homeprogram-kafka", "strimzi.io/kind", "Kafka", "strimzi.io/name", "homeprogram-kafka-kafka",
            "strimzi.io/pool-name", "dual-role", "strimzi.io/broker-role", "true"));
    private static final Endpoint KEYCLOAK = Endpoint.pod("a Keycloak pod", Map.of("app", "keycloak",
            "app.kubernetes.io/instance", "homeprogram-keycloak", "app.kubernetes.io/managed-by", "keycloak-operator"));
    private static final Endpoint REALM_IMPORT = Endpoint.pod("the realm-import Job", Map.of("app",
            "keycloak-realm-import", "app.kubernetes.io/instance", "homeprogram-keycloak",
            "app.kubernetes.io/managed-by", "keycloak-operator"));
    private static final Endpoint KEYCLOAK_OPERATOR = Endpoint.pod("the Keycloak Operator",
            Map.of("app.kubernetes.io/name", "keycloak-operator"));
    private static final Endpoint SMTP = Endpoint.outside("the clinic's SMTP relay", "203.0.113.25");
    private static final Endpoint API_SERVER = Endpoint.outside("the Kubernetes API", "10.96.0.1");
    private static final Endpoint DNS = Endpoint.podIn("kube-system", "cluster DNS", Map.of("k8s-app", "kube-dns"));

    @ParameterizedTest
    @EnumSource(Source.class)
    void the_allowed_flows_are_open(Source source) {
        Flows flows = flows(source);
        Endpoint portal = flows.service("portal");
        for (String name : List.of("patient-service", "plan-service", "notification-service")) {
            Endpoint service = flows.service(name);
            int port = Layout.service(name).port();
            flows.assertAllowed(INGRESS_CONTROLLER, service, port);
            flows.assertAllowed(portal, service, port);
            flows.assertAllowed(service, DATABASE, 5432);
            flows.assertAllowed(service, KAFKA, 9092);
            flows.assertAllowed(service, KEYCLOAK, 8080);
            flows.assertAllowed(service, DNS, 53);
        }
        flows.assertAllowed(INGRESS_CONTROLLER, portal, 8080);
        flows.assertAllowed(INGRESS_CONTROLLER, KEYCLOAK, 8080);
        flows.assertAllowed(portal, KEYCLOAK, 8080);
        flows.assertAllowed(flows.service("notification-service"), SMTP, 587);
        flows.assertAllowed(flows.service("notification-service"), API_SERVER, 443);
        flows.assertAllowed(KEYCLOAK, DATABASE, 5432);
        flows.assertAllowed(REALM_IMPORT, DATABASE, 5432);
        flows.assertAllowed(KEYCLOAK, KEYCLOAK, 7800);
        flows.assertAllowed(DATABASE, DATABASE, 5432);
        flows.assertAllowed(DATABASE, API_SERVER, 443);
        flows.assertAllowed(KAFKA, KAFKA, 9091);
        flows.assertAllowed(KEYCLOAK_OPERATOR, API_SERVER, 443);
    }

    @ParameterizedTest
    @EnumSource(Source.class)
    void nothing_else_is_open(Source source) {
        Flows flows = flows(source);
        Endpoint portal = flows.service("portal");
        Endpoint patients = flows.service("patient-service");
        Endpoint plans = flows.service("plan-service");
        Endpoint notifications = flows.service("notification-service");
        flows.assertDenied(portal, DATABASE, 5432);
        flows.assertDenied(portal, KAFKA, 9092);
        flows.assertDenied(portal, SMTP, 587);
        flows.assertDenied(portal, API_SERVER, 443);
        flows.assertDenied(patients, plans, 8082);
        flows.assertDenied(plans, notifications, 8083);
        flows.assertDenied(notifications, patients, 8081);
        flows.assertDenied(patients, portal, 8080);
        flows.assertDenied(patients, SMTP, 587);
        flows.assertDenied(plans, SMTP, 25);
        flows.assertDenied(patients, API_SERVER, 443);
        flows.assertDenied(plans, API_SERVER, 443);
        flows.assertDenied(KEYCLOAK, patients, 8081);
        flows.assertDenied(KEYCLOAK, SMTP, 587);
        flows.assertDenied(DATABASE, SMTP, 587);
        flows.assertDenied(KAFKA, DATABASE, 5432);
        flows.assertDenied(INGRESS_CONTROLLER, DATABASE, 5432);
        flows.assertDenied(INGRESS_CONTROLLER, KAFKA, 9092);
        flows.assertDenied(OTHER_NAMESPACE, portal, 8080);
        flows.assertDenied(OTHER_NAMESPACE, patients, 8081);
        flows.assertDenied(OTHER_NAMESPACE, KEYCLOAK, 8080);
        flows.assertDenied(OTHER_NAMESPACE, DATABASE, 5432);
        flows.assertDenied(OTHER_NAMESPACE, KAFKA, 9092);
        flows.assertDenied(portal, patients, 5432);
    }

    private static Flows flows(Source source) {
        Platform platform = source.platform();
        List<NetworkPolicy> policies = source.rendered()
                ? platform.networkPolicies()
                : Platform.parseFile(Layout.BASE.resolve("network-policies.yaml")).networkPolicies();
        assertThat(policies).as("%s NetworkPolicies", source).isNotEmpty();
        return new Flows(source, platform, new NetworkPolicies(policies));
    }

    private record Flows(Source source, Platform platform, NetworkPolicies policies) {
        Endpoint service(String name) {
            return Endpoint.pod(name, platform.deployment(name).getSpec().getTemplate().getMetadata().getLabels());
        }

        void assertAllowed(Endpoint from, Endpoint to, int port) {
            assertThat(policies.allows(from, to, port)).as("%s: %s -> %s:%d is allowed", source, from, to, port).isTrue();
        }

        void assertDenied(Endpoint from, Endpoint to, int port) {
            assertThat(policies.allows(from, to, port)).as("%s: %s -> %s:%d is denied", source, from, to, port).isFalse();
        }
    }
}
