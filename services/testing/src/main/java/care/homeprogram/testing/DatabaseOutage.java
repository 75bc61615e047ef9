package care.homeprogram.testing;

import care.homeprogram.local.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's database refusing every connection, as a failover, a restart or a network cut looks to the service:
 * its open connections are cut and new ones are refused ("database is not currently accepting connections") until
 * {@link #close()}. The real PostgreSQL does it; nothing is mocked.
 */
public final class DatabaseOutage implements AutoCloseable {
    private static final Pattern JDBC_URL = Pattern.compile("jdbc:postgresql://[^:/]+:(\\d+)/([a-z0-9_]+).*");

    private final int port;
    private final String database;
    private boolean over;

    private DatabaseOutage(int port, String database) {
        this.port = port;
        this.database = database;
    }

    /** Starts the outage of the database a service's JDBC URL names. */
    public static DatabaseOutage of(String jdbcUrl) {
        Matcher matcher = JDBC_URL.matcher(jdbcUrl);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL of the stack: " + jdbcUrl);
        }
        DatabaseOutage outage = new DatabaseOutage(Integer.parseInt(matcher.group(1)), matcher.group(2));
        outage.execute("ALTER DATABASE " + outage.database + " WITH ALLOW_CONNECTIONS false");
        outage.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + outage.database
                + "' AND pid <> pg_backend_pid()");
        return outage;
    }

    /** Ends the outage: connections are accepted again. */
    @Override
    public synchronized void close() {
        if (!over) {
            execute("ALTER DATABASE " + database + " WITH ALLOW_CONNECTIONS true");
            over = true;
        }
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(PostgresServer.jdbcUrl(port, "postgres"),
                PostgresServer.USER, PostgresServer.PASSWORD); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run on " + database + ": " + sql, e);
        }
    }
}
