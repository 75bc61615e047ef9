package care.homeprogram.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import care.homeprogram.local.KafkaBroker;
import care.homeprogram.local.KafkaUser;
import care.homeprogram.local.Platform;
import care.homeprogram.local.PostgresServer;
import care.homeprogram.local.Ports;
import care.homeprogram.local.Service;
import care.homeprogram.local.StackCoordinates;
import care.homeprogram.local.Storage;
import care.homeprogram.testing.SharedStack;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The broker itself dies: a Kafka broker of this test's own (the run's shared one stays up for everybody else) is
 * killed with SIGKILL in the middle of a burst of 1,000 AlertRaised events and started again on its log;
 * notification-service turns every event into exactly one notice, none lost, none doubled.
 */
class KafkaBrokerCrashJourneyTest {
    private static final int EVENTS = 1_000;
    private static final String NOTICES =
            "SELECT count(*) FROM notification WHERE recipient_id = ? AND kind = 'ATTENTION_HIGH'";

    @Test
    void theBrokerKilledInTheMiddleOfAThousandAlertsLosesAndDoublesNoNotice() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Path work = Path.of("target", "kafka-crash-" + run).toAbsolutePath();
        int port = Ports.free();
        int controllerPort = Ports.free();
        KafkaBroker broker = KafkaBroker.start(port, controllerPort, work, Storage.DURABLE);
        StackCoordinates shared = SharedStack.coordinates();
        StackCoordinates withOwnBroker = new StackCoordinates(shared.postgresPort(), shared.keycloakUrl(),
                broker.bootstrapServers(), shared.smtpPort(), shared.imapPort());
        String database = "kafkacrash_" + run + "_notifications";
        // Prefixed topics: the broker's test user may act as plan-service only on a test run's topics.
        String topics = "kafkacrash-" + run + "-";
        Platform platform = Platform.start(withOwnBroker, Platform.freePorts(), "kafkacrash_" + run + "_", topics,
                false, work.resolve("platform"), EnumSet.of(Service.NOTIFICATIONS));
        try (KafkaProducer<String, String> producer = producer(broker.bootstrapServers())) {
            UUID therapist = UUID.randomUUID();
            UUID patient = UUID.randomUUID();
            // In-app only: the burst is about delivery, not about filling the shared mail server.
            send(producer, topics + "patient-events", therapist, "TherapistRegistered", "{\"therapistId\":\""
                    + therapist
                    + "\",\"email\":\"crash-" + run + "@demo.homeprogram.test\",\"timeZone\":\"UTC\","
                    + "\"channels\":{\"email\":false,\"inApp\":true},\"status\":\"ACTIVE\"}");
            producer.flush();
            await().atMost(Duration.ofMinutes(2)).until(() -> count(shared, database,
                    "SELECT count(*) FROM recipient WHERE id = ?", therapist) == 1);

            List<UUID> alerts = new ArrayList<>();
            for (int i = 0; i < EVENTS / 2; i++) {
                alerts.add(alertRaised(producer, topics, patient, therapist));
            }
            producer.flush();
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                    .until(() -> count(shared, database, NOTICES, therapist) >= 20);
            broker.kill();
            long atTheCrash = count(shared, database, NOTICES, therapist);
            Instant killedAt = Instant.now();
            // The second half is sent while the broker is down: the producer waits for it, as a service's relay would.
            List<UUID> secondHalf = java.util.Collections.synchronizedList(new ArrayList<>());
            Thread sender = new Thread(() -> {
                for (int i = EVENTS / 2; i < EVENTS; i++) {
                    secondHalf.add(alertRaised(producer, topics, patient, therapist));
                }
            }, "burst-during-the-outage");
            sender.start();
            broker = KafkaBroker.start(port, controllerPort, work, Storage.DURABLE);
            Duration down = Duration.between(killedAt, Instant.now());
            sender.join(Duration.ofMinutes(5).toMillis());
            assertThat(sender.isAlive()).as("the burst's second half was handed to the producer").isFalse();
            producer.flush();
            alerts.addAll(secondHalf);
            assertThat(atTheCrash).as("killed in the middle of the burst").isLessThan(EVENTS);

            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> count(shared, database, NOTICES, therapist) >= EVENTS);
            Duration recovered = Duration.between(killedAt.plus(down), Instant.now());
            // Redeliveries after the restart keep arriving for a moment: none of them may add anything.
            await().pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(30))
                    .until(() -> count(shared, database, NOTICES, therapist) == EVENTS);
            Set<UUID> subjects = new HashSet<>(uuids(shared, database,
                    "SELECT subject_id FROM notification WHERE recipient_id = ? AND kind = 'ATTENTION_HIGH'",
                    therapist));
            assertThat(subjects).containsExactlyInAnyOrderElementsOf(alerts);
            System.out.printf("[chaos] Kafka broker killed (SIGKILL) with %d of %d notices made, down %d ms:"
                    + " %d notices, %d distinct, 0 lost, 0 doubled, all present %d ms after the broker was back%n",
                    atTheCrash, EVENTS, down.toMillis(), count(shared, database, NOTICES, therapist), subjects.size(),
                    recovered.toMillis());
        } finally {
            platform.close();
            broker.close();
        }
    }

    private static UUID alertRaised(KafkaProducer<String, String> producer, String topics, UUID patient,
            UUID therapist) {
        UUID alert = UUID.randomUUID();
        send(producer, topics + "plan-events", patient, "AlertRaised", "{\"alertId\":\"" + alert + "\",\"patientId\":\""
                + patient + "\",\"planId\":\"" + UUID.randomUUID() + "\",\"therapistIds\":[\"" + therapist
                + "\"],\"severity\":\"HIGH\",\"reasonCode\":\"PAIN_RED\"}");
        return alert;
    }

    private static void send(KafkaProducer<String, String> producer, String topic, UUID key, String type,
            String data) {
        String envelope = "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"" + type + "\",\"occurredAt\":\""
                + OffsetDateTime.now() + "\",\"version\":1,\"aggregateId\":\"" + key + "\",\"data\":" + data + "}";
        producer.send(new ProducerRecord<>(topic, key.toString(), envelope));
    }

    /** A producer that waits out a broker restart, as the services' outbox relay does. */
    private static KafkaProducer<String, String> producer(String bootstrapServers) {
        Properties properties = KafkaBroker.clientProperties(bootstrapServers, KafkaUser.TESTS);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Duration.ofMinutes(5).toMillis());
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Duration.ofMinutes(5).toMillis());
        return new KafkaProducer<>(properties);
    }

    private static long count(StackCoordinates stack, String database, String sql, UUID parameter) {
        return query(stack, database, sql, parameter, result -> ((Number) result.getObject(1)).longValue());
    }

    private static List<UUID> uuids(StackCoordinates stack, String database, String sql, UUID parameter) {
        List<UUID> values = new ArrayList<>();
        query(stack, database, sql, parameter, result -> {
            values.add((UUID) result.getObject(1));
            return 0L;
        });
        return values;
    }

    private interface Row {
        long read(ResultSet result) throws Exception;
    }

    /** Runs the query and reads each row; returns what the last row gave. */
    private static long query(StackCoordinates stack, String database, String sql, UUID parameter, Row row) {
        try (Connection connection = DriverManager.getConnection(stack.jdbcUrl(database), PostgresServer.USER,
                PostgresServer.PASSWORD); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            long last = 0;
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    last = row.read(result);
                }
            }
            return last;
        } catch (Exception e) {
            throw new IllegalStateException("query failed on " + database + ": " + sql, e);
        }
    }
}
