package care.homeprogram.local;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/** The real infrastructure of the platform, started in dependency order and stopped in reverse. */
public final class Stack implements AutoCloseable {
    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final StackCoordinates coordinates;
    private final Map<String, Long> processes = new LinkedHashMap<>();
    private final KafkaBroker kafka;

    private final KeycloakServer keycloak;
    private final int smtpPort;
    private final Instant start;
    private boolean keycloakReady;

    /**
     * PostgreSQL first (Keycloak and the services keep their data there), then Keycloak is launched, and SMTP and
     * Kafka start while it boots: Keycloak's start is the longest, and it needs nothing but PostgreSQL.
     */
    private Stack(StackPorts ports, Path workDirectory, Storage storage) {
        start = Instant.now();
        try {
            PostgresServer postgres = PostgresServer.start(ports.postgres(), workDirectory.resolve("postgres"), storage);
            started.push(postgres);
            keycloak = KeycloakServer.launch(ports.keycloak(), ports.keycloakManagement(), postgres.port(),
                    workDirectory, storage == Storage.DURABLE ? AotCache.Policy.TRAIN_IF_MISSING
                            : AotCache.Policy.USE_IF_PRESENT);
            started.push(keycloak);
            processes.put("keycloak", keycloak.pid());
            SmtpServer smtp = SmtpServer.start(ports.smtp(), ports.imap());
            started.push(smtp);
            smtpPort = smtp.smtpPort();
            kafka = KafkaBroker.start(ports.kafka(), ports.kafkaController(), workDirectory, storage);
            started.push(kafka);
            processes.put("kafka", kafka.pid());
            coordinates = new StackCoordinates(postgres.port(), keycloak.url(), kafka.bootstrapServers(),
                    smtp.smtpPort(), smtp.imapPort());
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        processes.put("stack (PostgreSQL, SMTP)", ProcessHandle.current().pid());
    }

    /** A throwaway stack, as every test run uses; returns once Keycloak is ready too. */
    public static Stack start(StackPorts ports, Path workDirectory) {
        return start(ports, workDirectory, Storage.EPHEMERAL);
    }

    public static Stack start(StackPorts ports, Path workDirectory, Storage storage) {
        Stack stack = startWhileKeycloakBoots(ports, workDirectory, storage);
        try {
            stack.awaitKeycloak();
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    /**
     * Returns once PostgreSQL, SMTP and Kafka are ready, with Keycloak still starting: the services start meanwhile
     * (their OIDC connects on the first request when Keycloak was not up yet); {@link #awaitKeycloak()} waits for it.
     */
    public static Stack startWhileKeycloakBoots(StackPorts ports, Path workDirectory, Storage storage) {
        return new Stack(ports, workDirectory, storage);
    }

    /** Waits until Keycloak serves the realm and points the realm's emails at this stack's mail server (once). */
    public synchronized void awaitKeycloak() {
        if (keycloakReady) {
            return;
        }
        keycloak.awaitReady();
        KeycloakServer.useMailServer(keycloak.url(), smtpPort);
        keycloakReady = true;
        Progress.say("infrastructure ready in " + Progress.since(start));
    }

    public StackCoordinates coordinates() {
        return coordinates;
    }

    /** Process ids by role, for RSS figures and for crash tests. */
    public Map<String, Long> processes() {
        return processes;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    @Override
    public void close() {
        while (!started.isEmpty()) {
            AutoCloseable component = started.pop();
            try {
                component.close();
            } catch (Exception e) {
                Progress.say("could not stop " + component.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }
}
