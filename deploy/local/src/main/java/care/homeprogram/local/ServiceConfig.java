package care.homeprogram.local;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The configuration that points one service at a stack: the same for the local run, the journey tests and
 * each service's own tests, so they can never drift apart.
 */
public final class ServiceConfig {
    private ServiceConfig() {
    }

    /**
     * @param database    the service's own database on the stack's PostgreSQL (ignored for the portal)
     * @param topicPrefix prepended to every topic, so concurrent users of one broker do not see each other's events
     */
    public static Map<String, String> forService(StackCoordinates stack, Service service, String database,
            String topicPrefix) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.oidc.auth-server-url", stack.realmUrl());
        config.put("quarkus.oidc.credentials.secret", service.demoClientSecret());
        config.put("kafka.bootstrap.servers", stack.kafkaBootstrapServers());
        config.put("homeprogram.kafka.topic-prefix", topicPrefix);
        // The service's own Kafka user (SASL): SmallRye passes kafka.* to every channel, DeadLetters to its reader.
        KafkaUser.of(service).ifPresent(user -> user.clientSettings()
                .forEach((name, value) -> config.put("kafka." + name, value)));
        if (service.hasDatabase()) {
            // Flyway migrates as the owner; the service runs as the runtime role, which may not alter or own
            // anything and may only add to and read the audit trail (docs/security.md, "Database roles").
            PostgresServer.ServiceRoles roles = PostgresServer.ServiceRoles.of(service);
            config.put("quarkus.datasource.jdbc.url", stack.createDatabase(database, service));
            config.put("quarkus.datasource.username", roles.runtime());
            config.put("quarkus.datasource.password", roles.runtimePassword());
            config.put("quarkus.flyway.username", roles.owner());
            config.put("quarkus.flyway.password", roles.ownerPassword());
        }
        if (service == Service.PATIENTS) {
            // Keycloak's admin API (accounts), with the service's own service account and secret.
            config.put("quarkus.keycloak.admin-client.server-url", stack.keycloakUrl());
        }
        if (service == Service.PLANS) {
            // The clinic's escalation mailbox of the demo: read it over IMAP like every other demo address.
            config.put("homeprogram.escalation.contact-email", "escalation@demo.homeprogram.test");
        }
        if (service == Service.NOTIFICATIONS) {
            config.put("quarkus.mailer.host", "localhost");
            config.put("quarkus.mailer.port", Integer.toString(stack.smtpPort()));
            config.put("quarkus.mailer.mock", "false");
            // Web Push: a fresh VAPID key pair (a test's); the local run replaces it with its data folder's own.
            VapidKeyPair.generate().configure(config);
        }
        return config;
    }
}
