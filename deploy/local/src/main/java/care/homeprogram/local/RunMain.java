package care.homeprogram.local;

import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** {@code ./homeprogram run}: the whole platform with demo data on the documented ports, until Ctrl-C. */
public final class RunMain {
    static {
        // zonky's PostgreSQL logs through SLF4J; the launcher speaks for itself (Progress), so no provider is wanted
        System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
        System.setProperty("slf4j.internal.verbosity", "ERROR");
    }

    /**
     * The services start before Keycloak answers: one attempt at its discovery document instead of retrying it for
     * 30 s (quarkus.oidc.connection-delay) while the rest of the service's start waits. Refused, Quarkus OIDC connects
     * on the first request instead, and verifies every token as it would have; the launcher reports the platform
     * ready only once Keycloak is.
     */
    static final Map<String, String> SERVICES_BEFORE_KEYCLOAK = Map.of("quarkus.oidc.connection-delay", "0S");

    private RunMain() {
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(RunOptions.USAGE);
            return;
        }
        try {
            run(RunOptions.parse(args));
        } catch (DataFolder.Refusal refusal) {
            Progress.say(refusal.getMessage());
            System.exit(2);
        }
    }

    private static void run(RunOptions options) throws InterruptedException {
        Instant start = Instant.now();
        DataFolder data = DataFolder.claim(options.data());
        if (options.fresh()) {
            ResetMain.reset(data, options.yes());
        }
        List<String> leftovers = data.stopLeftovers();
        if (!leftovers.isEmpty()) {
            Progress.say("an earlier run in " + data.path() + " did not stop cleanly; stopped what it left running: "
                    + String.join(", ", leftovers));
        }
        StackPorts ports = StackPorts.documented().shifted(options.portOffset());
        Map<Service, Platform.ServicePorts> servicePorts = Platform.documentedPorts(options.portOffset());
        Map<Integer, String> claimed = new LinkedHashMap<>(ports.byRole());
        servicePorts.forEach((service, port) -> {
            claimed.put(port.http(), service.clientId());
            claimed.put(port.management(), service.clientId() + " management");
        });
        requireFree(claimed, options.portOffset());
        Progress.say((data.hasData() ? "using the data of earlier runs in " : "keeping data in ") + data.path());

        // Keycloak boots while Kafka and then the four services start (docs/deploy.md, "Start-up of the local run").
        Stack stack = Stack.startWhileKeycloakBoots(ports, data.path(), Storage.DURABLE);
        Platform launched = null;
        try {
            launched = Platform.launch(stack.coordinates(), servicePorts, "", "", true, data.path(),
                    java.util.EnumSet.allOf(Service.class), SERVICES_BEFORE_KEYCLOAK,
                    AotCache.Policy.TRAIN_IF_MISSING);
            stack.awaitKeycloak();
            // The realm's portal client accepts this run's portal only (the realm file names the documented port).
            PortalClient.pin(stack.coordinates().keycloakUrl(), "http://localhost:" + servicePorts.get(Service.PORTAL).http());
            launched.awaitReady();
        } catch (RuntimeException e) {
            if (launched != null) {
                launched.close();
            }
            stack.close();
            data.close();
            throw e;
        }
        Platform platform = launched;
        Map<String, Long> processes = new LinkedHashMap<>(stack.processes());
        for (Service service : Service.values()) {
            processes.put(service.clientId(), platform.pid(service));
        }
        data.recordProcesses(processes);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Progress.say("stopping the platform; the data stays in " + data.path());
            platform.close();
            stack.close();
            data.close();
            Progress.say("stopped");
            stopped.countDown();
        }, "stop-platform"));
        printWelcome(stack, platform, start, data.path());
        stopped.await();
    }

    /** Refuses to start on a port another program holds, naming it and the way out. */
    private static void requireFree(Map<Integer, String> ports, int offset) {
        for (Map.Entry<Integer, String> port : ports.entrySet()) {
            if (Ports.inUse(port.getKey())) {
                throw new DataFolder.Refusal("port " + port.getKey() + " (" + port.getValue() + ") is in use by another"
                        + " program, not by an earlier run of this data folder. See which with: ss -ltnp 'sport = :"
                        + port.getKey() + "'; stop it, or run beside it with: ./homeprogram run --port-offset "
                        + (offset + 1000));
            }
        }
    }

    private static void printWelcome(Stack stack, Platform platform, Instant start, Path work) {
        StackCoordinates c = stack.coordinates();
        System.out.printf("""

                HomeProgram is running (ready in %s). Press Ctrl-C to stop everything.

                  Portal                 %s   (health, metrics: %s/q/health, /q/metrics)
                  patient-service        %s   (OpenAPI, health, metrics: %s/q/openapi, /q/health, /q/metrics)
                  plan-service           %s   (management: %s/q)
                  notification-service   %s   (management: %s/q)
                  Keycloak               %s   (realm homeprogram; admin console: admin / admin, demo only)
                  Kafka                  %s
                  SMTP                   localhost:%d   (read mail over IMAP on localhost:%d, login and password = the address)
                  PostgreSQL             localhost:%d   (user postgres / postgres)
                  Data and logs          %s   (kept across restarts; ./homeprogram reset starts over)

                Demo logins (password "demo" for all; demo only):
                  tara, theo      therapists
                  pat, sam        patients of tara
                  polly           patient of theo
                  ada             admin
                  bill            billing (the clinic's RTM ledger only)
                %n""",
                Progress.since(start),
                platform.url(Service.PORTAL), platform.managementUrl(Service.PORTAL),
                platform.url(Service.PATIENTS), platform.managementUrl(Service.PATIENTS),
                platform.url(Service.PLANS), platform.managementUrl(Service.PLANS),
                platform.url(Service.NOTIFICATIONS), platform.managementUrl(Service.NOTIFICATIONS), c.keycloakUrl(), c.kafkaBootstrapServers(), c.smtpPort(),
                c.imapPort(), c.postgresPort(), work);
        System.out.flush();
    }
}
