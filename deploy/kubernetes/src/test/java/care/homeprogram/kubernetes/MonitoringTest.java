package care.homeprogram.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import care.homeprogram.kubernetes.NetworkPolicies.Endpoint;

/**
 * Issue #16, monitoring: prod scrapes every service, Keycloak, Kafka and PostgreSQL; alerts on consumer lag, dead
 * letters, parked outbox rows, unacknowledged CRITICAL alerts older than their escalation time, 5xx rate and disk;
 * ships one Grafana dashboard; and every homeprogram_* metric the rules and the dashboard use is one the code exports
 * (read from its Micrometer meters), so a renamed meter fails here instead of silencing an alert.
 */
class MonitoringTest {
    private static final Pattern METER = Pattern.compile(
            "(Gauge|Counter|Timer)\\.builder\\(\"([a-z0-9._-]+)\"|\\.(counter|gauge|timer)\\(\"([a-z0-9._-]+)\"");
    private static final Pattern PROMQL_METRIC = Pattern.compile("\\b(homeprogram_[a-z0-9_]+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void prod_scrapes_every_service_keycloak_kafka_and_postgresql() {
        Platform prod = Source.PROD.platform();
        List<GenericKubernetesResource> monitors = prod.custom("PodMonitor");
        for (Deployment deployment : prod.deployments()) {
            Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(monitors).as("a PodMonitor scrapes %s's management port", deployment.getMetadata().getName())
                    .anyMatch(monitor -> selects(monitor, labels) && endpoint(monitor, "management", "/q/metrics"));
            assertThat(Platform.onlyContainer(deployment).getPorts())
                    .anyMatch(port -> "management".equals(port.getName()) && port.getContainerPort() == 9000);
        }
        assertThat(monitors).as("Keycloak").anyMatch(m -> selects(m, Map.of("app", "keycloak",
                "app.kubernetes.io/instance", "homeprogram-keycloak")) && endpoint(m, "management", "/metrics"));
        assertThat(monitors).as("Kafka's brokers and exporter").anyMatch(m -> selects(m, Map.of("strimzi.io/cluster",
                "homeprogram-kafka", "strimzi.io/kind", "Kafka", "strimzi.io/name", "homeprogram-kafka-kafka-exporter"))
                && endpoint(m, "tcp-prometheus", null));
        assertThat(monitors).as("PostgreSQL").anyMatch(m -> selects(m, Map.of("cnpg.io/cluster", "homeprogram-db",
                "cnpg.io/podRole", "instance")) && endpoint(m, "metrics", null));
        Map<String, Object> kafka = OverlaysTest.spec(prod.customNamed("Kafka", "homeprogram-kafka"));
        assertThat(kafka).as("Strimzi's Kafka Exporter (consumer lag)").containsKey("kafkaExporter");
        assertThat(OverlaysTest.map(kafka.get("kafka"))).as("the brokers' JMX exporter").containsKey("metricsConfig");
        assertThat(OverlaysTest.list(OverlaysTest.spec(prod.customNamed("Keycloak", "homeprogram-keycloak"))
                .get("additionalOptions"))).contains(Map.of("name", "metrics-enabled", "value", "true"));
    }

    @Test
    void prometheus_reaches_the_metrics_ports_and_nobody_else_does() {
        Platform prod = Source.PROD.platform();
        NetworkPolicies policies = new NetworkPolicies(prod.networkPolicies());
        Map<Endpoint, Integer> targets = Map.of(NetworkFlowsTest.KEYCLOAK, 9000, NetworkFlowsTest.KAFKA, 9404,
                NetworkFlowsTest.DATABASE, 9187);
        targets.forEach((target, port) -> {
            assertThat(policies.allows(NetworkFlowsTest.MONITORING, target, port)).as("Prometheus -> %s:%d", target, port)
                    .isTrue();
            assertThat(policies.allows(NetworkFlowsTest.OTHER_NAMESPACE, target, port))
                    .as("another namespace -> %s:%d", target, port).isFalse();
        });
    }

    @Test
    void the_alert_rules_cover_the_platforms_failures() {
        Map<String, String> rules = rules();
        assertThat(rules.keySet()).contains("HomeProgramConsumerLag", "HomeProgramDeadLettered",
                "HomeProgramDeadLettersWaiting", "HomeProgramOutboxParked", "HomeProgramCriticalAlertUnacknowledged",
                "HomeProgramHttp5xx", "HomeProgramDatabaseDiskFilling", "HomeProgramWalArchivingStalled");
        assertThat(rules.get("HomeProgramConsumerLag")).contains("kafka_consumergroup_lag");
        assertThat(rules.get("HomeProgramDeadLettersWaiting")).contains("-dlq");
        assertThat(rules.get("HomeProgramHttp5xx")).contains("http_server_requests_seconds_count").contains("5..");
        assertThat(rules.get("HomeProgramDatabaseDiskFilling")).contains("kubelet_volume_stats_available_bytes");
    }

    /**
     * plan-service counts the open CRITICAL alerts older than its own escalation to the contact (the gauge
     * homeprogram_alerts_overdue, proven on the real stack by its AlertEscalationTest), so the rule pages on any
     * count above zero and the threshold lives in one place: the service's setting.
     */
    @Test
    void an_unacknowledged_critical_alert_pages_on_plan_services_overdue_gauge() {
        String expr = rules().get("HomeProgramCriticalAlertUnacknowledged");
        assertThat(expr).contains("homeprogram_alerts_overdue{").contains("severity=\"CRITICAL\"");
        assertThat(expr.trim()).as("pages on any overdue alert").endsWith("> 0");
        assertThat(rules().get("HomeProgramCriticalAlertWatchBlind")).startsWith("absent(homeprogram_alerts_overdue{");
        String gauge = Repository.read(Repository.root().resolve(
                "services/plans/src/main/java/care/homeprogram/plans/service/OverdueAlerts.java"));
        assertThat(gauge).as("the gauge's threshold is the escalation to the contact")
                .contains("config.criticalContactAfter()").contains(".tag(\"severity\", \"CRITICAL\")");
    }

    /**
     * No exporter reads the clinical tables: CloudNativePG runs no custom query of the platform (it would run as
     * pg_monitor and need a manual grant on patient tables), and docs/deploy.md asks for no such grant.
     */
    @Test
    void no_database_exporter_query_and_no_manual_grant_to_pg_monitor() {
        Platform prod = Source.PROD.platform();
        Map<String, Object> cluster = OverlaysTest.spec(prod.customNamed("Cluster", "homeprogram-db"));
        Map<String, Object> monitoring = cluster.get("monitoring") == null ? Map.of() : OverlaysTest.map(cluster.get("monitoring"));
        assertThat(monitoring).as("the Cluster's monitoring settings")
                .doesNotContainKey("customQueriesConfigMap").doesNotContainKey("customQueriesSecret");
        assertThat(Repository.read(Layout.DEPLOY_DOC)).doesNotContainIgnoringCase("TO pg_monitor");
    }

    @Test
    void every_homeprogram_metric_of_the_rules_and_the_dashboard_is_one_the_code_exports() {
        Set<String> exported = new TreeSet<>(codeMetrics());
        assertThat(exported).as("meters found in the code").contains("homeprogram_outbox_parked",
                "homeprogram_events_dead_lettered_total", "homeprogram_alerts_overdue");
        Set<String> used = new TreeSet<>();
        rules().values().forEach(expr -> used.addAll(metricsIn(expr)));
        dashboardExpressions().forEach(expr -> used.addAll(metricsIn(expr)));
        assertThat(used).as("metrics the rules and dashboard use").isNotEmpty();
        assertThat(exported).as("exported metrics").containsAll(used);
    }

    @Test
    void one_grafana_dashboard_for_the_platform_is_shipped_for_grafanas_sidecar() {
        ConfigMap dashboard = Source.PROD.platform().configMap("homeprogram-dashboard").orElseThrow();
        assertThat(dashboard.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
        assertThat(dashboard.getData()).containsKey("homeprogram-platform.json");
        assertThat(dashboardExpressions()).hasSizeGreaterThanOrEqualTo(10)
                .anyMatch(expr -> expr.contains("kafka_consumergroup_lag"))
                .anyMatch(expr -> expr.contains("homeprogram_outbox_parked"))
                .anyMatch(expr -> expr.contains("http_server_requests_seconds_count"));
    }

    @Test
    void every_alert_links_a_section_of_the_runbook() {
        String runbook = Repository.read(Repository.root().resolve("docs/runbook.md"));
        Set<String> anchors = new TreeSet<>();
        Matcher heading = Pattern.compile("(?m)^#{2,4} (.+)$").matcher(runbook);
        while (heading.find()) {
            anchors.add(heading.group(1).trim().toLowerCase().replaceAll("[^a-z0-9 -]", "").replace(' ', '-'));
        }
        for (GenericKubernetesResource rule : Source.PROD.platform().custom("PrometheusRule")) {
            for (Map<String, Object> group : OverlaysTest.list(OverlaysTest.spec(rule).get("groups"))) {
                for (Map<String, Object> entry : OverlaysTest.list(group.get("rules"))) {
                    String link = (String) OverlaysTest.map(entry.get("annotations")).get("runbook");
                    assertThat(link).as("the runbook of %s", entry.get("alert")).startsWith("docs/runbook.md#");
                    assertThat(anchors).as("docs/runbook.md has the section of %s", entry.get("alert"))
                            .contains(link.substring(link.indexOf('#') + 1));
                }
            }
        }
    }

    /** Alert name -> expression, from the rendered PrometheusRule. */
    private static Map<String, String> rules() {
        Map<String, String> rules = new java.util.LinkedHashMap<>();
        for (GenericKubernetesResource rule : Source.PROD.platform().custom("PrometheusRule")) {
            for (Map<String, Object> group : OverlaysTest.list(OverlaysTest.spec(rule).get("groups"))) {
                for (Map<String, Object> entry : OverlaysTest.list(group.get("rules"))) {
                    if (entry.get("alert") != null) {
                        rules.put((String) entry.get("alert"), String.valueOf(entry.get("expr")));
                    }
                }
            }
        }
        return rules;
    }

    private static List<String> dashboardExpressions() {
        String json = Source.PROD.platform().configMap("homeprogram-dashboard").orElseThrow().getData()
                .get("homeprogram-platform.json");
        try {
            JsonNode dashboard = JSON.readTree(json);
            List<String> expressions = new ArrayList<>();
            dashboard.get("panels").forEach(panel -> panel.get("targets")
                    .forEach(target -> expressions.add(target.get("expr").asText())));
            return expressions;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> metricsIn(String expr) {
        Set<String> metrics = new TreeSet<>();
        Matcher matcher = PROMQL_METRIC.matcher(expr);
        while (matcher.find()) {
            metrics.add(matcher.group(1));
        }
        return metrics;
    }

    /** The Prometheus names of the Micrometer meters in the services' and commons' sources. */
    static Set<String> codeMetrics() {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(Repository.root().resolve("services"))) {
            for (Path file : walk.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/"))
                    .toList()) {
                Matcher matcher = METER.matcher(Repository.read(file));
                while (matcher.find()) {
                    String kind = matcher.group(1) != null ? matcher.group(1).toLowerCase() : matcher.group(3);
                    String name = (matcher.group(2) != null ? matcher.group(2) : matcher.group(4)).replaceAll("[.-]", "_");
                    names.add(switch (kind) {
                        case "counter" -> name + "_total";
                        case "timer" -> name + "_seconds_count";
                        default -> name;
                    });
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    private static boolean selects(GenericKubernetesResource monitor, Map<String, String> labels) {
        Map<String, Object> selector = OverlaysTest.map(OverlaysTest.spec(monitor).get("selector"));
        @SuppressWarnings("unchecked")
        Map<String, String> matchLabels = (Map<String, String>) selector.get("matchLabels");
        return labels.entrySet().containsAll(matchLabels.entrySet());
    }

    private static boolean endpoint(GenericKubernetesResource monitor, String port, String path) {
        return OverlaysTest.list(OverlaysTest.spec(monitor).get("podMetricsEndpoints")).stream()
                .anyMatch(endpoint -> port.equals(endpoint.get("port"))
                        && (path == null || path.equals(endpoint.get("path"))));
    }
}
