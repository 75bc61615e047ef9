package care.homeprogram.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import care.homeprogram.kubernetes.NetworkPolicies.Endpoint;

/**
 * The overlays export traces (components/tracing; docs/runbook.md, "Traces"): every service and the portal are given
 * the collector's OTLP endpoint, and the NetworkPolicies let them reach its OTLP/HTTP port, and only that port of the
 * monitoring namespace; nothing else of the platform may.
 */
class TraceExportTest {
    private static final Endpoint COLLECTOR = Endpoint.podIn("monitoring", "the OpenTelemetry Collector",
            Map.of("app.kubernetes.io/name", "opentelemetry-collector"));
    private static final Endpoint DATABASE = Endpoint.pod("a PostgreSQL instance", Map.of("cnpg.io/cluster",
            "homeprogram-db", "cnpg.io/podRole", "instance", "role", "primary"));

    @ParameterizedTest
    @EnumSource(value = Source.class, names = {"DEV", "PROD"})
    void every_service_exports_its_spans_to_the_collector_and_may_reach_only_its_otlp_port(Source source) {
        Platform platform = source.platform();
        NetworkPolicies policies = new NetworkPolicies(platform.networkPolicies());
        for (String name : Layout.SERVICE_NAMES) {
            var deployment = platform.deployment(name);
            assertThat(platform.plainEnvironment(Platform.onlyContainer(deployment)))
                    .as("%s: %s's OTLP endpoint", source, name)
                    .containsEntry("HOMEPROGRAM_OTLP_ENDPOINT", "http://otel-collector.monitoring.svc:4318");
            Endpoint service = Endpoint.pod(name, deployment.getSpec().getTemplate().getMetadata().getLabels());
            assertThat(policies.allows(service, COLLECTOR, 4318)).as("%s: %s -> collector:4318", source, name)
                    .isTrue();
            assertThat(policies.allows(service, COLLECTOR, 4317)).as("%s: %s -> collector:4317 (gRPC, unused)",
                    source, name).isFalse();
        }
        assertThat(policies.allows(DATABASE, COLLECTOR, 4318)).as("%s: the database -> collector", source).isFalse();
    }
}
