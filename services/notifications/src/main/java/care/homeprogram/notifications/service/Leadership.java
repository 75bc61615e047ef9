package care.homeprogram.notifications.service;

import care.homeprogram.notifications.client.LeaseLeaderElection;
import care.homeprogram.notifications.config.LeaderElectionConfig;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Whether this replica runs the singleton jobs (materialising reminders, the adherence sweep). In a cluster it
 * takes part in a Lease election; outside one (locally, in tests) it simply is the leader. The Kubernetes client
 * is only created when the election is on, so nothing tries to reach a cluster otherwise.
 */
@ApplicationScoped
public class Leadership {
    private static final Logger LOG = Logger.getLogger(Leadership.class);

    private final LeaderElectionConfig config;
    private final Instance<KubernetesClient> kubernetes;
    private volatile LeaseLeaderElection election;
    private volatile boolean stopping;

    public Leadership(LeaderElectionConfig config, Instance<KubernetesClient> kubernetes) {
        this.config = config;
        this.kubernetes = kubernetes;
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.effectivelyEnabled()) {
            LOG.info("leader election off (not in a cluster): this process runs the singleton jobs");
            return;
        }
        KubernetesClient client = kubernetes.get();
        String namespace = config.namespace().orElseGet(() -> client.getNamespace() != null ? client.getNamespace()
                : "default");
        String identity = config.identity().orElseGet(() -> System.getenv().getOrDefault("HOSTNAME",
                "notification-service-" + UUID.randomUUID()));
        election = new LeaseLeaderElection(client, namespace, config.leaseName(), identity, config.leaseDuration(),
                config.renewDeadline(), config.retryPeriod());
        election.start();
        LOG.infof("leader election on: %s contends for Lease %s/%s", identity, namespace, config.leaseName());
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        if (election != null) {
            election.close();
        }
    }

    /** False while shutting down too: a stopping replica starts no singleton job. */
    public boolean isLeader() {
        if (stopping) {
            return false;
        }
        LeaseLeaderElection current = election;
        return current == null ? !config.effectivelyEnabled() : current.isLeader();
    }

    /** For {@code @Scheduled(skipExecutionIf = Leadership.NotLeader.class)} on the singleton jobs. */
    @Singleton
    public static class NotLeader implements Scheduled.SkipPredicate {
        private final Leadership leadership;

        public NotLeader(Leadership leadership) {
            this.leadership = leadership;
        }

        @Override
        public boolean test(ScheduledExecution execution) {
            return !leadership.isLeader();
        }
    }
}
