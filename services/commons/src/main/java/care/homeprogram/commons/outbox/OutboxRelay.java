package care.homeprogram.commons.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes outbox events in commit order and marks each sent only after the broker acknowledged it. Rows are
 * claimed with FOR UPDATE SKIP LOCKED, so several replicas relay side by side without sending a row twice at once;
 * a crash between send and commit re-sends, which consumers absorb because they deduplicate on the event id.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 100;

    private final EntityManager entityManager;
    private final MutinyEmitter<String> emitter;
    private final String topicPrefix;
    private final Clock clock;

    public OutboxRelay(EntityManager entityManager, @Channel("outbox") MutinyEmitter<String> emitter,
            @ConfigProperty(name = "homeprogram.kafka.topic-prefix") Optional<String> topicPrefix, Clock clock) {
        this.entityManager = entityManager;
        this.emitter = emitter;
        this.topicPrefix = topicPrefix.orElse("");
        this.clock = clock;
    }

    @Scheduled(every = "${homeprogram.outbox.poll-interval:0.2s}", delayed = "${homeprogram.outbox.start-delay:3s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relayPending() {
        try {
            while (publishBatch() == BATCH) {
                // a full batch means more may be waiting
            }
        } catch (RuntimeException e) {
            // The broker may be down: the rows stay unpublished and the next tick tries again.
            LOG.warnf("outbox relay paused: %s", e.getMessage());
        }
    }

    /** @return how many events were published */
    public int publishBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<OutboxEvent> batch = entityManager.createNativeQuery(
                    "SELECT * FROM outbox_event WHERE published_at IS NULL ORDER BY seq LIMIT :batch "
                            + "FOR UPDATE SKIP LOCKED", OutboxEvent.class)
                    .setParameter("batch", BATCH)
                    .getResultList();
            for (OutboxEvent event : batch) {
                event.attempts++;
                OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(topicPrefix + event.topic)
                        .withKey(event.aggregateId.toString())
                        .build();
                emitter.sendMessage(Message.of(event.payload).addMetadata(metadata))
                        .await().atMost(Duration.ofSeconds(15));
                event.publishedAt = OffsetDateTime.now(clock);
            }
            if (!batch.isEmpty()) {
                LOG.debugf("published %d outbox events", batch.size());
            }
            return batch.size();
        });
    }

    /** Published events are kept a week for diagnosis, then removed. */
    @Scheduled(every = "1h", delayed = "1m")
    void purgePublished() {
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("DELETE FROM outbox_event WHERE published_at < now() - interval '7 days'")
                .executeUpdate());
    }
}
