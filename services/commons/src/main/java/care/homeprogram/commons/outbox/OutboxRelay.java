package care.homeprogram.commons.outbox;

import care.homeprogram.commons.tracing.TraceContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.RetriableException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes outbox events and marks each sent only after the broker acknowledged it; a crash between the
 * acknowledgement and the commit re-sends, which consumers absorb because they deduplicate on the event id.
 * <p>
 * One row at a time, each in its own transaction, so that an attempt is recorded whatever happens to the others:
 * the row is claimed with FOR UPDATE SKIP LOCKED (several replicas relay side by side, never sending a row twice at
 * once), sent, and marked published or failed in that transaction. A failed row gets its error and a later time for
 * its next try (backoff), so it never stops the rows behind it; once it has had {@code max-attempts} attempts and
 * Kafka refused the last, it is parked for an admin (docs/events.md#delivery-guarantees).
 * <p>
 * Order: rows go out in the order they were written, except that a row waits while an earlier row of the same
 * aggregate (the Kafka key, so the same partition) is still pending, including while that one is failing, and goes on
 * once it is published or parked. Rows of other aggregates never wait for it.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /** The oldest due row with no earlier pending row of its aggregate; locked rows are another replica's. */
    private static final String NEXT_DUE = "SELECT * FROM outbox_event e "
            + "WHERE e.published_at IS NULL AND e.parked_at IS NULL "
            + "AND (e.next_attempt_at IS NULL OR e.next_attempt_at <= :now) "
            + "AND NOT EXISTS (SELECT 1 FROM outbox_event earlier WHERE earlier.aggregate_id = e.aggregate_id "
            + "AND earlier.seq < e.seq AND earlier.published_at IS NULL AND earlier.parked_at IS NULL) "
            + "ORDER BY e.seq LIMIT 1 FOR UPDATE OF e SKIP LOCKED";

    /** What happened to the row a transaction claimed. */
    public enum Outcome {
        NOTHING_DUE, PUBLISHED, REFUSED, UNAVAILABLE, PARKED
    }

    private final EntityManager entityManager;
    private final MutinyEmitter<String> emitter;
    private final String topicPrefix;
    private final Clock clock;
    private final OutboxConfig config;
    private final OutboxBacklog backlog;
    private final Counter refused;
    private final Counter unavailable;

    public OutboxRelay(EntityManager entityManager, @Channel("outbox") MutinyEmitter<String> emitter,
            @ConfigProperty(name = "homeprogram.kafka.topic-prefix") Optional<String> topicPrefix, Clock clock,
            OutboxConfig config, OutboxBacklog backlog, MeterRegistry registry) {
        this.entityManager = entityManager;
        this.emitter = emitter;
        this.topicPrefix = topicPrefix.orElse("");
        this.clock = clock;
        this.config = config;
        this.backlog = backlog;
        this.refused = failedAttempts(registry, "refused");
        this.unavailable = failedAttempts(registry, "unavailable");
    }

    private static Counter failedAttempts(MeterRegistry registry, String reason) {
        return Counter.builder("homeprogram.outbox.failed.attempts")
                .description("Outbox publish attempts that failed: the record refused by Kafka, or Kafka unavailable "
                        + "(no acknowledgement within the send timeout, a retriable error)")
                .tag("reason", reason)
                .register(registry);
    }

    @Scheduled(identity = "outbox-relay", every = "${homeprogram.outbox.poll-interval}",
            delayed = "${homeprogram.outbox.start-delay}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void relayPending() {
        try {
            boolean parkedAny = false;
            Outcome outcome;
            do {
                outcome = relayNext();
                parkedAny |= outcome == Outcome.PARKED;
                // Unavailable: the broker is probably down, so trying every other row now would only fail slowly.
            } while (outcome != Outcome.NOTHING_DUE && outcome != Outcome.UNAVAILABLE);
            if (parkedAny) {
                backlog.count();
            }
        } catch (RuntimeException e) {
            // The database may be down: nothing was recorded, and the next tick tries again.
            LOG.warnf("outbox relay paused: %s", e.getMessage());
        }
    }

    /** Claims, sends and records the next due row, in a transaction of its own. */
    public Outcome relayNext() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<OutboxEvent> due = entityManager.createNativeQuery(NEXT_DUE, OutboxEvent.class)
                    .setParameter("now", OffsetDateTime.now(clock))
                    .getResultList();
            if (due.isEmpty()) {
                return Outcome.NOTHING_DUE;
            }
            OutboxEvent event = due.get(0);
            event.attempts++;
            try {
                send(event);
            } catch (RuntimeException e) {
                return failed(event, e);
            }
            event.publishedAt = OffsetDateTime.now(clock);
            event.nextAttemptAt = null;
            if (event.attempts > 1) {
                LOG.infof("outbox event %s (%s) published after %d attempts", event.id, event.type, event.attempts);
            }
            return Outcome.PUBLISHED;
        });
    }

    private void send(OutboxEvent event) {
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topicPrefix + event.topic)
                .withKey(event.aggregateId.toString())
                .build();
        // The connector's producer span becomes a child of the context stored with the row (not of this poller), and
        // the connector sends that span as the record's traceparent/tracestate headers (docs/events.md).
        TracingMetadata tracing = TracingMetadata.withCurrent(
                new TraceContext(event.traceparent, event.tracestate).asParent());
        emitter.sendMessage(Message.of(event.payload).addMetadata(metadata).addMetadata(tracing))
                .await().atMost(config.sendTimeout());
    }

    private Outcome failed(OutboxEvent event, RuntimeException failure) {
        boolean isRefused = refusedByKafka(failure);
        (isRefused ? refused : unavailable).increment();
        event.lastError = describe(failure);
        OffsetDateTime now = OffsetDateTime.now(clock);
        // An outage is not the row's fault: parking every row it touched would hold back events (alerts among them)
        // until an admin noticed. Only a row Kafka answered and refused is given up on.
        if (isRefused && event.attempts >= config.maxAttempts()) {
            event.parkedAt = now;
            event.nextAttemptAt = null;
            LOG.errorf("outbox event %s (%s on %s, aggregate %s) parked after %d attempts; later rows go on; "
                    + "an admin may retry it at <prefix>/outbox/parked: %s", event.id, event.type, event.topic,
                    event.aggregateId, event.attempts, event.lastError);
            return Outcome.PARKED;
        }
        event.nextAttemptAt = now.plus(config.retryAfter(event.attempts));
        LOG.warnf("outbox event %s (%s on %s) attempt %d failed, next try at %s: %s", event.id, event.type,
                event.topic, event.attempts, event.nextAttemptAt, event.lastError);
        return isRefused ? Outcome.REFUSED : Outcome.UNAVAILABLE;
    }

    /**
     * Kafka answered and refused this record for good (too large, invalid topic, not authorised, ...). Anything else,
     * no acknowledgement within the send timeout, an error Kafka calls retriable, or the channel itself failing, says
     * nothing about the row.
     */
    private static boolean refusedByKafka(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof RetriableException) {
                return false;
            }
            if (cause instanceof KafkaException) {
                return true;
            }
        }
        return false;
    }

    /** The error without the payload (never part of Kafka's messages), short enough for the column. */
    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getName() + ": " + root.getMessage();
        return text.length() <= 1000 ? text : text.substring(0, 1000);
    }

    /** Published events are kept a week for diagnosis, then removed; parked ones stay until published. */
    @Scheduled(identity = "outbox-purge", every = "1h", delayed = "1m",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void purgePublished() {
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("DELETE FROM outbox_event WHERE published_at < now() - interval '7 days'")
                .executeUpdate());
    }
}
