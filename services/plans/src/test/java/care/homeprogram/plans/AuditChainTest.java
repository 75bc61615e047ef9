package care.homeprogram.plans;

import static care.homeprogram.testing.DemoUsers.PAT;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import care.homeprogram.local.PostgresServer;
import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The audit trail is a hash chain and {@code GET /api/plans/audit/verify} checks it: a clean trail verifies, also
 * after 200 requests at once and inserts from another connection (a second replica) at the same time; a record
 * changed or deleted by someone with the database superuser's rights (who can disable the append-only trigger) is
 * reported as the first broken link. Each tampering is undone afterwards, so the trail verifies again.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PLANS"))
class AuditChainTest {

    @Test
    void aCleanTrailVerifiesAlsoAfterManyConcurrentInserts() throws Exception {
        String pat = Tokens.accessToken("pat");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                calls.add(pool.submit(() -> given().auth().oauth2(pat).get("/api/plans/mine").statusCode()));
            }
            // A second replica: its own connections, inserting at the same moment.
            for (int i = 0; i < 4; i++) {
                calls.add(pool.submit(() -> {
                    for (int n = 0; n < 25; n++) {
                        superuser(c -> insertDirectly(c));
                    }
                    return 200;
                }));
            }
            for (Future<Integer> call : calls) {
                assertThat(call.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        verify().body("valid", equalTo(true)).body("records", greaterThanOrEqualTo(300))
                .body("firstBrokenRecordId", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aRecordChangedBehindTheServicesBackIsTheFirstBrokenLink() throws Exception {
        List<String> ids = threeNewRecords();
        String middle = ids.get(1);
        superuser(c -> tamper(c, "UPDATE audit_record SET patient_id = NULL, actor_sub = 'someone-else' WHERE id = '"
                + middle + "'"));
        try {
            verify().body("valid", equalTo(false)).body("firstBrokenRecordId", equalTo(middle));
        } finally {
            superuser(c -> tamper(c, "UPDATE audit_record SET patient_id = '" + PAT + "', actor_sub = '" + PAT
                    + "' WHERE id = '" + middle + "'"));
        }
        verify().body("valid", equalTo(true));
    }

    @Test
    void aRecordDeletedBehindTheServicesBackBreaksTheLinkOfTheNextOne() throws Exception {
        List<String> ids = threeNewRecords();
        String middle = ids.get(1);
        List<Object> saved = new ArrayList<>();
        List<String> next = new ArrayList<>();
        superuser(c -> {
            // The record after it (the admin's query that fetched its id came in between).
            try (Statement s = c.createStatement(); ResultSet row = s.executeQuery("SELECT id FROM audit_record WHERE"
                    + " seq > (SELECT seq FROM audit_record WHERE id = '" + middle + "') ORDER BY seq LIMIT 1")) {
                row.next();
                next.add(row.getString(1));
            }
            try (Statement s = c.createStatement();
                    ResultSet row = s.executeQuery("SELECT * FROM audit_record WHERE id = '" + middle + "'")) {
                row.next();
                for (int i = 1; i <= row.getMetaData().getColumnCount(); i++) {
                    saved.add(row.getObject(i));
                }
            }
            tamper(c, "DELETE FROM audit_record WHERE id = '" + middle + "'");
        });
        try {
            verify().body("valid", equalTo(false)).body("firstBrokenRecordId", equalTo(next.get(0)));
        } finally {
            superuser(c -> {
                // Put it back exactly as it was: the chain trigger would give it a new seq and hash.
                try (Statement s = c.createStatement()) {
                    s.execute("ALTER TABLE audit_record DISABLE TRIGGER audit_record_chain");
                }
                String marks = String.join(",", java.util.Collections.nCopies(saved.size(), "?"));
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO audit_record VALUES (" + marks + ")")) {
                    for (int i = 0; i < saved.size(); i++) {
                        insert.setObject(i + 1, saved.get(i));
                    }
                    insert.executeUpdate();
                }
                try (Statement s = c.createStatement()) {
                    s.execute("ALTER TABLE audit_record ENABLE TRIGGER audit_record_chain");
                }
            });
        }
        verify().body("valid", equalTo(true));
    }

    /** Three of pat's requests, one after the other: their record ids, oldest first (an admin's query after each). */
    private static List<String> threeNewRecords() {
        String pat = Tokens.accessToken("pat");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String correlationId = "chain-" + UUID.randomUUID();
            given().auth().oauth2(pat).header("X-Correlation-Id", correlationId).get("/api/plans/mine").then()
                    .statusCode(200);
            ids.add(given().auth().oauth2(Tokens.accessToken("ada")).get("/api/plans/audit?correlationId="
                    + correlationId).then().statusCode(200).body("total", equalTo(1)).extract().path("items[0].id"));
        }
        return ids;
    }

    private static io.restassured.response.ValidatableResponse verify() {
        var response = given().auth().oauth2(Tokens.accessToken("ada")).get("/api/plans/audit/verify").then()
                .statusCode(200);
        JsonPath json = response.extract().jsonPath();
        assertThat(json.getLong("records")).isPositive();
        return response;
    }

    /** What an attacker with the superuser's rights can do: switch the append-only trigger off, change, switch on. */
    private static void tamper(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE audit_record DISABLE TRIGGER audit_record_no_update_or_delete");
            assertThat(s.executeUpdate(sql)).isEqualTo(1);
            s.execute("ALTER TABLE audit_record ENABLE TRIGGER audit_record_no_update_or_delete");
        }
    }

    private static void insertDirectly(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO audit_record (id, occurred_at, service, actor_role, method, resource, action,"
                    + " outcome, status, correlation_id) VALUES (gen_random_uuid(), now(), 'plan-service',"
                    + " 'anonymous', 'GET', '/api/plans/mine', 'READ', 'DENIED', 401, 'replica-" + UUID.randomUUID()
                    + "')");
        }
    }

    interface Work {
        void run(Connection connection) throws SQLException;
    }

    /** The database superuser (not the service's role), on the service's own database; one transaction. */
    private static void superuser(Work work) throws SQLException {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        try (Connection c = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.PASSWORD)) {
            c.setAutoCommit(false);
            work.run(c);
            c.commit();
        }
    }
}
