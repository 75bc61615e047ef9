package care.homeprogram.journey;

import static care.homeprogram.testing.DemoUsers.PAT;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import care.homeprogram.local.DataFolder;
import care.homeprogram.local.Ports;
import care.homeprogram.local.Repository;
import care.homeprogram.local.Service;
import care.homeprogram.local.StackPorts;
import care.homeprogram.testing.Tokens;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code ./homeprogram run} as a therapist's clinic lives with it: what was assigned and logged today is there
 * tomorrow, after a clean stop (SIGTERM, as Ctrl-C or a service manager sends) and after the launcher was killed
 * outright (kill -9, as a crash or a closed terminal leaves it). The launcher runs exactly as the script runs it,
 * on its own data folder and on the documented ports moved by an offset, beside the test run's stack.
 */
class RunKeepsDataJourneyTest {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(12);

    private final Path data = Path.of("target", "run-keeps-data-" + ProcessHandle.current().pid()).toAbsolutePath();
    private final int offset = freeOffset();
    private final List<Process> launchers = new ArrayList<>();

    @AfterEach
    void stopWhatIsLeft() {
        launchers.forEach(Process::destroy);
        launchers.forEach(p -> waitFor(p, Duration.ofMinutes(2)));
        try (DataFolder folder = DataFolder.claim(data)) {
            folder.stopLeftovers();
        }
    }

    @Test
    void plansSessionsAndAuditSurviveACleanStopAndAKilledLauncher() throws IOException {
        Process first = start(1);
        String planId = assignTheAcuteProgramToPat();
        String itemId = given().baseUri(url(Service.PLANS)).auth().oauth2(token("pat")).get("/api/plans/" + planId)
                .then().statusCode(200).extract().path("items[0].id");
        String before = logSession(planId, itemId, 2);
        int auditedBefore = auditRecordsAboutPat();
        assertThat(auditedBefore).as("audit records about pat").isPositive();

        first.destroy(); // SIGTERM
        assertThat(waitFor(first, Duration.ofMinutes(2))).as("the launcher stops on SIGTERM").isTrue();
        assertThat(DataFolder.markedProcesses(data)).as("processes left after a clean stop").isEmpty();
        assertThat(Ports.inUse(StackPorts.documented().shifted(offset).postgres()))
                .as("PostgreSQL stopped with the launcher").isFalse();

        Process second = start(2);
        assertThat(log(2)).contains("(existing data)", "(existing log)", "(existing realm)");
        planIsThereWithItsSessions(planId, before);
        assertThat(auditRecordsAboutPat()).as("audit records about pat after a restart")
                .isGreaterThanOrEqualTo(auditedBefore);
        String acknowledgedBeforeTheCrash = logSession(planId, itemId, 3);

        second.destroyForcibly(); // kill -9: the children are left running, PostgreSQL too
        waitFor(second, Duration.ofSeconds(30));
        assertThat(DataFolder.markedProcesses(data)).as("what a killed launcher leaves running").isNotEmpty();

        start(3);
        assertThat(log(3)).contains("did not stop cleanly");
        planIsThereWithItsSessions(planId, before, acknowledgedBeforeTheCrash);
        assertThat(auditRecordsAboutPat()).isGreaterThan(auditedBefore);
    }

    private String assignTheAcuteProgramToPat() {
        String tara = token("tara");
        // pat reaches plan-service's care-team copy through patient-service's events, a moment after the start
        await().atMost(Duration.ofSeconds(60)).until(() -> given().baseUri(url(Service.PLANS)).auth().oauth2(tara)
                .get("/api/plans?patientId=" + PAT).statusCode() == 200);
        String templateId = given().baseUri(url(Service.PLANS)).auth().oauth2(tara).get("/api/templates").then()
                .statusCode(200).extract().path("items.find { it.slug == 'acute-back-spasm-4-weeks' }.id");
        return given().baseUri(url(Service.PLANS)).auth().oauth2(tara).contentType(ContentType.JSON)
                .body("{\"patientId\": \"" + PAT + "\", \"templateId\": \"" + templateId + "\"}")
                .post("/api/plans").then().statusCode(201).extract().path("id");
    }

    private String logSession(String planId, String itemId, int painAfter) {
        return given().baseUri(url(Service.PLANS)).auth().oauth2(token("pat")).contentType(ContentType.JSON)
                .body("{\"itemId\": \"" + itemId + "\", \"performedAt\": \"" + OffsetDateTime.now().minusMinutes(5)
                        + "\", \"setsDone\": 1, \"repsDone\": 5, \"painBefore\": 2, \"painAfter\": " + painAfter
                        + ", \"symptoms\": []}")
                .post("/api/plans/" + planId + "/sessions").then().statusCode(201).extract().path("sessionId");
    }

    private void planIsThereWithItsSessions(String planId, String... sessionIds) {
        given().baseUri(url(Service.PLANS)).auth().oauth2(token("tara")).get("/api/plans?patientId=" + PAT).then()
                .statusCode(200).body("items.id", hasItem(planId));
        given().baseUri(url(Service.PLANS)).auth().oauth2(token("pat")).get("/api/plans/" + planId).then()
                .statusCode(200).body("id", equalTo(planId));
        given().baseUri(url(Service.PLANS)).auth().oauth2(token("tara")).get("/api/plans/" + planId + "/sessions")
                .then().statusCode(200).body("items.id", hasItems(sessionIds));
    }

    private int auditRecordsAboutPat() {
        return ((Number) given().baseUri(url(Service.PLANS)).auth().oauth2(token("ada"))
                .get("/api/plans/audit?patientId=" + PAT + "&size=100").then().statusCode(200)
                .extract().path("total")).intValue();
    }

    /** Starts the launcher as {@code ./homeprogram run} does, and waits until it says the platform is running. */
    private Process start(int round) throws IOException {
        Path root = Repository.root();
        String classpath = root.resolve("deploy/local/target/classes") + ":"
                + Files.readString(root.resolve("deploy/local/target/launcher.classpath")).trim();
        Process launcher = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dhomeprogram.root=" + root, "-cp", classpath, "care.homeprogram.local.RunMain",
                "--data", data.toString(), "--port-offset", Integer.toString(offset))
                .redirectErrorStream(true).redirectOutput(logFile(round).toFile()).start();
        launchers.add(launcher);
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!log(round).contains("HomeProgram is running")) {
            assertThat(launcher.isAlive()).as("launcher round %d is alive; its output:%n%s", round, log(round)).isTrue();
            assertThat(Instant.now()).as("launcher round %d ready in time; its output:%n%s", round, log(round))
                    .isBefore(deadline);
            waitFor(launcher, Duration.ofSeconds(1));
        }
        return launcher;
    }

    private Path logFile(int round) {
        return data.resolveSibling(data.getFileName() + "-launcher-" + round + ".log");
    }

    private String log(int round) {
        try {
            return Files.exists(logFile(round)) ? Files.readString(logFile(round)) : "";
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private String url(Service service) {
        return "http://localhost:" + (service.documentedPort() + offset);
    }

    private String token(String user) {
        return Tokens.accessTokenFrom("http://localhost:" + StackPorts.documented().shifted(offset).keycloak()
                + "/realms/homeprogram", user);
    }

    private static boolean waitFor(Process process, Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** An offset at which every documented port is free, so the journey never meets a developer's own run. */
    private static int freeOffset() {
        return IntStream.iterate(10_000, o -> o <= 16_000, o -> o + 1_000)
                .filter(o -> StackPorts.documented().shifted(o).byRole().keySet().stream().noneMatch(Ports::inUse))
                .filter(o -> Service.values().length == java.util.Arrays.stream(Service.values())
                        .filter(s -> !Ports.inUse(s.documentedPort() + o)).count())
                .findFirst().orElseThrow(() -> new IllegalStateException("no free port offset from 10000 to 16000"));
    }
}
