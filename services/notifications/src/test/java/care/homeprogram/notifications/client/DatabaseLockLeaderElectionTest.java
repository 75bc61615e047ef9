package care.homeprogram.notifications.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import care.homeprogram.local.PostgresServer;
import care.homeprogram.testing.DatabaseOutage;
import care.homeprogram.testing.SharedStack;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Replicas without a Kubernetes API elect the one that runs the singleton jobs through a PostgreSQL advisory lock
 * on the stack's real PostgreSQL: one leader at a time, a new one when it stops, and none while the database is
 * unreachable (a replica that cannot prove it holds the lock does not run the jobs).
 */
class DatabaseLockLeaderElectionTest {
    private static final Duration RETRY = Duration.ofMillis(200);
    private final String jdbcUrl = SharedStack.coordinates()
            .createDatabase("leader_" + UUID.randomUUID().toString().substring(0, 8));
    private final List<DatabaseLockLeaderElection> replicas = new java.util.ArrayList<>();

    private DatabaseLockLeaderElection replica(String lockName) {
        DatabaseLockLeaderElection replica = new DatabaseLockLeaderElection(jdbcUrl, PostgresServer.USER,
                PostgresServer.PASSWORD, lockName, RETRY);
        replicas.add(replica);
        return replica;
    }

    @AfterEach
    void stop() {
        replicas.forEach(DatabaseLockLeaderElection::close);
    }

    private static long leaders(DatabaseLockLeaderElection... replicas) {
        return Stream.of(replicas).filter(DatabaseLockLeaderElection::isLeader).count();
    }

    @Test
    void threeReplicasHaveExactlyOneLeaderAndANewOneWhenItStops() {
        DatabaseLockLeaderElection a = replica("singletons");
        DatabaseLockLeaderElection b = replica("singletons");
        DatabaseLockLeaderElection c = replica("singletons");
        await().atMost(Duration.ofSeconds(10)).until(() -> leaders(a, b, c) == 1);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> leaders(a, b, c) == 1);

        DatabaseLockLeaderElection first = Stream.of(a, b, c).filter(DatabaseLockLeaderElection::isLeader)
                .findFirst().orElseThrow();
        first.close();
        assertThat(first.isLeader()).as("a stopped replica leads nothing").isFalse();
        await().atMost(Duration.ofSeconds(5)).until(() -> leaders(a, b, c) == 1);
    }

    @Test
    void differentLocksElectIndependently() {
        DatabaseLockLeaderElection reminders = replica("singletons");
        DatabaseLockLeaderElection other = replica("another-job");
        await().atMost(Duration.ofSeconds(10)).until(() -> reminders.isLeader() && other.isLeader());
        assertThat(DatabaseLockLeaderElection.lockKey("singletons"))
                .as("the key is stable across replicas and versions")
                .isEqualTo(DatabaseLockLeaderElection.lockKey("singletons"))
                .isNotEqualTo(DatabaseLockLeaderElection.lockKey("another-job"));
    }

    @Test
    void noReplicaLeadsWhileTheDatabaseIsUnreachableAndOneLeadsAgainAfterwards() {
        DatabaseLockLeaderElection a = replica("singletons");
        DatabaseLockLeaderElection b = replica("singletons");
        await().atMost(Duration.ofSeconds(10)).until(() -> leaders(a, b) == 1);

        try (DatabaseOutage outage = DatabaseOutage.of(jdbcUrl)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> leaders(a, b) == 0);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> leaders(a, b) == 0);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> leaders(a, b) == 1);
    }
}
