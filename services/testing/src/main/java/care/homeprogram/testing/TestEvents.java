package care.homeprogram.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import care.homeprogram.local.KafkaBroker;
import care.homeprogram.local.KafkaUser;
import java.io.IOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes and reads events on the real broker, under the topic prefix of the test JVM. */
public final class TestEvents {
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private TestEvents() {
    }

    /** Publishes an envelope as another service would; returns its id. */
    public static UUID publish(String topic, String type, UUID aggregateId, Object data) {
        UUID id = UUID.randomUUID();
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("id", id.toString());
        envelope.put("type", type);
        envelope.put("occurredAt", OffsetDateTime.now().toString());
        envelope.put("version", 1);
        envelope.put("aggregateId", aggregateId.toString());
        envelope.set("data", JSON.valueToTree(data));
        publishRaw(topic, aggregateId.toString(), envelope.toString());
        return id;
    }

    public static void publishRaw(String topic, String key, String payload) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProperties())) {
            producer.send(new ProducerRecord<>(RealInfrastructure.topicPrefix() + topic, key, payload))
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    /** Publishes many payloads through one producer (a burst), in order; keys and payloads pairwise. */
    public static void publishBurst(String topic, List<Map.Entry<String, String>> keyedPayloads) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProperties())) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
            for (Map.Entry<String, String> message : keyedPayloads) {
                sent.add(producer.send(new ProducerRecord<>(RealInfrastructure.topicPrefix() + topic,
                        message.getKey(), message.getValue())));
            }
            for (java.util.concurrent.Future<?> future : sent) {
                future.get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    /** Publishes one record with headers, e.g. a dead-lettered message as a consumer would have written it. */
    public static void publishWithHeaders(String topic, String key, String payload, Map<String, String> headers) {
        ProducerRecord<String, String> record = new ProducerRecord<>(RealInfrastructure.topicPrefix() + topic, key,
                payload);
        headers.forEach((name, value) -> record.headers().add(name, value.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProperties())) {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    /** Every record on the topic so far, oldest first, with its headers. */
    public static List<ConsumerRecord<String, String>> records(String topic) {
        Properties properties = testUser();
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, KafkaUser.TESTS.username() + ".reader-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            consumer.subscribe(List.of(RealInfrastructure.topicPrefix() + topic));
            int emptyPolls = 0;
            while (emptyPolls < 3) {
                var polled = consumer.poll(Duration.ofMillis(700));
                if (polled.isEmpty()) {
                    emptyPolls++;
                }
                polled.forEach(records::add);
            }
        }
        return records;
    }

    /** A header's text, or null. */
    public static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** Every event on the topic so far, oldest first. */
    public static List<JsonNode> readAll(String topic) {
        return records(topic).stream().map(record -> parse(record.value())).toList();
    }

    private static JsonNode parse(String value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(value);
        }
    }

    /**
     * The broker's test user: it may publish and read the test run's prefixed topics as any service would, and
     * nothing else (the services' own users may not write each other's topics).
     */
    public static Properties testUser() {
        return KafkaBroker.clientProperties(SharedStack.coordinates().kafkaBootstrapServers(), KafkaUser.TESTS);
    }

    private static Properties producerProperties() {
        Properties properties = testUser();
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        return properties;
    }
}
