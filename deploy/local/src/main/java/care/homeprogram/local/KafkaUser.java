package care.homeprogram.local;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Who may talk to the local broker (docs/events.md#who-may-write-and-read-which-topic). Every client authenticates;
 * the broker has no unauthenticated listener. The passwords are demo-only: the local run and the tests, on a broker
 * that listens on localhost only. Kubernetes gets its users and passwords from Strimzi's User Operator instead.
 */
public enum KafkaUser {
    /**
     * The launcher's super user (topics, SCRAM credentials, ACLs) and the broker's own identity towards its
     * controller. A static PLAIN user of the broker's JAAS configuration, so it exists before any credential is
     * stored and on a log formatted by an earlier version.
     */
    ADMIN("admin", "PLAIN"),
    PATIENTS("patient-service", "SCRAM-SHA-512"),
    PLANS("plan-service", "SCRAM-SHA-512"),
    NOTIFICATIONS("notification-service", "SCRAM-SHA-512"),
    /**
     * Test code that publishes and reads events as another service would (TestEvents, the journeys). Allowed on
     * test runs' prefixed topics only, never on the unprefixed topics of the local run.
     */
    TESTS("homeprogram-tests", "SCRAM-SHA-512");

    private final String username;
    private final String mechanism;

    KafkaUser(String username, String mechanism) {
        this.username = username;
        this.mechanism = mechanism;
    }

    public String username() {
        return username;
    }

    public String mechanism() {
        return mechanism;
    }

    /** Demo-only, like the realm's client secrets. */
    public String demoPassword() {
        return username + "-demo-kafka-secret";
    }

    /** The user a service connects as; the portal has none (it neither produces nor consumes). */
    public static Optional<KafkaUser> of(Service service) {
        return switch (service) {
            case PATIENTS -> Optional.of(PATIENTS);
            case PLANS -> Optional.of(PLANS);
            case NOTIFICATIONS -> Optional.of(NOTIFICATIONS);
            case PORTAL -> Optional.empty();
        };
    }

    /**
     * The client settings (without bootstrap servers) that authenticate as this user: SASL over plain TCP, which is
     * acceptable only because the local broker listens on 127.0.0.1; Kubernetes uses TLS (docs/deploy.md).
     */
    public Map<String, String> clientSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("security.protocol", "SASL_PLAINTEXT");
        settings.put("sasl.mechanism", mechanism);
        settings.put("sasl.jaas.config", jaasConfig());
        return settings;
    }

    String jaasConfig() {
        String module = mechanism.equals("PLAIN") ? "org.apache.kafka.common.security.plain.PlainLoginModule"
                : "org.apache.kafka.common.security.scram.ScramLoginModule";
        return module + " required username=\"" + username + "\" password=\"" + demoPassword() + "\";";
    }
}
