package care.homeprogram.notifications.client;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Leader election where there is no Kubernetes API (the local run, several replicas on one machine): the leader is
 * the replica whose database session holds a PostgreSQL session-level advisory lock. The session is a connection of
 * its own, outside the pool, because a pooled connection is reset and handed to others; when the process dies its
 * socket closes and PostgreSQL releases the lock at once, so another replica takes over within one retry period.
 * When the connection fails, this replica gives up leadership before trying again; the singleton jobs are
 * idempotent, so the short overlap a half-open connection could cause duplicates nothing.
 */
public final class DatabaseLockLeaderElection implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DatabaseLockLeaderElection.class);

    private final String jdbcUrl;
    private final String username;
    private final String password;
    private final long lockKey;
    private final ScheduledExecutorService ticker;
    private Connection session;
    private volatile boolean leader;

    public DatabaseLockLeaderElection(String jdbcUrl, String username, String password, String lockName,
            Duration retryPeriod) {
        this.jdbcUrl = jdbcUrl;
        this.username = username;
        this.password = password;
        this.lockKey = lockKey(lockName);
        this.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "leader-election-" + lockName);
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleWithFixedDelay(this::tick, 0, retryPeriod.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A stable 64-bit key for the lock's name, the same in every replica and every version. */
    static long lockKey(String lockName) {
        long hash = 0xcbf29ce484222325L; // FNV-1a
        for (byte b : lockName.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    public boolean isLeader() {
        return leader;
    }

    private synchronized void tick() {
        try {
            if (session != null && !session.isValid(2)) {
                lose("its database session was lost");
            }
            if (session == null) {
                session = DriverManager.getConnection(jdbcUrl, username, password);
                session.setAutoCommit(true);
            }
            if (!leader) {
                try (PreparedStatement statement = session.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                    statement.setLong(1, lockKey);
                    try (ResultSet result = statement.executeQuery()) {
                        leader = result.next() && result.getBoolean(1);
                    }
                }
                if (leader) {
                    LOG.info("this replica now leads the singleton jobs (database lock held)");
                }
            }
        } catch (SQLException | RuntimeException e) {
            lose("the database could not be reached: " + e.getMessage());
        }
    }

    private void lose(String why) {
        if (leader) {
            LOG.warnf("this replica no longer leads the singleton jobs: %s", why);
        }
        leader = false;
        if (session != null) {
            try {
                session.close();
            } catch (SQLException ignored) {
                // the session is gone either way; closing it releases the lock if the server still holds it
            }
            session = null;
        }
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        synchronized (this) {
            lose("shutting down");
        }
    }
}
