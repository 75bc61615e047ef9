package care.homeprogram.notifications.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two replicas electing the one that runs the singleton jobs, through a real coordination.k8s.io Lease on the
 * fabric8 mock API server in CRUD mode (it stores what is written, with resource versions).
 */
@EnableKubernetesMockClient(crud = true)
class LeaseLeaderElectionTest {
    private static final String NAMESPACE = "homeprogram";
    private static final String LEASE = "notification-service-singletons";

    KubernetesMockServer server;
    KubernetesClient client;

    private LeaseLeaderElection first;
    private LeaseLeaderElection second;

    private LeaseLeaderElection replica(String identity, Duration leaseDuration) {
        return new LeaseLeaderElection(client, NAMESPACE, LEASE, identity, leaseDuration,
                leaseDuration.multipliedBy(2).dividedBy(3), Duration.ofMillis(300));
    }

    @AfterEach
    void stop() {
        Stream.of(first, second).filter(java.util.Objects::nonNull).forEach(LeaseLeaderElection::close);
    }

    @Test
    void oneOfTwoReplicasLeadsAndTheOtherTakesOverWhenItStops() {
        first = replica("pod-a", Duration.ofSeconds(6));
        second = replica("pod-b", Duration.ofSeconds(6));
        first.start();
        await().atMost(Duration.ofSeconds(30)).until(first::isLeader);
        second.start();

        // The lease names the leader; the second replica keeps trying but never leads at the same time.
        await().atMost(Duration.ofSeconds(30)).until(() -> "pod-a".equals(holder()));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> first.isLeader() && !second.isLeader());

        first.close(); // a graceful stop releases the lease
        await().atMost(Duration.ofSeconds(30)).until(second::isLeader);
        assertThat(first.isLeader()).isFalse();
        await().atMost(Duration.ofSeconds(30)).until(() -> "pod-b".equals(holder()));
    }

    @Test
    void aCrashedLeadersLeaseExpiresAndAnotherReplicaTakesIt() {
        // A crash: the leader stopped renewing and never released, so its lease stays until it expires.
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        client.leases().inNamespace(NAMESPACE).resource(new LeaseBuilder()
                .withNewMetadata().withName(LEASE).withNamespace(NAMESPACE).endMetadata()
                .withNewSpec().withHolderIdentity("pod-crashed").withLeaseDurationSeconds(3)
                .withAcquireTime(now).withRenewTime(now).withLeaseTransitions(0)
                .endSpec().build()).create();

        second = replica("pod-b", Duration.ofSeconds(3));
        second.start();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> !second.isLeader());
        await().atMost(Duration.ofSeconds(30)).until(second::isLeader);
        assertThat(holder()).isEqualTo("pod-b");
    }

    @Test
    void onlyOneOfManyReplicasLeadsAtATime() {
        List<LeaseLeaderElection> replicas = Stream.of("pod-a", "pod-b", "pod-c")
                .map(id -> replica(id, Duration.ofSeconds(6))).toList();
        try {
            replicas.forEach(LeaseLeaderElection::start);
            await().atMost(Duration.ofSeconds(30)).until(() -> replicas.stream()
                    .filter(LeaseLeaderElection::isLeader).count() == 1);
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> replicas.stream()
                    .filter(LeaseLeaderElection::isLeader).count() == 1);
            String leader = replicas.stream().filter(LeaseLeaderElection::isLeader).findFirst().orElseThrow()
                    .identity();
            assertThat(holder()).isEqualTo(leader);
        } finally {
            replicas.forEach(LeaseLeaderElection::close);
        }
    }

    private String holder() {
        Lease lease = client.leases().inNamespace(NAMESPACE).withName(LEASE).get();
        return lease == null ? null : lease.getSpec().getHolderIdentity();
    }
}
