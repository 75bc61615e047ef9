package care.homeprogram.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The launcher gives each service's database to the service's owner role, and a data folder an earlier version
 * made (every database and table the superuser's, the services logging in as the superuser) is handed over on the
 * next start, so `./homeprogram run` keeps working on it. A real PostgreSQL; nothing is mocked.
 */
class ServiceDatabaseTest {
    private static final PostgresServer.ServiceRoles ROLES = PostgresServer.ServiceRoles.of(Service.PLANS);
    private static PostgresServer postgres;
    private static Path data;

    @BeforeAll
    static void start() throws Exception {
        data = Files.createTempDirectory("homeprogram-roles");
        postgres = PostgresServer.start(Ports.free(), data, Storage.EPHEMERAL);
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @Test
    void aNewDatabaseIsTheOwnerRolesAndTheRuntimeRoleCannotCreateInIt() throws SQLException {
        String url = PostgresServer.createDatabase(postgres.port(), "fresh", ROLES);
        assertThat(query("fresh", "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'fresh'"))
                .containsExactly(ROLES.owner());
        assertThat(query("fresh", "SELECT nspowner::regrole::text FROM pg_namespace WHERE nspname = 'public'"))
                .containsExactly(ROLES.owner());
        try (Connection owner = DriverManager.getConnection(url, ROLES.owner(), ROLES.ownerPassword());
                Statement statement = owner.createStatement()) {
            // What afterMigrate.sql does as the owner; on PostgreSQL 14 only the schema's owner can.
            statement.execute("REVOKE CREATE ON SCHEMA public FROM PUBLIC");
            statement.execute("CREATE TABLE owned (id bigserial PRIMARY KEY)");
        }
        try (Connection runtime = DriverManager.getConnection(url, ROLES.runtime(), ROLES.runtimePassword());
                Statement statement = runtime.createStatement()) {
            assertThatThrownBy(() -> statement.execute("CREATE TABLE tampering (id integer)"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> statement.execute("DROP TABLE owned")).hasMessageContaining("must be owner");
        }
        // Idempotent: the roles and the database are made once, whoever asks again.
        assertThat(PostgresServer.createDatabase(postgres.port(), "fresh", ROLES)).isEqualTo(url);
        assertThat(PostgresServer.databaseExists(postgres.port(), "fresh")).isTrue();
    }

    @Test
    void aDatabaseOfAnEarlierVersionIsHandedOverToTheOwnerRole() throws SQLException {
        // As the launcher made it before the two roles: created and migrated by the superuser.
        PostgresServer.createDatabase(postgres.port(), "earlier");
        execute("earlier", """
                CREATE TABLE flyway_schema_history (installed_rank integer PRIMARY KEY, script varchar(1000));
                CREATE TABLE audit_record (id uuid PRIMARY KEY, seq bigserial NOT NULL UNIQUE, status integer);
                CREATE SEQUENCE standalone;
                CREATE VIEW recent AS SELECT id FROM audit_record;
                CREATE FUNCTION audit_record_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'append-only'; END; $$;
                CREATE TRIGGER no_delete BEFORE DELETE ON audit_record
                    FOR EACH ROW EXECUTE FUNCTION audit_record_is_append_only();
                INSERT INTO audit_record VALUES ('00000000-0000-0000-0000-000000000001', DEFAULT, 200);
                """);

        PostgresServer.createDatabase(postgres.port(), "earlier", ROLES);

        assertThat(query("earlier", "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'earlier'"))
                .containsExactly(ROLES.owner());
        assertThat(query("earlier", "SELECT c.relname || ' ' || c.relowner::regrole FROM pg_class c "
                + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN "
                + "('r', 'S', 'v') ORDER BY 1")).containsExactly(
                        "audit_record " + ROLES.owner(), "audit_record_seq_seq " + ROLES.owner(),
                        "flyway_schema_history " + ROLES.owner(), "recent " + ROLES.owner(),
                        "standalone " + ROLES.owner());
        assertThat(query("earlier", "SELECT proowner::regrole::text FROM pg_proc "
                + "WHERE proname = 'audit_record_is_append_only'")).containsExactly(ROLES.owner());
        // The owner can now migrate (Flyway writes its history) and the data is still there.
        try (Connection owner = DriverManager.getConnection(PostgresServer.jdbcUrl(postgres.port(), "earlier"),
                ROLES.owner(), ROLES.ownerPassword()); Statement statement = owner.createStatement()) {
            statement.execute("ALTER TABLE audit_record ADD COLUMN hash varchar(64)");
            statement.execute("INSERT INTO flyway_schema_history VALUES (1, 'afterMigrate.sql')");
            try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM audit_record")) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(1);
            }
        }
        // Nothing is left to the superuser, and a second start changes nothing.
        PostgresServer.createDatabase(postgres.port(), "earlier", ROLES);
        assertThat(query("earlier", "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                + "WHERE n.nspname = 'public' AND c.relowner <> '" + ROLES.owner() + "'::regrole")).containsExactly("0");
    }

    private static void execute(String database, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(PostgresServer.jdbcUrl(postgres.port(), database),
                PostgresServer.USER, PostgresServer.PASSWORD); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> query(String database, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(PostgresServer.jdbcUrl(postgres.port(), database),
                PostgresServer.USER, PostgresServer.PASSWORD); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                rows.add(result.getString(1));
            }
        }
        return rows;
    }
}
