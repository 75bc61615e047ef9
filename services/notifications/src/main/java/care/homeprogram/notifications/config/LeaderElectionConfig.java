package care.homeprogram.notifications.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Leader election of the singleton jobs through a coordination.k8s.io Lease. On by default only inside a cluster
 * (KUBERNETES_SERVICE_HOST is set there); elsewhere the one process runs the jobs itself.
 */
@ConfigMapping(prefix = "homeprogram.leader-election")
public interface LeaderElectionConfig {
    /** Unset: on exactly when running in a Kubernetes cluster. */
    Optional<Boolean> enabled();

    @WithDefault("notification-service-singletons")
    String leaseName();

    /** Unset: the pod's own namespace (from its service account), as the Kubernetes client finds it. */
    Optional<String> namespace();

    /** Unset: the pod name (HOSTNAME), else a random id. */
    Optional<String> identity();

    @WithDefault("15s")
    Duration leaseDuration();

    @WithDefault("10s")
    Duration renewDeadline();

    @WithDefault("2s")
    Duration retryPeriod();

    default boolean effectivelyEnabled() {
        return enabled().orElseGet(() -> System.getenv("KUBERNETES_SERVICE_HOST") != null);
    }
}
