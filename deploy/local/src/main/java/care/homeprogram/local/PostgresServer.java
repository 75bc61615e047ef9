package care.homeprogram.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/** Real PostgreSQL binaries from Maven (zonky); one server, one database per service. */
public final class PostgresServer implements AutoCloseable {
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private PostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /**
     * @param storage {@link Storage#DURABLE} keeps the cluster between starts with PostgreSQL's crash-safe
     *                settings (fsync, synchronous commit, full-page writes); {@link Storage#EPHEMERAL} makes a new
     *                cluster each start and trades durability for speed, which a test run's throwaway data allows
     */
    public static PostgresServer start(int port, Path dataDirectory, Storage storage) {
        Instant start = Instant.now();
        boolean existing = storage == Storage.DURABLE && Files.exists(dataDirectory.resolve("PG_VERSION"));
        Progress.say("starting PostgreSQL on port " + port + (existing ? " (existing data)" : ""));
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(storage == Storage.EPHEMERAL)
                    .setServerConfig("max_connections", "300");
            if (storage == Storage.DURABLE) {
                // zonky starts the server with -F (fsync off) and synchronous_commit off; these come after and win.
                builder.setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on")
                        // crash recovery after a power cut can take longer than zonky's 10 s default
                        .setPGStartupWait(Duration.ofMinutes(3));
            }
            EmbeddedPostgres postgres = builder.start();
            Progress.say("PostgreSQL ready on port " + port + " in " + Progress.since(start));
            return new PostgresServer(postgres, dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start on port " + port, e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    /** Creates the database when it does not exist yet and returns its JDBC URL. */
    public String createDatabase(String name) {
        return createDatabase(port(), name);
    }

    public static String createDatabase(int port, String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a database name: " + name);
        }
        if (databaseExists(port, name)) {
            return jdbcUrl(port, name);
        }
        try (Connection connection = java.sql.DriverManager.getConnection(jdbcUrl(port, "postgres"), USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name + " on port " + port, e);
        }
        return jdbcUrl(port, name);
    }

    public static boolean databaseExists(int port, String name) {
        try (Connection connection = java.sql.DriverManager.getConnection(jdbcUrl(port, "postgres"), USER, PASSWORD);
                var statement = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            statement.setString(1, name);
            return statement.executeQuery().next();
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the databases on port " + port, e);
        }
    }

    public static String jdbcUrl(int port, String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    /**
     * Fast shutdown. zonky's pg_ctl gives up waiting after 5 s while the server may still be writing its shutdown
     * checkpoint, so this waits for the postmaster itself: the next start must find the cluster closed.
     */
    @Override
    public void close() {
        java.util.Optional<ProcessHandle> postmaster = postmaster();
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
        }
        postmaster.ifPresent(p -> {
            try {
                p.onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                Progress.say("PostgreSQL (pid " + p.pid() + ") is still stopping; the next start waits for it");
            }
        });
    }

    private java.util.Optional<ProcessHandle> postmaster() {
        try {
            long pid = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
            return ProcessHandle.of(pid);
        } catch (IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }
}
