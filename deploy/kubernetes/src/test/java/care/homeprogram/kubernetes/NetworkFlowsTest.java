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
 * notification-service and Keycloak -> SMTP; and nothing else. GENERATED checks base/network-policies.yaml against the pod
 * labels of the generated manifests (no kubectl needed); DEV and PROD check the rendered overlays.
 */
class NetworkFlowsTest {
    static final Endpoint INGRESS_CONTROLLER = Endpoint.podIn("ingress-nginx", "the ingress controller",
            Map.of("app.kubernetes.io/name", "ingress-nginx"));
    static final Endpoint MONITORING = Endpoint.podIn("monitoring", "Prometheus",
            Map.of("app.kubernetes.io/name", "prometheus"));
    static final Endpoint OTHER_NAMESPACE = Endpoint.podIn("someone-else", "a pod of another namespace",
            Map.of("app", "anything"));
    static final Endpoint DATABASE = Endpoint.pod("a PostgreSQL instance", Map.of("cnpg.io/cluster",
            "homeprogram-db", "cnpg.io/podRole", "instance", "cnpg.io/instanceName", "homeprogram-db-1", "role", "primary"));
    static final Endpoint KAFKA = Endpoint.pod("a Kafka broker", Map.of("strimzi.io/cluster",
            "homeprogram-kafka", "strimzi.io/kind", "Kafka", "strimzi.io/name", "homeprogram-kafka-kafka",
            "strimzi.io/pool-name", "dual-role", "strimzi.io/broker-role", "true"));
    static final Endpoint KEYCLOAK = Endpoint.pod("a Keycloak pod", Map.of("app", "keycloak",
            "app.kubernetes.io/instance", "homeprogram-keycloak", "app.kubernetes.io/managed-by", "keycloak-operator"));
    static final Endpoint REALM_IMPORT = Endpoint.pod("the realm-import Job", Map.of("app",
            "keycloak-realm-import", "app.kubernetes.io/instance", "homeprogram-keycloak",
            "app.kubernetes.io/managed-by", "keycloak-operator"));
    static final Endpoint KEYCLOAK_OPERATOR = Endpoint.pod("the Keycloak Operator",
            Map.of("app.kubernetes.io/name", "keycloak-operator"));
    static final Endpoint SMTP = Endpoint.outside("the clinic's SMTP relay", "203.0.113.25");
    /** An address on the internet, where nothing but SMTP may go. */
    static final Endpoint INTERNET = Endpoint.outside("an address on the internet", "93.184.216.34");
    private static final int MANAGEMENT_PORT = 9000;
    static final Endpoint DNS = Endpoint.podIn("kube-system", "cluster DNS", Map.of("k8s-app", "kube-dns"));
    static final Endpoint COREDNS_CHART = Endpoint.podIn("kube-system", "CoreDNS of its Helm chart",
            Map.of("app.kubernetes.io/name", "coredns", "k8s-app", "coredns"));
    static final Endpoint OTHER_KUBE_SYSTEM_POD = Endpoint.podIn("kube-system", "another kube-system pod",
            Map.of("k8s-app", "metrics-server"));
    static final Endpoint DATABASE_REPLICA = Endpoint.pod("another PostgreSQL instance", Map.of("cnpg.io/cluster",
            "homeprogram-db", "cnpg.io/podRole", "instance", "cnpg.io/instanceName", "homeprogram-db-2", "role", "replica"));

    @ParameterizedTest
    @EnumSource(Source.class)
    void the_allowed_flows_are_open(Source source) {
        Flows flows = flows(source);
        Endpoint portal = flows.service("portal");
        Endpoint apiServer = flows.apiServer();
        for (String name : List.of("patient-service", "plan-service", "notification-service")) {
            Endpoint service = flows.service(name);
            int port = Layout.service(name).port();
            flows.assertAllowed(INGRESS_CONTROLLER, service, port);
            flows.assertAllowed(portal, service, port);
            flows.assertAllowed(service, DATABASE, 5432);
            flows.assertAllowed(service, KAFKA, 9093);
            flows.assertAllowed(service, KEYCLOAK, 8080);
        }
        // Every pod resolves names: CoreDNS by either label, and NodeLocal DNSCache at its address.
        for (Endpoint pod : List.of(portal, flows.service("plan-service"), KEYCLOAK, DATABASE, KAFKA)) {
            flows.assertAllowed(pod, DNS, 53);
            flows.assertAllowed(pod, COREDNS_CHART, 53);
            flows.assertAllowed(pod, flows.nodeLocalDns(), 53);
        }
        // The FHIR export: plan-service reads the patients' demographics from patient-service.
        flows.assertAllowed(flows.service("plan-service"), flows.service("patient-service"), 8081);
        flows.assertAllowed(INGRESS_CONTROLLER, portal, 8080);
        for (String name : Layout.SERVICE_NAMES) {
            flows.assertAllowed(MONITORING, flows.service(name), MANAGEMENT_PORT);
        }
        flows.assertAllowed(INGRESS_CONTROLLER, KEYCLOAK, 8080);
        flows.assertAllowed(portal, KEYCLOAK, 8080);
        flows.assertAllowed(flows.service("notification-service"), SMTP, 587);
        flows.assertAllowed(flows.service("notification-service"), apiServer, 443);
        // Web Push: the browsers' push services, anywhere on the internet (the service allows their hosts only).
        flows.assertAllowed(flows.service("notification-service"), INTERNET, 443);
        flows.assertAllowed(KEYCLOAK, DATABASE, 5432);
        flows.assertAllowed(REALM_IMPORT, DATABASE, 5432);
        flows.assertAllowed(KEYCLOAK, KEYCLOAK, 7800);
        flows.assertAllowed(DATABASE_REPLICA, DATABASE, 5432);
        // CloudNativePG 1.27's liveness isolation check: the instances reach each other's status port.
        flows.assertAllowed(DATABASE_REPLICA, DATABASE, 8000);
        flows.assertAllowed(DATABASE, DATABASE_REPLICA, 8000);
        flows.assertAllowed(DATABASE, apiServer, 443);
        flows.assertAllowed(DATABASE, apiServer, 6443);
        flows.assertAllowed(KAFKA, KAFKA, 9091);
        flows.assertAllowed(KAFKA, apiServer, 443);
        flows.assertAllowed(KEYCLOAK_OPERATOR, apiServer, 443);
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
        flows.assertDenied(portal, KAFKA, 9093);
        flows.assertDenied(portal, SMTP, 587);
        flows.assertDenied(portal, flows.apiServer(), 443);
        flows.assertDenied(patients, plans, 8082);
        flows.assertDenied(plans, notifications, 8083);
        flows.assertDenied(notifications, patients, 8081);
        flows.assertDenied(patients, portal, 8080);
        flows.assertDenied(patients, SMTP, 587);
        flows.assertDenied(plans, SMTP, 25);
        flows.assertDenied(patients, flows.apiServer(), 443);
        flows.assertDenied(plans, flows.apiServer(), 443);
        // The API server rules open its address range only, not the internet on 443/6443 (notification-service
        // reaches the internet on 443 for Web Push alone, not on 6443).
        for (Endpoint pod : List.of(DATABASE, KAFKA, KEYCLOAK_OPERATOR)) {
            flows.assertDenied(pod, INTERNET, 443);
            flows.assertDenied(pod, INTERNET, 6443);
        }
        flows.assertDenied(notifications, INTERNET, 6443);
        flows.assertDenied(notifications, INTERNET, 80);
        flows.assertDenied(patients, notifications, 8083);
        // DNS goes to the cluster DNS, not to any pod of kube-system, nor to a resolver on the internet.
        flows.assertDenied(portal, OTHER_KUBE_SYSTEM_POD, 53);
        flows.assertDenied(portal, Endpoint.outside("a public resolver", "8.8.8.8"), 53);
        flows.assertDenied(OTHER_NAMESPACE, DATABASE, 8000);
        flows.assertDenied(KEYCLOAK, patients, 8081);
        // Keycloak mails set-password links (new accounts, resets) through the relay, and reaches nothing else outside
        flows.assertAllowed(KEYCLOAK, SMTP, 587);
        flows.assertDenied(KEYCLOAK, INTERNET, 443);
        flows.assertDenied(DATABASE, SMTP, 587);
        flows.assertDenied(KAFKA, DATABASE, 5432);
        flows.assertDenied(INGRESS_CONTROLLER, DATABASE, 5432);
        flows.assertDenied(INGRESS_CONTROLLER, KAFKA, 9093);
        flows.assertDenied(OTHER_NAMESPACE, portal, 8080);
        flows.assertDenied(OTHER_NAMESPACE, patients, 8081);
        flows.assertDenied(OTHER_NAMESPACE, KEYCLOAK, 8080);
        flows.assertDenied(OTHER_NAMESPACE, DATABASE, 5432);
        flows.assertDenied(OTHER_NAMESPACE, KAFKA, 9093);
        flows.assertDenied(portal, patients, 5432);
        // Health, metrics and OpenAPI are for monitoring only: not routable from the ingress, the portal or elsewhere.
        for (String name : Layout.SERVICE_NAMES) {
            Endpoint service = flows.service(name);
            flows.assertDenied(INGRESS_CONTROLLER, service, MANAGEMENT_PORT);
            flows.assertDenied(OTHER_NAMESPACE, service, MANAGEMENT_PORT);
            flows.assertDenied(MONITORING, service, Layout.service(name).port());
            if (!name.equals("portal")) {
                flows.assertDenied(portal, service, MANAGEMENT_PORT);
            }
        }
    }

    private static Flows flows(Source source) {
        Platform platform = source.platform();
        return new Flows(source, platform, new NetworkPolicies(policies(source, platform)));
    }

    /** The overlay's policies, or for GENERATED those of the base (its defaults in place of the overlay's addresses). */
    static List<NetworkPolicy> policies(Source source, Platform platform) {
        List<NetworkPolicy> policies = source.rendered()
                ? platform.networkPolicies()
                : Platform.parseFile(Layout.BASE.resolve("network-policies.yaml")).networkPolicies();
        assertThat(policies).as("%s NetworkPolicies", source).isNotEmpty();
        return policies;
    }

    private record Flows(Source source, Platform platform, NetworkPolicies policies) {
        /** An address of the overlay's API server range (ConfigMap homeprogram-network); for GENERATED, the base's. */
        Endpoint apiServer() {
            return Endpoint.outside("the Kubernetes API", firstAddress(network("kubernetes-api-cidr", "10.0.0.1/32")));
        }

        Endpoint nodeLocalDns() {
            return Endpoint.outside("NodeLocal DNSCache", firstAddress(network("node-local-dns-cidr", "169.254.20.10/32")));
        }

        private String network(String key, String baseDefault) {
            if (!source.rendered()) {
                return baseDefault;
            }
            String value = platform.configMap("homeprogram-network")
                    .orElseThrow(() -> new AssertionError(source + ": no ConfigMap homeprogram-network")).getData().get(key);
            assertThat(value).as("%s: %s of homeprogram-network", source, key).isNotBlank();
            return value;
        }

        private static String firstAddress(String cidr) {
            String[] parts = cidr.split("/")[0].split("\\.");
            int bits = Integer.parseInt(cidr.split("/")[1]);
            if (bits < 32) {
                parts[3] = String.valueOf(Integer.parseInt(parts[3]) + 1);
            }
            return String.join(".", parts);
        }

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
