package care.homeprogram.notifications.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One email to send, with its attempts: the delivery log. */
@Entity
@Table(name = "email_delivery")
public class EmailDelivery extends PanacheEntityBase {
    public enum State {
        /** waiting for its first or next attempt */
        PENDING,
        /** accepted by the SMTP server */
        SENT,
        /** given up after the last attempt: visible in the delivery log */
        FAILED,
        /** not sent on purpose: opted out, account disabled, the matter already handled */
        SKIPPED
    }

    @Id
    public UUID id;

    @Column(name = "notification_id", nullable = false)
    public UUID notificationId;

    @Column(name = "recipient_id", nullable = false)
    public UUID recipientId;

    @Column(nullable = false)
    public String subject;

    @Column(nullable = false)
    public String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state = State.PENDING;

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

    /** Sent even in the recipient's quiet hours (CRITICAL therapist notices); everything else waits for their end. */
    @Column(nullable = false)
    public boolean urgent;

    public static java.util.List<EmailDelivery> ofRecipient(UUID recipientId, int page, int size) {
        return find("recipientId = ?1 order by createdAt desc, id", recipientId)
                .page(io.quarkus.panache.common.Page.of(page, size)).list();
    }

    public static long countOfRecipient(UUID recipientId) {
        return count("recipientId", recipientId);
    }
}
