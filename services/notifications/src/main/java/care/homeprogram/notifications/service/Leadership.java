package care.homeprogram.notifications.service;

import care.homeprogram.notifications.client.DatabaseLockLeaderElection;
import care.homeprogram.notifications.client.LeaseLeaderElection;
import care.homeprogram.notifications.config.LeaderElectionConfig;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;

/**
 * Whether this replica runs the singleton jobs (materialising reminders, the adherence sweep). In a cluster it
 * takes part in a Lease election; outside one (the local run, several replicas on one machine) the replicas elect a
 * leader through a PostgreSQL advisory lock on their shared database. The Kubernetes client is only created when
 * the Lease election is on, so nothing tries to reach a cluster otherwise. Whether this replica leads shows in
 * {@code /q/health/ready} (always UP: a follower is as ready to serve as the leader) and as the gauge
 * {@code homeprogram_singleton_jobs_leader}.
 */
@ApplicationScoped
public class Leadership {
    private static final Logger LOG = Logger.getLogger(Leadership.class);

    private final LeaderElectionConfig config;
    private final Instance<KubernetesClient> kubernetes;
    private final String jdbcUrl;
    private final String username;
    private final String password;
    private volatile LeaseLeaderElection election;
    private volatile DatabaseLockLeaderElection databaseLock;
    private volatile boolean stopping;

    public Leadership(LeaderElectionConfig config, Instance<KubernetesClient> kubernetes, MeterRegistry registry,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
            @ConfigProperty(name = "quarkus.datasource.username") String username,
            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.config = config;
        this.kubernetes = kubernetes;
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
        Gauge.builder("homeprogram_singleton_jobs_leader", this, leadership -> leadership.isLeader() ? 1 : 0)
                .description("1 while this replica runs the singleton jobs (reminder materialisation, adherence"
                        + " sweep), else 0")
                .register(registry);
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.effectivelyEnabled()) {
            databaseLock = new DatabaseLockLeaderElection(jdbcUrl, username, password, config.leaseName(),
                    config.retryPeriod());
            LOG.infof("leader election through a database lock (not in a cluster): %s", config.leaseName());
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
        if (databaseLock != null) {
            databaseLock.close();
        }
    }

    /** False while shutting down too: a stopping replica starts no singleton job. */
    public boolean isLeader() {
        if (stopping) {
            return false;
        }
        LeaseLeaderElection lease = election;
        if (lease != null) {
            return lease.isLeader();
        }
        DatabaseLockLeaderElection lock = databaseLock;
        return lock != null && lock.isLeader();
    }

    /** How this replica takes part in the election, for the readiness detail. */
    public String election() {
        return election != null ? "kubernetes-lease" : "database-lock";
    }

    /** The leadership in {@code /q/health/ready}, always UP: a follower serves requests as well as the leader. */
    @Readiness
    @ApplicationScoped
    public static class Check implements HealthCheck {
        private final Leadership leadership;

        public Check(Leadership leadership) {
            this.leadership = leadership;
        }

        @Override
        public HealthCheckResponse call() {
            return HealthCheckResponse.named("singleton-jobs").up()
                    .withData("leader", leadership.isLeader())
                    .withData("election", leadership.election())
                    .build();
        }
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
