package care.homeprogram.commons.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An event written in the same transaction as the change it reports; published later by {@link OutboxRelay}. A row
 * is pending until published; a row the broker kept refusing is parked ({@code parkedAt}) until an admin retries it.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {
    @Id
    public UUID id;

    @Column(name = "seq", insertable = false, updatable = false)
    public Long seq;

    @Column(nullable = false)
    public String topic;

    @Column(name = "aggregate_id", nullable = false)
    public UUID aggregateId;

    @Column(nullable = false)
    public String type;

    @Column(nullable = false, columnDefinition = "text")
    public String payload;

    @Column(name = "occurred_at", nullable = false)
    public OffsetDateTime occurredAt;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;

    @Column(nullable = false)
    public int attempts;

    /** Why the last attempt failed; kept after parking and after a retry, until the next attempt. */
    @Column(name = "last_error", length = 1000)
    public String lastError;

    /** Not tried before this time (backoff after a failure); null: as soon as its turn comes. */
    @Column(name = "next_attempt_at")
    public OffsetDateTime nextAttemptAt;

    @Column(name = "parked_at")
    public OffsetDateTime parkedAt;

    /** The W3C trace context of the transaction that wrote the row (V0_5); null outside any trace. */
    @Column(length = 55)
    public String traceparent;

    @Column(length = 512)
    public String tracestate;
}
