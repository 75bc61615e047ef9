package care.homeprogram.bench;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;
import static io.restassured.RestAssured.given;

import care.homeprogram.local.Platform;
import care.homeprogram.local.Progress;
import care.homeprogram.local.Service;
import care.homeprogram.testing.DemoUsers;
import care.homeprogram.testing.SharedStack;
import care.homeprogram.testing.Tokens;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Every throughput figure next to the ceiling's, measured in the same run (issue 19): the ceiling
 * (deploy/bench/ceiling: one indexed row holding a document as large as plan-service's answer, behind a locally
 * verified RS256 JWT with a role check) against the patient's hot read {@code GET /api/plans/mine} (a real Keycloak
 * token, ownership, the audit record) and the portal's two busiest pages.
 *
 * <p>Saturation: closed loop like wrk ({@link ClosedLoop}), {@code -Dbench.rounds} rounds (default 3) of
 * {@code -Dbench.round-seconds} (default 10) per target after a warm-up of {@code -Dbench.warm-up-seconds} (default
 * 20; the pages {@code -Dbench.page-warm-up-seconds}, default 60), the targets taking turns within a round so that
 * the machine's other load falls on all of them alike; the medians are printed with their ratio to the ceiling's and
 * the target. Then the open model (Gatling, {@code constantUsersPerSec} at half of each one's measured saturation,
 * {@code -Dbench.seconds}, default 20) for p99, in Gatling's table, after {@code -Dbench.open-warm-up-seconds}
 * (default 10) of the generator's own warm-up at half the slower rate (its own rows, not measured); the ceiling's
 * open-model p99 beside ours is what the machine and the generator add on their own. Connections:
 * {@code -Dbench.connections} (default 16) for the APIs, 8 for the pages. {@code -Dbench.only=mine} measures the
 * ceiling and only the figures whose name contains one of those comma-separated words (the hot read alone, in a third
 * of the time).
 */
public class CeilingComparisonSimulation extends Simulation {
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final Duration ROUND = Duration.ofSeconds(Integer.getInteger("bench.round-seconds", 10));
    private static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("bench.warm-up-seconds", 20));
    /**
     * The pages' warm-up, longer than the APIs': at ~150 pages/s against ~2,000 hot reads a second their code paths
     * reach the JIT's thresholds later, and C2 was still compiling the four services' page paths (about a quarter of
     * the machine's CPU) three minutes into the run (docs/deploy.md, "The pages' rounds: the JIT still compiling").
     */
    private static final Duration PAGE_WARM_UP = Duration.ofSeconds(Integer.getInteger("bench.page-warm-up-seconds",
            60));
    private static final int OPEN_SECONDS = Integer.getInteger("bench.seconds", 20);
    private static final int OPEN_WARM_UP_SECONDS = Integer.getInteger("bench.open-warm-up-seconds", 10);
    private static final int API_CONNECTIONS = Integer.getInteger("bench.connections", 16);
    private static final int PAGE_CONNECTIONS = 8;
    /**
     * {@code -Dbench.only=pages} measures the ceiling and the two portal pages only (no hot read, no open model): the
     * quicker run when only the pages changed.
     */
    private static final boolean PAGES_ONLY = "pages".equals(System.getProperty("bench.only"));
    /**
     * One request at a time for {@code -Dbench.single-seconds} per page after the warm-up (default 10 with
     * {@code bench.only=pages}, else 0): the render time of one page with nothing else asked of the platform.
     */
    private static final Duration SINGLE = Duration.ofSeconds(Integer.getInteger("bench.single-seconds",
            PAGES_ONLY ? 10 : 0));

    private final Platform platform = BenchPlatform.get();
    private final String plans = platform.url(Service.PLANS);
    private final String portal = platform.url(Service.PORTAL);
    private final String planId = BenchData.assignAcuteTemplateToPat(plans, true);
    private final SignedIn pat = new SignedIn("pat's token",
            () -> Tokens.freshAccessToken("pat", Tokens.DEMO_PASSWORD));
    private final String document = given().baseUri(plans).auth().oauth2(pat.get()).get("/api/plans/mine").then()
            .statusCode(200).extract().asString();
    private final BenchCeiling ceiling = BenchCeiling.start(SharedStack.coordinates(),
            "bench_ceiling_" + Long.toHexString(System.nanoTime()), Path.of("target", "ceiling").toAbsolutePath(),
            DemoUsers.PAT.toString(), document);
    private final String ceilingToken = ceiling.token();
    private final SignedIn taraSession = new SignedIn("tara's portal session",
            () -> PortalLogin.sessionCookies(portal, "tara"));
    private final SignedIn patSession = new SignedIn("pat's portal session",
            () -> PortalLogin.sessionCookies(portal, "pat"));

    private final Map<String, Target> targets = targets();
    private final Map<String, ClosedLoop.Figures> saturation = measureSaturation();

    private final ScenarioBuilder openMine = scenario("open model GET /api/plans/mine")
            .exec(http("GET /api/plans/mine (open model)").get(plans + "/api/plans/mine")
                    .header("Authorization", session -> "Bearer " + pat.get()).check(status().is(200)));
    private final ScenarioBuilder openCeiling = scenario("open model ceiling")
            .exec(http("ceiling GET /documents/mine (open model)").get(ceiling.url() + "/documents/mine")
                    .header("Authorization", "Bearer " + ceilingToken).check(status().is(200)));
    /**
     * Gatling's own warm-up before the open models, both targets at half the slower one's open rate, under names of
     * their own so that they stay out of the measured rows: the generator's HTTP client and engine are cold after the
     * closed rounds (those use the JDK's client), and on two cores a cold generator showed as the first target's tail.
     */
    private final ScenarioBuilder openWarmUp = scenario("open model warm-up (not measured)")
            .exec(http("warm-up ceiling (not measured)").get(ceiling.url() + "/documents/mine")
                    .header("Authorization", "Bearer " + ceilingToken).check(status().is(200)))
            .exec(http("warm-up GET /api/plans/mine (not measured)").get(plans + "/api/plans/mine")
                    .header("Authorization", session -> "Bearer " + pat.get()).check(status().is(200)));
    private final HttpProtocolBuilder protocol = http.acceptHeader("application/json").shareConnections();

    {
        if (PAGES_ONLY) {
            // Gatling needs a scenario: one request to the ceiling, the pages' figures are the closed loop's above
            setUp(openCeiling.injectOpen(constantUsersPerSec(1).during(1))).protocols(protocol);
        } else {
            double warmUpRate = Math.max(1, Math.min(half("ceiling"), half("GET /api/plans/mine")) / 2);
            // The ceiling's open model runs at the same machine load as ours: its p99 in the same table tells how much
            // of a tail the machine and the generator make on their own (docs/deploy.md, "The hot read's tail").
            setUp(openWarmUp.injectOpen(constantUsersPerSec(warmUpRate).during(OPEN_WARM_UP_SECONDS))
                    .andThen(openCeiling.injectOpen(constantUsersPerSec(half("ceiling")).during(OPEN_SECONDS))
                            .andThen(openMine.injectOpen(constantUsersPerSec(half("GET /api/plans/mine"))
                                    .during(OPEN_SECONDS)))))
                    .protocols(protocol)
                    .assertions(global().failedRequests().count().is(0L));
        }
    }

    /** What is measured, in the order of each round; the ceiling first. */
    private record Target(String name, int connections, String target, Supplier<HttpRequest> request) {
        /** A portal page (a browser's few connections), not an API. */
        boolean page() {
            return connections == PAGE_CONNECTIONS;
        }

        Duration warmUp() {
            return page() ? PAGE_WARM_UP : WARM_UP;
        }
    }

    private Map<String, Target> targets() {
        Map<String, Target> all = new LinkedHashMap<>();
        all.put("ceiling", new Target("ceiling", API_CONNECTIONS, "-", () -> HttpRequest.newBuilder(
                URI.create(ceiling.url() + "/documents/mine")).header("Authorization", "Bearer " + ceilingToken)
                .header("Accept", "application/json").build()));
        all.put("GET /api/plans/mine", new Target("GET /api/plans/mine", API_CONNECTIONS,
                "ratio >= 0.5; p99 <= 25 ms at half of saturation (open model below)",
                () -> HttpRequest.newBuilder(URI.create(plans + "/api/plans/mine"))
                        .header("Authorization", "Bearer " + pat.get())
                        .header("Accept", "application/json").build()));
        all.put("therapist patient page", new Target("therapist patient page", PAGE_CONNECTIONS,
                ">= 150 req/s, p50 <= 40 ms", () -> HttpRequest.newBuilder(
                        URI.create(portal + "/patients/" + DemoUsers.PAT)).header("Cookie", taraSession.get())
                        .header("Accept", "text/html").build()));
        all.put("patient Today page", new Target("patient Today page", PAGE_CONNECTIONS,
                ">= 150 req/s, p50 <= 40 ms", () -> HttpRequest.newBuilder(URI.create(portal + "/today"))
                        .header("Cookie", patSession.get()).header("Accept", "text/html").build()));
        String only = System.getProperty("bench.only");
        if (only != null) {
            List<String> words = List.of(only.split(","));
            // "pages" names both portal pages ("therapist patient page", "patient Today page")
            all.keySet().removeIf(name -> !name.equals("ceiling")
                    && words.stream().noneMatch(word -> name.contains("pages".equals(word) ? "page" : word)));
        }
        return all;
    }

    private Map<String, ClosedLoop.Figures> measureSaturation() {
        for (Target t : targets.values()) {
            Progress.say("warming up " + t.name() + " (" + t.warmUp().toSeconds() + " s, untimed)");
            renewIfOld();
            ClosedLoop.run(t.request(), 200, t.connections(), t.warmUp());
        }
        if (!SINGLE.isZero()) {
            for (Target t : targets.values()) {
                if (t.page()) {
                    renewIfOld();
                    ClosedLoop.Figures one = ClosedLoop.run(t.request(), 200, 1, SINGLE);
                    Progress.say(String.format(Locale.ROOT, "one at a time %-24s p50 %7.1f ms  p99 %7.1f ms  (%d"
                            + " requests; load average %s)", t.name(), one.p50Millis(), one.p99Millis(),
                            Math.round(one.perSecond() * SINGLE.toSeconds()), loadAverage()));
                }
            }
        }
        Map<String, List<ClosedLoop.Figures>> rounds = new LinkedHashMap<>();
        for (int round = 1; round <= ROUNDS; round++) {
            for (Target t : targets.values()) {
                renewIfOld();
                Map<Service, Duration> cpuBefore = cpuTimes();
                ClosedLoop.Figures figures = ClosedLoop.run(t.request(), 200, t.connections(), ROUND);
                Progress.say(String.format(Locale.ROOT, "round %d/%d %-24s %8.1f req/s  p50 %7.1f ms  p99 %7.1f ms%s%s",
                        round, ROUNDS, t.name(), figures.perSecond(), figures.p50Millis(), figures.p99Millis(),
                        figures.failures() == 0 ? "" : "  FAILED " + figures.failures(),
                        cpuPerAnswer(cpuBefore, figures.perSecond() * ROUND.toSeconds())));
                rounds.computeIfAbsent(t.name(), k -> new ArrayList<>()).add(figures);
            }
        }
        Map<String, ClosedLoop.Figures> medians = new LinkedHashMap<>();
        rounds.forEach((name, figures) -> medians.put(name, ClosedLoop.median(figures)));
        report(medians);
        return medians;
    }

    private void report(Map<String, ClosedLoop.Figures> medians) {
        ClosedLoop.Figures top = medians.get("ceiling");
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "%nsaturation, closed loop, median of %d rounds of %d s (%s; load average %s)%n"
                        + "%-24s %5s %10s %9s %9s %12s %7s  %s%n",
                ROUNDS, ROUND.toSeconds(), Instant.now(), loadAverage(), "figure", "conns", "req/s", "p50 ms",
                "p99 ms", "ceiling req/s", "ratio", "target"));
        for (Target t : targets.values()) {
            ClosedLoop.Figures f = medians.get(t.name());
            table.append(String.format(Locale.ROOT, "%-24s %5d %10.1f %9.1f %9.1f %12.1f %7.3f  %s%s%n", t.name(),
                    t.connections(), f.perSecond(), f.p50Millis(), f.p99Millis(), top.perSecond(),
                    f.perSecond() / top.perSecond(), t.target(),
                    f.failures() == 0 ? "" : "  (" + f.failures() + " failed requests)"));
        }
        table.append(residentMemory());
        System.out.println(table);
    }

    /**
     * Each service's resident memory now ({@code VmRSS}, what a container's memory limit counts, file-backed pages of
     * the AOT cache and jars included), next to issue 19's target: after the rounds' load, with the heap capped as the
     * Kubernetes limits cap it ({@code ServiceJvm}: {@code -Xmx256m}).
     */
    private String residentMemory() {
        StringBuilder line = new StringBuilder("resident memory after load (VmRSS; target <= 200 MB each):");
        for (Service service : Service.values()) {
            line.append(' ').append(service.clientId()).append(' ').append(residentMegabytes(platform.pid(service)))
                    .append(',');
        }
        line.setLength(line.length() - 1);
        return line.append(String.format(Locale.ROOT, "%n")).toString();
    }

    /** {@code VmRSS} of a process in MB (10^6 bytes, as the target is written), or "unknown" off Linux. */
    private static String residentMegabytes(long pid) {
        try {
            for (String l : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (l.startsWith("VmRSS:")) {
                    long kib = Long.parseLong(l.replaceAll("[^0-9]", ""));
                    return String.format(Locale.ROOT, "%.0f MB", kib * 1024 / 1e6);
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // no /proc (not Linux) or the process is gone: say so rather than guess
        }
        return "unknown";
    }

    /** The CPU time each service's JVM has used so far. */
    private Map<Service, Duration> cpuTimes() {
        Map<Service, Duration> times = new LinkedHashMap<>();
        for (Service service : Service.values()) {
            ProcessHandle.of(platform.pid(service)).flatMap(p -> p.info().totalCpuDuration())
                    .ifPresent(cpu -> times.put(service, cpu));
        }
        return times;
    }

    /**
     * The services' CPU time per answer since {@code before}: on a shared machine a steadier figure than req/s, which
     * the other processes' load sets as much as the platform's own cost (background work such as the outbox and
     * Kafka polling is included, so it is an upper bound).
     */
    private String cpuPerAnswer(Map<Service, Duration> before, double answers) {
        if (answers < 1) {
            return "";
        }
        StringBuilder line = new StringBuilder("  CPU per answer:");
        double total = 0;
        for (Map.Entry<Service, Duration> now : cpuTimes().entrySet()) {
            Duration was = before.get(now.getKey());
            if (was != null) {
                double millis = now.getValue().minus(was).toNanos() / 1e6 / answers;
                total += millis;
                line.append(String.format(Locale.ROOT, " %s %.1f ms,", now.getKey().clientId(), millis));
            }
        }
        return line.append(String.format(Locale.ROOT, " all %.1f ms", total)).toString();
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (java.io.IOException | RuntimeException e) {
            return String.format(Locale.ROOT, "%.2f",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /** Between measurements: every credential 2 minutes old is renewed, so that none lapses while one runs. */
    private void renewIfOld() {
        pat.renewIfOld();
        taraSession.renewIfOld();
        patSession.renewIfOld();
    }

    /** Half of the measured saturation (at least 1/s; 1/s if left out by bench.only): the open model's rate. */
    private double half(String name) {
        ClosedLoop.Figures measured = saturation.get(name);
        return measured == null ? 1 : Math.max(1, measured.perSecond() / 2);
    }

    /**
     * Right before Gatling's warm-up and open models: a new token for pat, so that none is fetched while they run
     * (their 50 s by default are well inside its 5 minutes), and the warm-up's reads are the first to carry it.
     */
    @Override
    public void before() {
        pat.renew();
    }

    @Override
    public void after() {
        report(saturation);
        ceiling.close();
        platform.close();
    }

    /**
     * A credential fetched by signing in, renewed only between measurements: pat's Keycloak access token, and each
     * portal session's cookies. Access tokens live 5 minutes, and so do the tokens inside the portal's session cookie;
     * within 60 s of their expiry the portal renews them on the next page ({@code refresh-token-time-skew}) and sends
     * a new cookie, which a load generator replaying one Cookie header never takes, so every page after that would
     * renew them again at Keycloak. A renewal is a Keycloak sign-in (0.4-0.5 s on two cores), and renewed on first use
     * when 2 minutes old, it fell inside whatever ran then. Inside Gatling that was one of its event loops signing in
     * while the other three waited on this object (JFR: all four blocked 515 ms), so nothing was sent to either target
     * for half a second, then the backlog at once, on new connections, with a token plan-service had never seen
     * (docs/deploy.md, "The hot read's tail"). The ceiling's token never changes, so only the hot read paid for it.
     */
    private static final class SignedIn {
        /** A credential this old is renewed before the next measurement, so that it outlives it. */
        private static final Duration RENEW_AFTER = Duration.ofMinutes(2);
        /** Only a measurement longer than a token's lifetime gets here (then the renewal shows in its figures). */
        private static final Duration LAST_RESORT = Duration.ofMinutes(4);
        private final String what;
        private final Supplier<String> signIn;
        private volatile String value;
        private volatile Instant fetched = Instant.EPOCH;

        SignedIn(String what, Supplier<String> signIn) {
            this.what = what;
            this.signIn = signIn;
            renew();
        }

        /** Between measurements: a new credential if this one is 2 minutes old. */
        synchronized void renewIfOld() {
            if (olderThan(RENEW_AFTER)) {
                renew();
            }
        }

        /** Between measurements: a new credential now. */
        synchronized void renew() {
            Instant asked = Instant.now();
            value = signIn.get();
            fetched = Instant.now();
            Progress.say(what + " renewed (the sign-in took " + Progress.since(asked) + ")");
        }

        /** The current credential, without waiting, unless a measurement outlasted it. */
        String get() {
            if (olderThan(LAST_RESORT)) {
                synchronized (this) {
                    if (olderThan(LAST_RESORT)) {
                        Progress.say("a measurement outlasted " + what + ": renewing it while it runs");
                        renew();
                    }
                }
            }
            return value;
        }

        private boolean olderThan(Duration age) {
            return Instant.now().isAfter(fetched.plus(age));
        }
    }
}
