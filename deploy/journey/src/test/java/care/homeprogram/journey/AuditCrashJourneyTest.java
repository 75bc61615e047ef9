package care.homeprogram.journey;

import static care.homeprogram.testing.DemoUsers.SAM;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import care.homeprogram.local.Platform;
import care.homeprogram.local.PostgresServer;
import care.homeprogram.local.Service;
import care.homeprogram.testing.SharedStack;
import care.homeprogram.testing.Tokens;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hot read {@code GET /api/plans/mine} writes its audit record through the group commit (commons'
 * {@code AuditWriter}) and must keep both halves of "no record, no data": every read that was answered 200 has its
 * record committed, even when plan-service is killed (SIGKILL) in the middle of concurrent reads; and a read whose
 * record cannot be written is refused (503 problem+json), never served unrecorded. plan-service runs as the packaged
 * JVM it is in production, on databases of its own on the shared stack (patient-service beside it, for the patient).
 */
class AuditCrashJourneyTest {
    private static final int READERS = 8;
    private static final int KILL_AFTER = 400;
    private static final String ID_PREFIX = "auditcrash-";

    private static Platform platform;
    private static String databasePrefix;
    private static String planId;

    @BeforeAll
    static void startPlanService() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        databasePrefix = "auditcrash_" + run + "_";
        platform = Platform.start(SharedStack.coordinates(), Platform.freePorts(), databasePrefix,
                "auditcrash-" + run + "-", true, Path.of("target", "auditcrash-" + run).toAbsolutePath(),
                EnumSet.of(Service.PATIENTS, Service.PLANS), Map.of());
        planId = JourneyPlans.assignAcute(platform, "tara", SAM); // so the read answers a real plan (~14 KB)
    }

    @AfterAll
    static void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    void everyReadAnsweredBeforeAKillHasItsAuditRecord() throws Exception {
        Set<String> answered = ConcurrentHashMap.newKeySet();
        AtomicBoolean down = new AtomicBoolean();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        String token = Tokens.accessToken("sam");
        // Every audit insert takes 20 ms longer, so whenever the kill comes a batch is being written: a writer that
        // answered before its commit would leave answered reads without a record.
        execute("CREATE FUNCTION audit_crash_test_slow() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "PERFORM pg_sleep(0.02); RETURN NEW; END; $$",
                "CREATE TRIGGER audit_crash_test_slow BEFORE INSERT ON audit_record FOR EACH ROW "
                        + "EXECUTE FUNCTION audit_crash_test_slow()");
        ExecutorService readers = Executors.newFixedThreadPool(READERS);
        List<Future<?>> running = new ArrayList<>();
        for (int r = 0; r < READERS; r++) {
            running.add(readers.submit(() -> {
                while (!down.get()) {
                    String correlationId = ID_PREFIX + UUID.randomUUID();
                    switch (read(http, token, correlationId)) {
                        case ANSWERED -> answered.add(correlationId);
                        case REFUSED_CONNECTION -> down.set(true); // killed: nobody is listening any more
                        case NOT_ANSWERED -> { } // killed mid-request, or a refusal: no data was served
                    }
                }
            }));
        }
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(10))
                .until(() -> answered.size() >= KILL_AFTER);
        platform.kill(Service.PLANS);
        for (Future<?> reader : running) {
            reader.get(1, TimeUnit.MINUTES);
        }
        readers.shutdown();
        int atTheKill = answered.size();
        execute("DROP TRIGGER audit_crash_test_slow ON audit_record", "DROP FUNCTION audit_crash_test_slow()");
        platform.restart(Service.PLANS);

        Map<String, List<Object>> trail = auditRecordsByCorrelationId();
        assertThat(trail.keySet()).as("every answered read has its audit record after the kill")
                .containsAll(answered);
        assertThat(answered).allSatisfy(id -> assertThat(trail.get(id))
                .as("the record of %s", id).containsExactly("READ", 200, SAM.toString(), "/api/plans/mine",
                        SAM.toString(), "patient", "ALLOWED", "GET", "homeprogram-cli"));
        String verification = given().baseUri(platform.url(Service.PLANS)).auth().oauth2(Tokens.accessToken("ada"))
                .get("/api/plans/audit/verify").then().statusCode(200).extract().asString();
        assertThat(verification).as("the hash chain still holds after the kill").contains("\"valid\":true");
        assertThat(read(http, token, ID_PREFIX + UUID.randomUUID())).as("served again after the restart")
                .isEqualTo(Outcome.ANSWERED);
        System.out.printf("[chaos] plan-service killed (SIGKILL) during %d concurrent reads of /api/plans/mine (plan %s)"
                + " after %d were answered 200; %d audit records of this run after the restart, 0 answered reads "
                + "unrecorded%n", READERS, planId, atTheKill, trail.size());
    }

    @Test
    void aReadWhoseAuditRecordCannotBeWrittenIsNotServed() throws Exception {
        String token = Tokens.accessToken("sam");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        assertThat(read(http, token, ID_PREFIX + UUID.randomUUID())).isEqualTo(Outcome.ANSWERED);
        // The database refuses every new audit record (as a full disk or a revoked grant would), nothing else.
        execute("CREATE FUNCTION audit_crash_test_refuses() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "RAISE EXCEPTION 'the audit trail refuses writes (AuditCrashJourneyTest)'; END; $$",
                "CREATE TRIGGER audit_crash_test_refuses BEFORE INSERT ON audit_record FOR EACH ROW "
                        + "EXECUTE FUNCTION audit_crash_test_refuses()");
        List<String> refusedIds = new ArrayList<>();
        try {
            // Concurrent, so several requests share a failing batch as well as fail alone.
            ExecutorService readers = Executors.newFixedThreadPool(READERS);
            List<Future<HttpResponse<String>>> responses = new ArrayList<>();
            for (int i = 0; i < 4 * READERS; i++) {
                String correlationId = ID_PREFIX + "refused-" + UUID.randomUUID();
                refusedIds.add(correlationId);
                responses.add(readers.submit(() -> http.send(request(token, correlationId),
                        HttpResponse.BodyHandlers.ofString())));
            }
            for (Future<HttpResponse<String>> future : responses) {
                HttpResponse<String> response = future.get(1, TimeUnit.MINUTES);
                assertThat(response.statusCode()).as("a read that could not be recorded").isEqualTo(503);
                assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                        assertThat(type).startsWith("application/problem+json"));
                assertThat(response.body()).contains("audit-unavailable").doesNotContain("\"items\"")
                        .doesNotContain(planId);
            }
            readers.shutdown();
        } finally {
            execute("DROP TRIGGER audit_crash_test_refuses ON audit_record",
                    "DROP FUNCTION audit_crash_test_refuses()");
        }
        assertThat(read(http, token, ID_PREFIX + UUID.randomUUID())).as("served again once the trail takes writes")
                .isEqualTo(Outcome.ANSWERED);
        assertThat(auditRecordsByCorrelationId().keySet()).doesNotContainAnyElementsOf(refusedIds);
    }

    private enum Outcome { ANSWERED, NOT_ANSWERED, REFUSED_CONNECTION }

    private static Outcome read(HttpClient http, String token, String correlationId) {
        try {
            HttpResponse<String> response = http.send(request(token, correlationId),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"items\"") ? Outcome.ANSWERED
                    : Outcome.NOT_ANSWERED;
        } catch (ConnectException e) {
            return Outcome.REFUSED_CONNECTION;
        } catch (java.io.IOException e) {
            return Outcome.NOT_ANSWERED; // the connection died with the process: the patient saw nothing
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.NOT_ANSWERED;
        }
    }

    private static HttpRequest request(String token, String correlationId) {
        return HttpRequest.newBuilder(URI.create(platform.url(Service.PLANS) + "/api/plans/mine"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                .header("X-Correlation-Id", correlationId).GET().build();
    }

    /**
     * This test's records in plan-service's trail by correlation id: action, status, patient, resource, actor, role,
     * outcome, method and client, every column the writer's batch insert fills from the request.
     */
    private static Map<String, List<Object>> auditRecordsByCorrelationId() throws SQLException {
        Map<String, List<Object>> records = new HashMap<>();
        try (Connection connection = connect(); PreparedStatement query = connection.prepareStatement(
                "SELECT correlation_id, action, status, patient_id::text, resource, actor_sub, actor_role, outcome, "
                        + "method, client_id FROM audit_record "
                        + "WHERE correlation_id LIKE ?")) {
            query.setString(1, ID_PREFIX + "%");
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    List<Object> previous = records.put(rows.getString(1), List.of(rows.getString(2), rows.getInt(3),
                            rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7),
                            rows.getString(8), rows.getString(9), rows.getString(10)));
                    assertThat(previous).as("one record per read: %s", rows.getString(1)).isNull();
                }
            }
        }
        return records;
    }

    private static void execute(String... statements) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(SharedStack.coordinates().jdbcUrl(databasePrefix + Service.PLANS.directory()),
                PostgresServer.USER, PostgresServer.PASSWORD);
    }
}
