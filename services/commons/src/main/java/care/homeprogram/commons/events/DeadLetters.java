package care.homeprogram.commons.events;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * The dead-letter topics ({@code <topic>-dlq}): where a message that can never be processed is put, with why and
 * where it came from in its headers, and from where an admin re-drives it after a fix. A replay hands each message,
 * unchanged and with its original coordinates, to the consumer that dead-lettered it, in this service: a consumer may
 * not write the topics it consumes (only their producer may: docs/events.md#who-may-write-and-read-which-topic), so
 * it cannot publish the message there again. The consumer's inbox skips what it processed already, so a replay is
 * idempotent and may be repeated.
 */
@ApplicationScoped
public class DeadLetters {
    public static final String REASON = "dead-letter-reason";
    public static final String CONSUMER = "dead-letter-consumer";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";
    public static final String REPLAYED_FROM = "replayed-from";
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(15);
    private static final int MAX_READ = 10_000;

    /** A dead-lettered message as an admin sees it: where, why, which event; never the payload (it may hold PHI). */
    public record DeadLetter(String deadLetterTopic, int partition, long offset, String consumer, String reason,
            String originalTopic, Integer originalPartition, Long originalOffset, UUID eventId, String eventType,
            OffsetDateTime deadLetteredAt) {
    }

    private final MutinyEmitter<String> emitter;
    private final EventJson json;
    private final Properties connection = new Properties();
    private final String replayGroup;

    /**
     * @param kafka the {@code kafka.*} settings SmallRye gives every channel (Quarkus's default-kafka-broker map): the
     *              reader connects like the channels, with the same bootstrap servers, SASL user and trust store
     */
    public DeadLetters(@Channel("outbox") MutinyEmitter<String> emitter, EventJson json,
            @Identifier("default-kafka-broker") Map<String, Object> kafka,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.emitter = emitter;
        this.json = json;
        connection.putAll(kafka);
        this.replayGroup = service + ".dead-letter-replay";
    }

    /** The dead-letter topic of a topic (prefix kept, so test runs stay apart). */
    public static String topicFor(String topic) {
        return topic + "-dlq";
    }

    /** Publishes the record to its dead-letter topic and waits for the broker's acknowledgement. */
    void send(String consumer, ConsumerRecord<String, String> record, String reason) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(REASON, bytes(reason));
        headers.add(CONSUMER, bytes(consumer));
        headers.add(TOPIC, bytes(record.topic()));
        headers.add(PARTITION, bytes(Integer.toString(record.partition())));
        headers.add(OFFSET, bytes(Long.toString(record.offset())));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topicFor(record.topic())).withKey(record.key()).withHeaders(headers).build();
        emitter.sendMessage(Message.of(record.value() == null ? "" : record.value()).addMetadata(metadata))
                .await().atMost(SEND_TIMEOUT);
    }

    /** The messages dead-lettered by {@code consumers} and not replayed yet, oldest first. */
    public List<DeadLetter> waiting(Collection<String> topics, Set<String> consumers) {
        List<DeadLetter> waiting = new ArrayList<>();
        read(topics, consumers, false, record -> waiting.add(describe(record)));
        return waiting;
    }

    /**
     * Hands every waiting message of {@code consumers} to the consumer that dead-lettered it (as if it came from its
     * original topic, partition and offset), then records them as replayed. A message that still cannot be processed
     * is dead-lettered again by its consumer; a failure that may pass is retried in place, as on the topic.
     *
     * @param consumers each consumer's name and the method its channel calls with a record
     * @return what was replayed
     */
    public List<DeadLetter> replay(Collection<String> topics,
            Map<String, java.util.function.Consumer<ConsumerRecord<String, String>>> consumers) {
        List<DeadLetter> replayed = new ArrayList<>();
        read(topics, consumers.keySet(), true, record -> {
            DeadLetter letter = describe(record);
            RecordHeaders headers = new RecordHeaders();
            headers.add(REPLAYED_FROM, bytes(record.topic() + "-" + record.partition() + "@" + record.offset()));
            String topic = letter.originalTopic() != null ? letter.originalTopic()
                    : record.topic().substring(0, record.topic().length() - "-dlq".length());
            ConsumerRecord<String, String> original = new ConsumerRecord<>(topic,
                    letter.originalPartition() == null ? -1 : letter.originalPartition(),
                    letter.originalOffset() == null ? -1 : letter.originalOffset(), record.timestamp(),
                    record.timestampType(), ConsumerRecord.NULL_SIZE, ConsumerRecord.NULL_SIZE, record.key(),
                    record.value(), headers, Optional.empty());
            consumers.get(letter.consumer()).accept(original);
            replayed.add(letter);
        });
        return replayed;
    }

    /**
     * Reads the dead-letter topics from the replay group's position to their current end. With {@code commit},
     * the position moves past what was handed over, once all of it was handled.
     */
    private void read(Collection<String> topics, Set<String> consumers, boolean commit,
            java.util.function.Consumer<ConsumerRecord<String, String>> action) {
        Properties properties = new Properties();
        properties.putAll(connection);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, replayGroup);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = topics.stream().map(DeadLetters::topicFor)
                    .flatMap(t -> consumer.partitionsFor(t, Duration.ofSeconds(10)).stream()
                            .map(p -> new TopicPartition(t, p.partition())))
                    .toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions),
                    Duration.ofSeconds(10));
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata position = committed.get(partition);
                if (position == null) {
                    consumer.seekToBeginning(List.of(partition));
                } else {
                    consumer.seek(partition, position.offset());
                }
            }
            int read = 0;
            Instant deadline = Instant.now().plusSeconds(30);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && read < MAX_READ
                    && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(partition)) {
                        continue;
                    }
                    read++;
                    if (consumers.contains(header(record, CONSUMER))) {
                        action.accept(record);
                    }
                }
            }
            if (commit) {
                consumer.commitSync(partitions.stream().collect(Collectors.toMap(p -> p,
                        p -> new OffsetAndMetadata(Math.min(consumer.position(p), end.get(p))))));
            }
        }
    }

    private DeadLetter describe(ConsumerRecord<String, String> record) {
        UUID eventId = null;
        String type = null;
        try {
            EventEnvelope envelope = json.read(record.value());
            eventId = envelope.id();
            type = envelope.type();
        } catch (PoisonMessageException unreadable) {
            // an unparseable message is described by its coordinates and reason alone
        }
        return new DeadLetter(record.topic(), record.partition(), record.offset(), header(record, CONSUMER),
                header(record, REASON), header(record, TOPIC), integer(header(record, PARTITION)),
                longValue(header(record, OFFSET)), eventId, type,
                OffsetDateTime.ofInstant(Instant.ofEpochMilli(record.timestamp()), ZoneOffset.UTC));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Integer integer(String text) {
        return text == null ? null : Integer.valueOf(text);
    }

    private static Long longValue(String text) {
        return text == null ? null : Long.valueOf(text);
    }

    private static byte[] bytes(String text) {
        return String.valueOf(text).getBytes(StandardCharsets.UTF_8);
    }
}
