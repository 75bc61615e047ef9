package care.homeprogram.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;

/** The services' workloads: probes, resources, the hardened security context, shutdown, Services, policies, RBAC. */
class WorkloadsTest {

    @ParameterizedTest
    @EnumSource(Source.class)
    void every_service_has_a_deployment_a_service_and_a_service_account(Source source) {
        Platform platform = source.platform();
        for (String name : Layout.SERVICE_NAMES) {
            Deployment deployment = platform.deployment(name);
            assertThat(platform.services()).as("%s: Service %s", source, name)
                    .anyMatch(service -> service.getMetadata().getName().equals(name));
            assertThat(platform.ofKind("ServiceAccount")).as("%s: ServiceAccount %s", source, name)
                    .anyMatch(account -> account.getMetadata().getName().equals(name));
            assertThat(deployment.getSpec().getTemplate().getSpec().getServiceAccountName()).isEqualTo(name);
        }
    }

    @ParameterizedTest
    @EnumSource(Source.class)
    void every_container_has_health_probes_on_q_health_of_the_management_port(Source source) {
        for (Deployment deployment : source.platform().deployments()) {
            for (Container container : containers(deployment)) {
                String what = source + ": container " + container.getName();
                assertProbe(what + " liveness", container.getLivenessProbe(), "/q/health/live", container);
                assertProbe(what + " readiness", container.getReadinessProbe(), "/q/health/ready", container);
                assertProbe(what + " startup", container.getStartupProbe(), "/q/health/started", container);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Source.class)
    void every_container_has_cpu_and_memory_requests_and_limits(Source source) {
        for (Deployment deployment : source.platform().deployments()) {
            for (Container container : containers(deployment)) {
                String what = source + ": container " + container.getName();
                Map<String, Quantity> requests = container.getResources().getRequests();
                Map<String, Quantity> limits = container.getResources().getLimits();
                assertThat(requests).as("%s requests", what).containsKeys("cpu", "memory");
                assertThat(limits).as("%s limits", what).containsKeys("cpu", "memory");
                for (String resource : List.of("cpu", "memory")) {
                    assertThat(Quantity.getAmountInBytes(requests.get(resource)))
                            .as("%s: %s request within its limit", what, resource)
                            .isLessThanOrEqualTo(Quantity.getAmountInBytes(limits.get(resource)));
                }
                // The heap takes JAVA_MAX_MEM_RATIO % of the limit; the measured non-heap (docs/deploy.md) needs room.
                assertThat(Quantity.getAmountInBytes(limits.get("memory")).longValue())
                        .as("%s memory limit", what).isGreaterThanOrEqualTo(384L * 1024 * 1024);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Source.class)
    void every_container_runs_hardened(Source source) {
        for (Deployment deployment : source.platform().deployments()) {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            PodSecurityContext podContext = Optional.ofNullable(pod.getSecurityContext()).orElseGet(PodSecurityContext::new);
            for (Container container : containers(deployment)) {
                String what = source + ": container " + container.getName();
                SecurityContext context = container.getSecurityContext();
                assertThat(context).as("%s securityContext", what).isNotNull();
                assertThat(firstNonNull(context.getRunAsNonRoot(), podContext.getRunAsNonRoot()))
                        .as("%s runAsNonRoot", what).isTrue();
                Long user = firstNonNull(context.getRunAsUser(), podContext.getRunAsUser());
                assertThat(user).as("%s runs as a numeric non-root user", what).isNotNull().isNotZero();
                assertThat(context.getReadOnlyRootFilesystem()).as("%s readOnlyRootFilesystem", what).isTrue();
                assertThat(context.getAllowPrivilegeEscalation()).as("%s allowPrivilegeEscalation", what).isFalse();
                assertThat(context.getPrivileged()).as("%s privileged", what).isNotEqualTo(Boolean.TRUE);
                assertThat(context.getCapabilities()).as("%s capabilities", what).isNotNull();
                assertThat(context.getCapabilities().getDrop()).as("%s drops", what).containsExactly("ALL");
                assertThat(context.getCapabilities().getAdd()).as("%s adds", what).isNullOrEmpty();
                String seccomp = context.getSeccompProfile() != null ? context.getSeccompProfile().getType()
                        : podContext.getSeccompProfile() != null ? podContext.getSeccompProfile().getType() : null;
                assertThat(seccomp).as("%s seccomp profile", what).isEqualTo("RuntimeDefault");
                // A read-only root needs a writable /tmp (Vert.x, the JVM).
                assertThat(container.getVolumeMounts()).as("%s mounts", what)
                        .anyMatch(mount -> "/tmp".equals(mount.getMountPath()));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Source.class)
    void the_grace_period_outlasts_the_shutdown_delay_plus_timeout(Source source) {
        Platform platform = source.platform();
        for (Deployment deployment : platform.deployments()) {
            Map<String, String> environment = source.rendered()
                    ? platform.plainEnvironment(Platform.onlyContainer(deployment))
                    : baseConfiguration();
            Duration delay = quarkusDuration(environment.get("QUARKUS_SHUTDOWN_DELAY"));
            Duration timeout = quarkusDuration(environment.get("QUARKUS_SHUTDOWN_TIMEOUT"));
            Long grace = deployment.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds();
            assertThat(grace).as("%s: %s terminationGracePeriodSeconds", source, deployment.getMetadata().getName())
                    .isNotNull()
                    .isGreaterThan(delay.plus(timeout).toSeconds());
        }
    }

    @ParameterizedTest
    @EnumSource(Source.class)
    void configuration_comes_from_config_maps_and_credentials_from_secrets_by_name(Source source) {
        Platform platform = source.platform();
        for (Deployment deployment : platform.deployments()) {
            Container container = Platform.onlyContainer(deployment);
            String name = deployment.getMetadata().getName();
            assertThat(container.getEnvFrom()).as("%s: %s envFrom", source, name)
                    .allMatch(from -> from.getConfigMapRef() != null && from.getSecretRef() == null)
                    .hasSize(2);
            Map<String, String> secretRefs = new java.util.TreeMap<>();
            container.getEnv().stream()
                    .filter(variable -> variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null)
                    .forEach(variable -> secretRefs.put(variable.getName(),
                            variable.getValueFrom().getSecretKeyRef().getName() + "/"
                                    + variable.getValueFrom().getSecretKeyRef().getKey()));
            assertThat(secretRefs).as("%s: %s credentials", source, name)
                    .containsEntry("QUARKUS_OIDC_CREDENTIALS_SECRET", name + "-oidc/client-secret");
            if (Layout.service(name).hasDatabase()) {
                assertThat(secretRefs)
                        .containsEntry("QUARKUS_DATASOURCE_USERNAME", name + "-db/username")
                        .containsEntry("QUARKUS_DATASOURCE_PASSWORD", name + "-db/password")
                        .containsEntry("QUARKUS_FLYWAY_USERNAME", name + "-db-owner/username")
                        .containsEntry("QUARKUS_FLYWAY_PASSWORD", name + "-db-owner/password");
            }
            assertThat(container.getEnv()).as("%s: %s no credential as a literal value", source, name)
                    .noneMatch(variable -> variable.getValue() != null
                            && variable.getName().matches(".*(SECRET|PASSWORD|USERNAME).*"));
            if (source.rendered()) {
                for (var from : container.getEnvFrom()) {
                    assertThat(platform.all(io.fabric8.kubernetes.api.model.ConfigMap.class))
                            .as("%s: ConfigMap %s of %s exists", source, from.getConfigMapRef().getName(), name)
                            .anyMatch(map -> map.getMetadata().getName().equals(from.getConfigMapRef().getName()));
                }
                Map<String, String> environment = platform.plainEnvironment(container);
                assertThat(environment).as("%s: %s configuration", source, name)
                        .containsKeys("QUARKUS_OIDC_AUTH_SERVER_URL", "QUARKUS_OIDC_TOKEN_ISSUER",
                                "KAFKA_BOOTSTRAP_SERVERS", "HOMEPROGRAM_PORTAL_URL");
                if (Layout.service(name).hasDatabase()) {
                    assertThat(environment.get("QUARKUS_DATASOURCE_JDBC_URL"))
                            .startsWith("jdbc:postgresql://homeprogram-db-rw:5432/");
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Source.class)
    void every_service_selects_an_existing_deployment_and_targets_its_port(Source source) {
        Platform platform = source.platform();
        assertThat(platform.services()).as("%s Services", source).isNotEmpty();
        for (Service service : platform.services()) {
            Map<String, String> selector = service.getSpec().getSelector();
            assertThat(selector).as("%s: Service %s selector", source, service.getMetadata().getName()).isNotEmpty();
            List<Deployment> selected = platform.deployments().stream()
                    .filter(d -> d.getSpec().getTemplate().getMetadata().getLabels().entrySet()
                            .containsAll(selector.entrySet()))
                    .toList();
            assertThat(selected).as("%s: Deployments selected by Service %s", source, service.getMetadata().getName())
                    .hasSize(1);
            List<ContainerPort> ports = containers(selected.get(0)).stream().flatMap(c -> c.getPorts().stream()).toList();
            for (ServicePort port : service.getSpec().getPorts()) {
                IntOrString target = port.getTargetPort();
                assertThat(ports).as("%s: Service %s port %s reaches a container port", source,
                        service.getMetadata().getName(), target)
                        .anyMatch(p -> target.getIntVal() != null ? target.getIntVal().equals(p.getContainerPort())
                                : target.getStrVal().equals(p.getName()));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Source.class, names = {"DEV", "PROD"})
    void every_deployment_is_covered_by_a_network_policy_beyond_default_deny(Source source) {
        Platform platform = source.platform();
        for (Deployment deployment : platform.deployments()) {
            Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            List<NetworkPolicy> covering = platform.networkPolicies().stream()
                    .filter(policy -> NetworkPolicies.selects(policy.getSpec().getPodSelector(), labels))
                    .filter(policy -> !NetworkPolicies.isSelectAll(policy.getSpec().getPodSelector()))
                    .toList();
            assertThat(covering).as("%s: NetworkPolicies written for Deployment %s", source,
                    deployment.getMetadata().getName()).isNotEmpty();
            assertThat(covering).as("%s: a policy of %s for both directions", source, deployment.getMetadata().getName())
                    .anyMatch(policy -> policy.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress")));
        }
        assertThat(platform.networkPolicies()).as("%s: a default deny of all traffic", source)
                .anyMatch(policy -> NetworkPolicies.isSelectAll(policy.getSpec().getPodSelector())
                        && policy.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress"))
                        && (policy.getSpec().getIngress() == null || policy.getSpec().getIngress().isEmpty())
                        && (policy.getSpec().getEgress() == null || policy.getSpec().getEgress().isEmpty()));
    }

    @ParameterizedTest
    @EnumSource(Source.class)
    void only_notification_service_may_use_the_kubernetes_api_for_its_leases(Source source) {
        Platform platform = source.platform();
        assertThat(platform.ofKind("ClusterRole")).isEmpty();
        assertThat(platform.ofKind("ClusterRoleBinding")).isEmpty();
        List<Role> roles = platform.all(Role.class);
        List<RoleBinding> bindings = platform.all(RoleBinding.class);
        assertThat(bindings).as("%s RoleBindings", source).hasSize(1);
        RoleBinding binding = bindings.get(0);
        assertThat(binding.getSubjects()).as("%s: the bound ServiceAccounts", source)
                .singleElement()
                .satisfies(subject -> {
                    assertThat(subject.getKind()).isEqualTo("ServiceAccount");
                    assertThat(subject.getName()).isEqualTo("notification-service");
                });
        assertThat(roles).as("%s Roles", source).singleElement().satisfies(role -> {
            assertThat(role.getMetadata().getName()).isEqualTo(binding.getRoleRef().getName());
            assertThat(binding.getRoleRef().getKind()).isEqualTo("Role");
            assertThat(role.getRules()).allSatisfy(rule -> {
                assertThat(rule.getApiGroups()).containsExactly("coordination.k8s.io");
                assertThat(rule.getResources()).containsExactly("leases");
            });
            // Issue #16: get and update on the one Lease of its leader election (the lease-name of its
            // configuration), and create, which Kubernetes cannot limit to a name; no list, watch, patch or delete.
            String lease = CodePaths.applicationProperties(Layout.service("notification-service"))
                    .getProperty("homeprogram.leader-election.lease-name");
            Map<String, List<String>> namesByVerb = new java.util.TreeMap<>();
            role.getRules().forEach(rule -> rule.getVerbs().forEach(verb -> namesByVerb.computeIfAbsent(verb,
                    v -> new java.util.ArrayList<>()).addAll(rule.getResourceNames() == null || rule.getResourceNames()
                            .isEmpty() ? List.of("*") : rule.getResourceNames())));
            assertThat(namesByVerb).as("%s: the Lease Role's verbs and the Lease names they apply to", source)
                    .isEqualTo(Map.of("get", List.of(lease), "update", List.of(lease), "create", List.of("*")));
        });
        for (Deployment deployment : platform.deployments()) {
            boolean notifications = deployment.getMetadata().getName().equals("notification-service");
            assertThat(deployment.getSpec().getTemplate().getSpec().getAutomountServiceAccountToken())
                    .as("%s: %s mounts an API token", source, deployment.getMetadata().getName())
                    .isEqualTo(notifications);
        }
    }

    static List<Container> containers(Deployment deployment) {
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        return Stream.concat(pod.getContainers().stream(),
                Stream.ofNullable(pod.getInitContainers()).flatMap(List::stream)).toList();
    }

    private static void assertProbe(String what, Probe probe, String path, Container container) {
        assertThat(probe).as(what).isNotNull();
        assertThat(probe.getHttpGet()).as(what + " is an HTTP GET").isNotNull();
        assertThat(probe.getHttpGet().getPath()).as(what + " path").isEqualTo(path);
        IntOrString port = probe.getHttpGet().getPort();
        // Health is served on the management interface only (docs/security.md): port 9000, not the public one.
        assertThat(container.getPorts()).as(what + " port is the container's management port 9000")
                .anyMatch(p -> (port.getIntVal() != null ? port.getIntVal().equals(p.getContainerPort())
                        : port.getStrVal().equals(p.getName())) && p.getContainerPort() == 9000);
        assertThat(probe.getTimeoutSeconds()).as(what + " timeout").isPositive();
    }

    /**
     * The services' JVMs are sized by the image's run-java.sh from the memory limit, with the launcher's collector
     * and native-memory settings on top (docs/deploy.md, "JVM sizing"): JAVA_OPTS would switch run-java.sh's sizing
     * off altogether, and a fixed -Xmx among the appended options would ignore the limit a container gets.
     */
    @Test
    void the_service_jvms_are_sized_from_the_memory_limit_with_the_serial_collector() {
        Map<String, String> config = baseConfiguration();

        assertThat(config).doesNotContainKey("JAVA_OPTS");
        assertThat(Integer.parseInt(config.get("JAVA_MAX_MEM_RATIO"))).isBetween(25, 60);
        assertThat(config.get("GC_CONTAINER_OPTIONS")).isEqualTo("-XX:+UseSerialGC");
        assertThat(config.get("JAVA_OPTS_APPEND")).doesNotContain("-Xmx", "-XX:MaxRAM", "-XX:+Use");
        assertThat(config.get("MALLOC_ARENA_MAX")).isEqualTo("2");
    }

    /** base/config/homeprogram.env, what every Deployment gets through envFrom. */
    static Map<String, String> baseConfiguration() {
        Properties properties = new Properties();
        try (var reader = new java.io.StringReader(Repository.read(Layout.BASE.resolve("config/homeprogram.env")))) {
            properties.load(reader);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Map<String, String> map = new java.util.HashMap<>();
        properties.forEach((key, value) -> map.put(key.toString(), value.toString()));
        return map;
    }

    /** A Quarkus duration as written in configuration: "5s", "20s", "1m", or ISO-8601 "PT5S". */
    static Duration quarkusDuration(String value) {
        assertThat(value).as("duration").isNotBlank();
        String text = value.trim();
        if (text.matches("\\d+")) {
            return Duration.ofSeconds(Long.parseLong(text));
        }
        if (text.matches("\\d+[smhdSMHD]")) {
            text = (text.toLowerCase().endsWith("d") ? "P" : "PT") + text.toUpperCase();
        } else if (text.matches("\\d+ms")) {
            return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2)));
        }
        return Duration.parse(text);
    }

    @SafeVarargs
    private static <T> T firstNonNull(T... values) {
        return Stream.of(values).filter(Objects::nonNull).findFirst().orElse(null);
    }
}
