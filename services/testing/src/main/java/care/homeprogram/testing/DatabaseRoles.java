package care.homeprogram.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What the service under test's own database credentials can do to its audit trail, tried for real: the runtime
 * role (the datasource's user) must be refused every way of rewriting or silencing {@code audit_record}, and the
 * owner role (Flyway's user) is still stopped by the append-only triggers. Each attempt runs in a transaction that
 * is rolled back, so an attempt that wrongly succeeds leaves the database as it was. Call from one test per service
 * (docs/security.md, "Database roles").
 */
public final class DatabaseRoles {
    /** PostgreSQL's insufficient_privilege. */
    private static final String INSUFFICIENT_PRIVILEGE = "42501";

    private DatabaseRoles() {
    }

    /** The statements an attacker holding the service's credentials would try first, each on its own. */
    public static final Map<String, String> TAMPERING = tampering();

    private static Map<String, String> tampering() {
        Map<String, String> statements = new LinkedHashMap<>();
        statements.put("switch the append-only triggers off", "ALTER TABLE audit_record DISABLE TRIGGER ALL");
        statements.put("drop the append-only trigger",
                "DROP TRIGGER audit_record_no_update_or_delete ON audit_record");
        statements.put("delete audit rows", "DELETE FROM audit_record");
        statements.put("rewrite audit rows", "UPDATE audit_record SET status = 200, outcome = 'ALLOWED'");
        statements.put("truncate the trail", "TRUNCATE audit_record");
        statements.put("drop the trail", "DROP TABLE audit_record");
        statements.put("replace the trigger function",
                "CREATE OR REPLACE FUNCTION audit_record_is_append_only() RETURNS trigger LANGUAGE plpgsql "
                        + "AS $$ BEGIN RETURN NEW; END; $$");
        statements.put("create a table", "CREATE TABLE tampering (id integer)");
        statements.put("rewind the trail's sequence",
                "SELECT setval(pg_get_serial_sequence('audit_record', 'seq'), 1)");
        return statements;
    }

    /** Connects as the service's datasource does (the runtime role). */
    public static Connection asRuntimeRole() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    /** Connects as Flyway does (the owner role). */
    public static Connection asOwnerRole() throws SQLException {
        Config config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.flyway.username", String.class),
                config.getValue("quarkus.flyway.password", String.class));
    }

    /** The number of audit records, read with the runtime role's SELECT. */
    public static long auditRecords() {
        try (Connection connection = asRuntimeRole(); Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT count(*) FROM audit_record")) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not count the audit records as the runtime role", e);
        }
    }

    /**
     * The datasource's user is neither the database's owner nor a superuser, and every statement of
     * {@link #TAMPERING} is refused to it for lack of privilege (not by the triggers, which it could switch off if
     * it owned the table).
     */
    public static void assertTheRuntimeRoleCannotTamperWithTheTrail() {
        try (Connection connection = asRuntimeRole()) {
            try (Statement statement = connection.createStatement();
                    ResultSet who = statement.executeQuery("SELECT current_user, r.rolsuper, "
                            + "pg_get_userbyid(d.datdba) FROM pg_roles r, pg_database d "
                            + "WHERE r.rolname = current_user AND d.datname = current_database()")) {
                who.next();
                assertThat(who.getBoolean(2)).as("the datasource user %s is a superuser", who.getString(1)).isFalse();
                assertThat(who.getString(1)).as("the datasource user owns the database").isNotEqualTo(who.getString(3));
            }
            List<String> allowed = new ArrayList<>();
            for (Map.Entry<String, String> attempt : TAMPERING.entrySet()) {
                SQLException refusal = attempt(connection, attempt.getValue());
                if (refusal == null) {
                    allowed.add(attempt.getKey() + ": " + attempt.getValue());
                } else {
                    assertThat(refusal.getSQLState()).as("%s: %s", attempt.getKey(), refusal.getMessage())
                            .isEqualTo(INSUFFICIENT_PRIVILEGE);
                    // The triggers raise insufficient_privilege too: the refusal must be PostgreSQL's own.
                    assertThat(refusal.getMessage()).as(attempt.getKey())
                            .containsAnyOf("permission denied", "must be owner")
                            .doesNotContain("append-only");
                }
            }
            assertThat(allowed).as("the service's runtime credentials could").isEmpty();
        } catch (SQLException e) {
            throw new IllegalStateException("could not connect as the runtime role", e);
        }
    }

    /**
     * The owner (Flyway's role) may alter the schema, but the append-only triggers still refuse it the trail. The
     * row triggers fire only on rows: call it once the service has written audit records.
     */
    public static void assertTheTriggersStopTheOwner() {
        try (Connection connection = asOwnerRole()) {
            for (String sql : List.of("DELETE FROM audit_record", "UPDATE audit_record SET status = 200",
                    "TRUNCATE audit_record")) {
                SQLException refusal = attempt(connection, sql);
                assertThat((Object) refusal).as("the owner could: %s", sql).isNotNull();
                assertThat(refusal.getMessage()).as(sql).contains("append-only");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not connect as the owner role", e);
        }
    }

    /** Runs one statement in a transaction that is always rolled back; returns its failure, or null. */
    private static SQLException attempt(Connection connection, String sql) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
            return null;
        } catch (SQLException refused) {
            return refused;
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }
}
