package care.homeprogram.notifications.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.util.UUID;

/** One email to send, with its attempts: the delivery log. */
@Entity
@Table(name = "email_delivery")
public class EmailDelivery extends OutboundDelivery {
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

    @Column(nullable = false)
    public String subject;

    @Column(nullable = false)
    public String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state = State.PENDING;

    @Override
    public void markFailed() {
        state = State.FAILED;
    }

    public static java.util.List<EmailDelivery> ofRecipient(UUID recipientId, int page, int size) {
        return find("recipientId = ?1 order by createdAt desc, id", recipientId)
                .page(io.quarkus.panache.common.Page.of(page, size)).list();
    }

    public static long countOfRecipient(UUID recipientId) {
        return count("recipientId", recipientId);
    }
}
