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

    private Stack(StackPorts ports, Path workDirectory, Storage storage) {
        Instant start = Instant.now();
        try {
            PostgresServer postgres = PostgresServer.start(ports.postgres(), workDirectory.resolve("postgres"), storage);
            started.push(postgres);
            SmtpServer smtp = SmtpServer.start(ports.smtp(), ports.imap());
            started.push(smtp);
            kafka = KafkaBroker.start(ports.kafka(), ports.kafkaController(), workDirectory, storage);
            started.push(kafka);
            processes.put("kafka", kafka.pid());
            KeycloakServer keycloak = KeycloakServer.start(ports.keycloak(), ports.keycloakManagement(),
                    postgres.port(), workDirectory);
            started.push(keycloak);
            processes.put("keycloak", keycloak.pid());
            KeycloakServer.useMailServer(keycloak.url(), smtp.smtpPort());
            coordinates = new StackCoordinates(postgres.port(), keycloak.url(), kafka.bootstrapServers(),
                    smtp.smtpPort(), smtp.imapPort());
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        processes.put("stack (PostgreSQL, SMTP)", ProcessHandle.current().pid());
        Progress.say("infrastructure ready in " + Progress.since(start));
    }

    /** A throwaway stack, as every test run uses. */
    public static Stack start(StackPorts ports, Path workDirectory) {
        return new Stack(ports, workDirectory, Storage.EPHEMERAL);
    }

    public static Stack start(StackPorts ports, Path workDirectory, Storage storage) {
        return new Stack(ports, workDirectory, storage);
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
