package care.homeprogram.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The event bus is authenticated and each service may write only what it produces (docs/events.md): plan-service
 * builds its care teams, its authorisation data, from patient-events, so a CareTeamChanged forged by anybody but
 * patient-service would give a therapist access to any patient. Against the real broker: the run's shared one when
 * {@code HOMEPROGRAM_STACK_FILE} names it, else one of this test's own.
 */
class KafkaAclTest {
    private static final Duration BLOCK = Duration.ofSeconds(8);
    private static KafkaBroker ownBroker;
    private static String bootstrapServers;
    private static String prefix;

    @BeforeAll
    static void broker() {
        String file = System.getenv(StackCoordinates.FILE_VARIABLE);
        if (file != null && Files.exists(Path.of(file))) {
            bootstrapServers = StackCoordinates.read(Path.of(file)).kafkaBootstrapServers();
        } else {
            Path work = Path.of("target", "kafka-acl-" + ProcessHandle.current().pid()).toAbsolutePath();
            ownBroker = KafkaBroker.start(Ports.free(), Ports.free(), work, Storage.EPHEMERAL);
            bootstrapServers = ownBroker.bootstrapServers();
        }
        prefix = "acl-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        KafkaBroker.createTopics(bootstrapServers, prefix);
    }

    @AfterAll
    static void stop() {
        if (ownBroker != null) {
            ownBroker.close();
        }
    }

    @Test
    void aClientWithoutCredentialsCanNeitherProduceNorConsume() throws Exception {
        Properties anonymous = new Properties();
        anonymous.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        assertThatThrownBy(() -> send(anonymous, "patient-events", careTeamChanged()))
                .as("an unauthenticated producer").isInstanceOf(TimeoutException.class);

        String sent = careTeamChanged();
        send(client(KafkaUser.PATIENTS), "patient-events", sent);
        List<String> readAnonymously;
        try {
            readAnonymously = read(anonymous, "anonymous-reader-" + UUID.randomUUID(), "patient-events");
        } catch (RuntimeException refused) {
            readAnonymously = List.of();
        }
        assertThat(readAnonymously).as("what an unauthenticated consumer reads of patient-events").isEmpty();
        assertThat(read(client(KafkaUser.TESTS), KafkaUser.TESTS.username() + ".acl-" + UUID.randomUUID(),
                "patient-events")).as("the event is there for those allowed to read it").contains(sent);
    }

    @Test
    void aWrongPasswordIsRefused() {
        Properties impostor = client(KafkaUser.PATIENTS);
        impostor.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                + "username=\"patient-service\" password=\"guessed\";");
        assertThatThrownBy(() -> send(impostor, "patient-events", careTeamChanged()))
                .isInstanceOf(SaslAuthenticationException.class);
    }

    @Test
    void notificationServiceCannotWritePatientEvents() {
        assertThatThrownBy(() -> send(client(KafkaUser.NOTIFICATIONS), "patient-events", careTeamChanged()))
                .isInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> send(client(KafkaUser.NOTIFICATIONS), "plan-events", "{}"))
                .isInstanceOf(TopicAuthorizationException.class);
    }

    /** A compromised plan-service cannot forge the care-team change that would open a patient's record to it. */
    @Test
    void planServiceCannotWritePatientEvents() {
        assertThatThrownBy(() -> send(client(KafkaUser.PLANS), "patient-events", careTeamChanged()))
                .isInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> send(client(KafkaUser.PATIENTS), "plan-events", "{}"))
                .as("nor patient-service plan-service's events").isInstanceOf(
                        TopicAuthorizationException.class);
    }

    @Test
    void eachServiceMayDoWhatItNeedsAndReadOnlyWithItsOwnGroup() throws Exception {
        String patientEvent = careTeamChanged();
        send(client(KafkaUser.PATIENTS), "patient-events", patientEvent);
        String planEvent = "{\"type\":\"PlanAssigned\",\"id\":\"" + UUID.randomUUID() + "\"}";
        send(client(KafkaUser.PLANS), "plan-events", planEvent);
        send(client(KafkaUser.PLANS), "patient-events-dlq", "poison of plan-service");
        send(client(KafkaUser.NOTIFICATIONS), "plan-events-dlq", "poison of notification-service");
        send(client(KafkaUser.NOTIFICATIONS), "patient-events-dlq", "poison of notification-service");

        assertThat(read(client(KafkaUser.PLANS), "plan-service", "patient-events")).contains(patientEvent);
        assertThat(read(client(KafkaUser.NOTIFICATIONS), "notification-service", "plan-events"))
                .contains(planEvent);
        assertThat(read(client(KafkaUser.NOTIFICATIONS), "notification-service.dead-letter-replay",
                "plan-events-dlq")).contains("poison of notification-service");

        assertThatThrownBy(() -> read(client(KafkaUser.PLANS), "notification-service", "patient-events"))
                .as("plan-service in notification-service's group").isInstanceOf(GroupAuthorizationException.class);
        assertThatThrownBy(() -> read(client(KafkaUser.PATIENTS), "patient-service", "patient-events"))
                .as("patient-service reads no topic").isInstanceOf(Exception.class);
        assertThatThrownBy(() -> read(client(KafkaUser.PLANS), "plan-service", "plan-events"))
                .as("plan-service reads nobody's plan-events").isInstanceOf(TopicAuthorizationException.class);
    }

    private static String careTeamChanged() {
        UUID patient = UUID.randomUUID();
        return "{\"id\":\"" + UUID.randomUUID() + "\",\"type\":\"CareTeamChanged\",\"version\":1,\"aggregateId\":\""
                + patient + "\",\"data\":{\"patientId\":\"" + patient + "\",\"therapistIds\":[\"" + UUID.randomUUID()
                + "\"],\"status\":\"ACTIVE\"}}";
    }

    private static Properties client(KafkaUser user) {
        return KafkaBroker.clientProperties(bootstrapServers, user);
    }

    private static void send(Properties connection, String topic, String value) throws Exception {
        Properties properties = new Properties();
        properties.putAll(connection);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) BLOCK.toMillis());
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) BLOCK.toMillis());
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) BLOCK.toMillis() / 2);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties)) {
            producer.send(new ProducerRecord<>(prefix + topic, "key", value)).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /** What the group reads of the topic from its start, for a few seconds; authorisation errors are thrown. */
    private static List<String> read(Properties connection, String group, String topic) {
        Properties properties = new Properties();
        properties.putAll(connection);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            consumer.subscribe(List.of(prefix + topic));
            Instant until = Instant.now().plus(BLOCK);
            while (Instant.now().isBefore(until)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
                if (!values.isEmpty()) {
                    break;
                }
            }
        }
        return values;
    }
}
