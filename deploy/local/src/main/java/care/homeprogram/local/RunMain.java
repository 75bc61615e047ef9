package care.homeprogram.local;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;

/** {@code ./homeprogram run}: the whole platform with demo data on the documented ports, until Ctrl-C. */
public final class RunMain {
    private RunMain() {
    }

    public static void main(String[] args) throws Exception {
        Instant start = Instant.now();
        StackPorts ports = StackPorts.documented();
        ports.requireAvailable();
        for (Service service : Service.values()) {
            if (Ports.inUse(service.documentedPort())) {
                throw new IllegalStateException("port " + service.documentedPort() + " (" + service.clientId()
                        + ") is already in use");
            }
        }
        Path work = Repository.root().resolve("target/run");
        Stack stack = Stack.start(ports, work);
        Platform platform;
        try {
            platform = Platform.start(stack.coordinates(), Platform.documentedPorts(), "", "", true, work);
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Progress.say("stopping the platform");
            platform.close();
            stack.close();
            Progress.say("stopped; logs are in " + work);
            stopped.countDown();
        }, "stop-platform"));
        printWelcome(stack, platform, start, work);
        stopped.await();
    }

    private static void printWelcome(Stack stack, Platform platform, Instant start, Path work) {
        StackCoordinates c = stack.coordinates();
        System.out.printf("""

                HomeProgram is running (ready in %s). Press Ctrl-C to stop everything.

                  Portal                 %s
                  patient-service        %s   (OpenAPI: /q/openapi)
                  plan-service           %s
                  notification-service   %s
                  Keycloak               %s   (realm homeprogram; admin console: admin / admin, demo only)
                  Kafka                  %s
                  SMTP                   localhost:%d   (read mail over IMAP on localhost:%d, login and password = the address)
                  PostgreSQL             localhost:%d   (user postgres / postgres)
                  Logs                   %s

                Demo logins (password "demo" for all; demo only):
                  tara, theo      therapists
                  pat, sam        patients of tara
                  polly           patient of theo
                  ada             admin
                %n""",
                Progress.since(start),
                platform.url(Service.PORTAL), platform.url(Service.PATIENTS), platform.url(Service.PLANS),
                platform.url(Service.NOTIFICATIONS), c.keycloakUrl(), c.kafkaBootstrapServers(), c.smtpPort(),
                c.imapPort(), c.postgresPort(), work);
        System.out.flush();
    }
}
