package care.homeprogram.commons.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * Makes consumers idempotent: the processed-message row is written in the same transaction as the side effect,
 * so a redelivered event (after a crash or a rebalance) is recognised and skipped.
 */
@ApplicationScoped
public class Inbox {
    private final EntityManager entityManager;

    public Inbox(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** @return true the first time this consumer sees the message; false for every redelivery */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(UUID messageId, String consumer) {
        return entityManager.createNativeQuery(
                "INSERT INTO processed_message (message_id, consumer, processed_at) VALUES (:id, :consumer, now()) "
                        + "ON CONFLICT DO NOTHING")
                .setParameter("id", messageId)
                .setParameter("consumer", consumer)
                .executeUpdate() == 1;
    }
}
