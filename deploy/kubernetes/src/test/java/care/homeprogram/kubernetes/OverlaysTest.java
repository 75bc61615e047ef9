package care.homeprogram.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/** What the dev and prod overlays make of the base, checked on their rendering by kubectl kustomize. */
class OverlaysTest {
    private static final List<String> TOPICS = List.of("patient-events", "plan-events", "patient-events-dlq",
            "plan-events-dlq");

    @Test
    void dev_runs_one_replica_of_everything_with_the_demo_realm_and_data() {
        Platform dev = Source.DEV.platform();
        for (String name : Layout.SERVICE_NAMES) {
            assertThat(dev.deployment(name).getSpec().getReplicas()).as("dev replicas of %s", name).isEqualTo(1);
            assertThat(dev.plainEnvironment(Platform.onlyContainer(dev.deployment(name))))
                    .containsEntry("HOMEPROGRAM_DEMO_DATA", "true");
        }
        assertThat(dev.all(PodDisruptionBudget.class)).isEmpty();
        assertThat(dev.all(HorizontalPodAutoscaler.class)).isEmpty();
        assertThat(usernames(dev)).as("the demo users of README.md")
                .contains("tara", "theo", "pat", "sam", "polly", "ada");
        assertThat(clientIds(dev)).contains(RealmImports.DEMO_CLIENT);
        assertThat(spec(dev.customNamed("KafkaNodePool", "dual-role")).get("replicas")).isEqualTo(1);
        assertThat(spec(dev.customNamed("Cluster", "homeprogram-db")).get("instances")).isEqualTo(1);
        assertThat(spec(dev.customNamed("Keycloak", "homeprogram-keycloak")).get("instances")).isEqualTo(1);
    }

    @Test
    void prod_runs_at_least_two_replicas_spread_across_zones_with_budgets() {
        Platform prod = Source.PROD.platform();
        for (String name : Layout.SERVICE_NAMES) {
            Deployment deployment = prod.deployment(name);
            int least = Capacity.autoscaler(prod, name).map(hpa -> hpa.getSpec().getMinReplicas())
                    .orElseGet(() -> deployment.getSpec().getReplicas());
            assertThat(least).as("prod replicas (or the autoscaler's minimum) of %s", name).isGreaterThanOrEqualTo(2);
            assertThat(prod.plainEnvironment(Platform.onlyContainer(deployment)))
                    .containsEntry("HOMEPROGRAM_DEMO_DATA", "false");
            Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            List<TopologySpreadConstraint> spread = deployment.getSpec().getTemplate().getSpec()
                    .getTopologySpreadConstraints();
            assertThat(spread).as("%s spreads across zones", name)
                    .anyMatch(constraint -> constraint.getTopologyKey().equals("topology.kubernetes.io/zone")
                            && NetworkPolicies.selects(constraint.getLabelSelector(), podLabels));
            assertThat(prod.all(PodDisruptionBudget.class)).as("a PodDisruptionBudget for %s", name)
                    .anyMatch(budget -> NetworkPolicies.selects(budget.getSpec().getSelector(), podLabels)
                            && budget.getSpec().getMinAvailable() != null
                            && budget.getSpec().getMinAvailable().getIntVal() >= 1
                            && budget.getSpec().getMinAvailable().getIntVal() < least);
        }
    }

    @Test
    void prod_autoscales_the_portal_and_plan_service() {
        Platform prod = Source.PROD.platform();
        List<HorizontalPodAutoscaler> autoscalers = prod.all(HorizontalPodAutoscaler.class);
        assertThat(autoscalers).extracting(hpa -> hpa.getSpec().getScaleTargetRef().getName())
                .containsExactlyInAnyOrder("portal", "plan-service");
        for (HorizontalPodAutoscaler hpa : autoscalers) {
            assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
            assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
            assertThat(hpa.getSpec().getMaxReplicas()).isGreaterThan(hpa.getSpec().getMinReplicas());
            prod.deployment(hpa.getSpec().getScaleTargetRef().getName());
        }
    }

    @Test
    void prod_keeps_no_demo_user_and_no_demo_client() {
        Platform prod = Source.PROD.platform();
        GenericKubernetesResource realmImport = prod.customNamed("KeycloakRealmImport", RealmImports.NAME);
        List<Map<String, Object>> users = list(realm(realmImport).get("users"));
        assertThat(users).as("prod realm users").isNotEmpty()
                .allSatisfy(user -> assertThat(user).as("user %s", user.get("username")).containsKey("serviceAccountClientId")
                        .doesNotContainKey("credentials"));
        assertThat(clientIds(prod)).doesNotContain(RealmImports.DEMO_CLIENT);
        assertThat(prod.customNamed("Keycloak", "homeprogram-keycloak")).isNotNull();
    }

    @Test
    void prod_kafka_keeps_three_replicas_and_two_in_sync() {
        Platform prod = Source.PROD.platform();
        assertThat((Integer) spec(prod.customNamed("KafkaNodePool", "dual-role")).get("replicas"))
                .isGreaterThanOrEqualTo(3);
        Map<String, Object> kafka = map(spec(prod.customNamed("Kafka", "homeprogram-kafka")).get("kafka"));
        assertThat(map(kafka.get("config"))).containsEntry("min.insync.replicas", 2)
                .containsEntry("default.replication.factor", 3);
        for (String topic : TOPICS) {
            Map<String, Object> spec = spec(prod.customNamed("KafkaTopic", topic));
            assertThat(spec.get("replicas")).as("replication factor of %s", topic).isEqualTo(3);
            assertThat(map(spec.get("config"))).as("config of %s", topic).containsEntry("min.insync.replicas", 2);
        }
        assertThat((Integer) spec(prod.customNamed("Cluster", "homeprogram-db")).get("instances"))
                .isGreaterThanOrEqualTo(2);
        assertThat((Integer) spec(prod.customNamed("Keycloak", "homeprogram-keycloak")).get("instances"))
                .isGreaterThanOrEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(value = Source.class, names = {"DEV", "PROD"})
    void one_database_and_owner_per_service_and_the_topics_exist(Source source) {
        Platform platform = source.platform();
        Map<String, Object> cluster = spec(platform.customNamed("Cluster", "homeprogram-db"));
        List<Map<String, Object>> roles = list(map(cluster.get("managed")).get("roles"));
        List<GenericKubernetesResource> databases = platform.custom("Database");
        for (Layout.ServiceModule service : Layout.SERVICES.stream().filter(Layout.ServiceModule::hasDatabase).toList()) {
            String runtime = service.name().replace('-', '_');
            String owner = runtime + "_owner";
            assertThat(roles).as("%s: the owner role of %s", source, service.name()).anyMatch(role ->
                    owner.equals(role.get("name")) && Boolean.TRUE.equals(role.get("login"))
                            && service.name().concat("-db-owner").equals(map(role.get("passwordSecret")).get("name")));
            assertThat(roles).as("%s: the runtime role of %s", source, service.name()).anyMatch(role ->
                    runtime.equals(role.get("name")) && Boolean.TRUE.equals(role.get("login"))
                            && service.name().concat("-db").equals(map(role.get("passwordSecret")).get("name")));
            assertThat(databases).as("%s: the database of %s", source, service.name()).anyMatch(database ->
                    service.directory().equals(spec(database).get("name")) && owner.equals(spec(database).get("owner"))
                            && "homeprogram-db".equals(map(spec(database).get("cluster")).get("name")));
            String jdbc = platform.plainEnvironment(Platform.onlyContainer(platform.deployment(service.name())))
                    .get("QUARKUS_DATASOURCE_JDBC_URL");
            assertThat(jdbc).as("%s: %s connects to its own database", source, service.name())
                    .endsWith("/" + service.directory());
        }
        assertThat(platform.custom("KafkaTopic")).extracting(topic -> topic.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(TOPICS);
        assertThat(platform.custom("KafkaTopic")).allSatisfy(topic ->
                assertThat(topic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "homeprogram-kafka"));
    }

    /**
     * Issue #12, finding 2: the role a service's datasource logs in as (the managed role whose password Secret its
     * QUARKUS_DATASOURCE_USERNAME comes from) is never its database's owner, while Flyway's role is, and neither is a
     * superuser. The grants of the runtime role are applied by the migrations (db/commons/afterMigrate.sql).
     */
    @ParameterizedTest
    @EnumSource(value = Source.class, names = {"DEV", "PROD"})
    void each_service_runs_as_a_role_that_does_not_own_its_database_and_migrates_as_the_owner(Source source) {
        Platform platform = source.platform();
        List<Map<String, Object>> roles = list(map(spec(platform.customNamed("Cluster", "homeprogram-db"))
                .get("managed")).get("roles"));
        for (Layout.ServiceModule service : Layout.SERVICES.stream().filter(Layout.ServiceModule::hasDatabase).toList()) {
            var container = Platform.onlyContainer(platform.deployment(service.name()));
            String database = platform.plainEnvironment(container).get("QUARKUS_DATASOURCE_JDBC_URL")
                    .replaceAll(".*/", "");
            String owner = (String) spec(platform.custom("Database").stream()
                    .filter(d -> database.equals(spec(d).get("name"))).findFirst()
                    .orElseThrow(() -> new AssertionError(source + ": no Database " + database))).get("owner");
            String datasourceRole = roleOf(roles, secretOf(container, "QUARKUS_DATASOURCE_USERNAME"), source);
            String flywayRole = roleOf(roles, secretOf(container, "QUARKUS_FLYWAY_USERNAME"), source);
            assertThat(datasourceRole).as("%s: %s's datasource user owns its database %s", source, service.name(),
                    database).isNotEqualTo(owner);
            assertThat(flywayRole).as("%s: %s migrates as the owner of %s", source, service.name(), database)
                    .isEqualTo(owner);
            assertThat(roles).as("%s: no service role is a superuser or may create roles or databases", source)
                    .noneMatch(role -> Boolean.TRUE.equals(role.get("superuser"))
                            || Boolean.TRUE.equals(role.get("createrole")) || Boolean.TRUE.equals(role.get("createdb"))
                            || Boolean.TRUE.equals(role.get("bypassrls")));
            assertThat(roles.stream().filter(role -> datasourceRole.equals(role.get("name"))).findFirst().orElseThrow()
                    .get("inRoles")).as("%s: %s's runtime role inherits nothing", source, service.name()).isNull();
        }
    }

    private static String secretOf(io.fabric8.kubernetes.api.model.Container container, String variable) {
        return container.getEnv().stream().filter(env -> variable.equals(env.getName())).findFirst()
                .map(env -> env.getValueFrom().getSecretKeyRef().getName())
                .orElseThrow(() -> new AssertionError(container.getName() + " has no " + variable));
    }

    private static String roleOf(List<Map<String, Object>> roles, String secret, Source source) {
        return roles.stream().filter(role -> secret.equals(map(role.get("passwordSecret")).get("name")))
                .map(role -> (String) role.get("name")).findFirst()
                .orElseThrow(() -> new AssertionError(source + ": no managed role logs in with Secret " + secret));
    }

    @ParameterizedTest
    @EnumSource(value = Source.class, names = {"DEV", "PROD"})
    void the_public_hosts_agree_everywhere(Source source) {
        Platform platform = source.platform();
        Map<String, String> hosts = platform.configMap("homeprogram-hosts").orElseThrow().getData();
        String app = hosts.get("app");
        String auth = hosts.get("auth");
        Ingress ingress = platform.all(Ingress.class).get(0);
        assertThat(ingress.getSpec().getRules().get(0).getHost()).isEqualTo(app);
        assertThat(ingress.getSpec().getRules().get(1).getHost()).isEqualTo(auth);
        Map<String, Object> hostname = map(spec(platform.customNamed("Keycloak", "homeprogram-keycloak")).get("hostname"));
        assertThat(URI.create((String) hostname.get("hostname")).getHost()).isEqualTo(auth);
        for (String name : Layout.SERVICE_NAMES) {
            Map<String, String> environment = platform.plainEnvironment(Platform.onlyContainer(platform.deployment(name)));
            assertThat(URI.create(environment.get("QUARKUS_OIDC_TOKEN_ISSUER")))
                    .as("%s: the issuer %s pins", source, name)
                    .isEqualTo(URI.create("https://" + auth + "/realms/homeprogram"));
            assertThat(environment.get("HOMEPROGRAM_PORTAL_URL")).isEqualTo("https://" + app);
        }
        assertThat(platform.plainEnvironment(Platform.onlyContainer(platform.deployment("portal"))))
                .containsEntry("HOMEPROGRAM_PORTAL_KEYCLOAK_ORIGIN", "https://" + auth);
        Map<String, Object> portal = list(realm(platform.customNamed("KeycloakRealmImport", RealmImports.NAME))
                .get("clients")).stream().filter(client -> "portal".equals(client.get("clientId"))).findFirst().orElseThrow();
        assertThat(portal.get("redirectUris")).isEqualTo(List.of("https://" + app + "/signed-in"));
        assertThat(map(portal.get("attributes"))).containsEntry("post.logout.redirect.uris", "https://" + app + "/");
    }

    @ParameterizedTest
    @EnumSource(value = Source.class, names = {"DEV", "PROD"})
    void everything_lands_in_one_namespace_with_pod_security_labels(Source source) {
        Platform platform = source.platform();
        List<Namespace> namespaces = platform.all(Namespace.class);
        assertThat(namespaces).hasSize(1);
        String namespace = namespaces.get(0).getMetadata().getName();
        assertThat(namespaces.get(0).getMetadata().getLabels())
                .containsKey("pod-security.kubernetes.io/enforce")
                .containsEntry("pod-security.kubernetes.io/warn", "restricted");
        assertThat(platform.resources()).filteredOn(resource -> !(resource instanceof Namespace))
                .allSatisfy(resource -> assertThat(resource.getMetadata().getNamespace())
                        .as("%s %s", resource.getKind(), resource.getMetadata().getName()).isEqualTo(namespace));
    }

    private static List<String> usernames(Platform platform) {
        return list(realm(platform.customNamed("KeycloakRealmImport", RealmImports.NAME)).get("users")).stream()
                .map(user -> (String) user.get("username")).toList();
    }

    private static List<String> clientIds(Platform platform) {
        return list(realm(platform.customNamed("KeycloakRealmImport", RealmImports.NAME)).get("clients")).stream()
                .map(client -> (String) client.get("clientId")).toList();
    }

    static Map<String, Object> spec(GenericKubernetesResource resource) {
        return map(resource.getAdditionalProperties().get("spec"));
    }

    static Map<String, Object> realm(GenericKubernetesResource realmImport) {
        return map(spec(realmImport).get("realm"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(Object value) {
        assertThat(value).isInstanceOf(List.class);
        return (List<Map<String, Object>>) value;
    }
}
