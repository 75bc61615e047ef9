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
    /** The advisory lock under which roles are created (any fixed number; this one spells "HomePro"). */
    private static final long ROLES_LOCK = 0x486f6d6550726fL;

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

    /**
     * A service's two roles. The owner owns the database and its schema and runs the Flyway migrations; the
     * runtime role is the one the service's datasource uses, and the migrations' afterMigrate callback
     * (services/commons db/commons/afterMigrate.sql) grants it only the DML it needs, and only INSERT and SELECT on
     * audit_record, so the service's own credentials can neither rewrite the trail nor switch its triggers off.
     * Roles belong to the whole PostgreSQL cluster: every database of one service (the run's, each test run's)
     * shares them. The passwords are demo-only, like everything the launcher makes.
     */
    public record ServiceRoles(String owner, String ownerPassword, String runtime, String runtimePassword) {
        public static ServiceRoles of(Service service) {
            String runtime = service.clientId().replace('-', '_');
            return new ServiceRoles(runtime + "_owner", "demo-only-" + runtime + "-owner", runtime,
                    "demo-only-" + runtime);
        }
    }

    /**
     * Creates a service's database when it does not exist yet, owned by the service's owner role (both roles are
     * made first when missing), and returns its JDBC URL. A database an earlier version made (owned by
     * {@value #USER}, as were all its tables) is handed over to the owner role, so an existing data folder keeps
     * working: its next migration run as the owner re-applies the runtime role's grants.
     */
    public static String createDatabase(int port, String name, ServiceRoles roles) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a database name: " + name);
        }
        try (Connection connection = java.sql.DriverManager.getConnection(jdbcUrl(port, "postgres"), USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            // Test JVMs sharing a stack create the same roles at once: CREATE ROLE would then fail on the second.
            connection.setAutoCommit(false);
            statement.execute("SELECT pg_advisory_xact_lock(" + ROLES_LOCK + ")");
            ensureRole(statement, roles.owner(), roles.ownerPassword());
            ensureRole(statement, roles.runtime(), roles.runtimePassword());
            connection.commit();
            connection.setAutoCommit(true);
            if (!databaseExists(port, name)) {
                statement.execute("CREATE DATABASE " + name + " OWNER " + roles.owner());
            } else {
                statement.execute("ALTER DATABASE " + name + " OWNER TO " + roles.owner());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name + " on port " + port, e);
        }
        handOver(port, name, roles.owner());
        return jdbcUrl(port, name);
    }

    private static void ensureRole(Statement statement, String role, String password) throws SQLException {
        // Names and passwords are the launcher's own constants ([a-z_-]), never user input.
        statement.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '" + role + "') THEN "
                + "CREATE ROLE " + role + "; END IF; END $$");
        statement.execute("ALTER ROLE " + role + " WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS "
                + "PASSWORD '" + password + "'");
    }

    /**
     * Gives the owner role the database's public schema (PostgreSQL 14 makes it the superuser's, and the owner must
     * be able to revoke CREATE on it from everyone else) and whatever an earlier version left owned by the
     * superuser there: tables (with their indexes, triggers and column sequences), other sequences, views and
     * functions. Idempotent, and nothing to do on a new database.
     */
    private static void handOver(int port, String name, String owner) {
        try (Connection connection = java.sql.DriverManager.getConnection(jdbcUrl(port, name), USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("ALTER SCHEMA public OWNER TO " + owner);
            statement.execute("""
                    DO $$
                    DECLARE
                        object record;
                    BEGIN
                        FOR object IN SELECT c.relname, c.relkind FROM pg_class c
                                JOIN pg_namespace n ON n.oid = c.relnamespace
                                WHERE n.nspname = 'public' AND c.relowner = 'postgres'::regrole
                                  AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
                                  -- a column's sequence follows its table
                                  AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                                      AND d.objid = c.oid AND d.deptype IN ('a', 'i'))
                        LOOP
                            EXECUTE format('ALTER %s %I OWNER TO %I',
                                CASE object.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW'
                                    WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END,
                                object.relname, 'OWNER_ROLE');
                        END LOOP;
                        FOR object IN SELECT p.oid::regprocedure AS signature, p.prokind FROM pg_proc p
                                JOIN pg_namespace n ON n.oid = p.pronamespace
                                WHERE n.nspname = 'public' AND p.proowner = 'postgres'::regrole
                        LOOP
                            EXECUTE format('ALTER %s %s OWNER TO %I',
                                CASE object.prokind WHEN 'p' THEN 'PROCEDURE' ELSE 'FUNCTION' END,
                                object.signature, 'OWNER_ROLE');
                        END LOOP;
                    END $$""".replace("OWNER_ROLE", owner));
        } catch (SQLException e) {
            throw new IllegalStateException("could not hand database " + name + " over to " + owner, e);
        }
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
