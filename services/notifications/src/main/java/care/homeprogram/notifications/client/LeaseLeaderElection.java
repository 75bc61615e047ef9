package care.homeprogram.notifications.client;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfig;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Takes part in the election of one leader among the replicas through a coordination.k8s.io {@code Lease}, with the
 * fabric8 client's {@code LeaderElector}. The leader renews the lease; when it stops (or crashes and the lease
 * expires) another replica takes it. A replica that loses the lease joins the next election again. Plain Java: the
 * tests run two of these against the fabric8 mock API server.
 */
public final class LeaseLeaderElection implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(LeaseLeaderElection.class);

    private final KubernetesClient client;
    private final String namespace;
    private final String leaseName;
    private final String identity;
    private final Duration leaseDuration;
    private final Duration renewDeadline;
    private final Duration retryPeriod;
    private final AtomicBoolean leader = new AtomicBoolean();
    private final ScheduledExecutorService restarts = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "leader-election-restart");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean closed;
    private volatile CompletableFuture<?> running;

    public LeaseLeaderElection(KubernetesClient client, String namespace, String leaseName, String identity,
            Duration leaseDuration, Duration renewDeadline, Duration retryPeriod) {
        this.client = client;
        this.namespace = namespace;
        this.leaseName = leaseName;
        this.identity = identity;
        this.leaseDuration = leaseDuration;
        this.renewDeadline = renewDeadline;
        this.retryPeriod = retryPeriod;
    }

    /** Joins the election in the background; returns at once. */
    public synchronized void start() {
        if (closed || running != null) {
            return;
        }
        contend();
    }

    private synchronized void contend() {
        if (closed) {
            return;
        }
        LeaderElectionConfig config = new LeaderElectionConfigBuilder()
                .withName(leaseName)
                .withLock(new LeaseLock(namespace, leaseName, identity))
                .withLeaseDuration(leaseDuration)
                .withRenewDeadline(renewDeadline)
                .withRetryPeriod(retryPeriod)
                .withReleaseOnCancel(true)
                .withLeaderCallbacks(new LeaderCallbacks(
                        () -> {
                            leader.set(true);
                            LOG.infof("%s leads %s/%s: singleton jobs run here", identity, namespace, leaseName);
                        },
                        () -> {
                            leader.set(false);
                            LOG.infof("%s no longer leads %s/%s", identity, namespace, leaseName);
                        },
                        newLeader -> LOG.debugf("leader of %s/%s is now %s", namespace, leaseName, newLeader)))
                .build();
        CompletableFuture<?> election = client.leaderElector().withConfig(config).build().start();
        running = election;
        election.whenComplete((ignored, failure) -> {
            leader.set(false);
            if (!closed) {
                if (failure != null) {
                    LOG.warnf("leader election of %s ended: %s; joining again", identity, failure.toString());
                }
                restarts.schedule(this::contend, retryPeriod.toMillis(), TimeUnit.MILLISECONDS);
            }
        });
    }

    public boolean isLeader() {
        return leader.get() && !closed;
    }

    public String identity() {
        return identity;
    }

    /** Leaves the election and releases the lease if held, so another replica takes over at once. */
    @Override
    public synchronized void close() {
        closed = true;
        leader.set(false);
        if (running != null) {
            running.cancel(true);
        }
        restarts.shutdownNow();
    }
}
