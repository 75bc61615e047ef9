package care.homeprogram.notifications.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What every delivery that leaves this service (an email, a push notification) records: whose notification it
 * carries, whether it may break through quiet hours, and its attempts until it is sent, skipped or given up (the
 * delivery log). Each kind keeps its own table and its own states.
 */
@MappedSuperclass
public abstract class OutboundDelivery extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "notification_id", nullable = false)
    public UUID notificationId;

    @Column(name = "recipient_id", nullable = false)
    public UUID recipientId;

    /** Sent even in the recipient's quiet hours (CRITICAL notices); everything else waits for their end. */
    @Column(nullable = false)
    public boolean urgent;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public OffsetDateTime nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "sent_at")
    public OffsetDateTime sentAt;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    /** Given up for good: FAILED, visible in the delivery log with its last error. */
    public abstract void markFailed();
}
