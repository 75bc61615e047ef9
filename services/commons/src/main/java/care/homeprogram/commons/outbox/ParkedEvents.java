package care.homeprogram.commons.outbox;

import care.homeprogram.commons.problem.ProblemException;
import care.homeprogram.contract.Page;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The parked outbox rows, for admins: list them, and retry one or all. A retry makes the row pending again with
 * {@code max-attempts} fresh attempts; the relay publishes it in its turn (after any earlier pending row of its
 * aggregate) or parks it again if the broker still refuses it.
 */
@ApplicationScoped
public class ParkedEvents {
    private static final Logger LOG = Logger.getLogger(ParkedEvents.class);
    private static final String VIEW = "SELECT new care.homeprogram.commons.outbox.ParkedEvent(e.id, e.topic, e.type, "
            + "e.aggregateId, e.occurredAt, e.attempts, e.lastError, e.parkedAt) FROM OutboxEvent e ";
    private static final String PARKED = "e.parkedAt IS NOT NULL AND e.publishedAt IS NULL";

    private final EntityManager entityManager;
    private final OutboxBacklog backlog;

    public ParkedEvents(EntityManager entityManager, OutboxBacklog backlog) {
        this.entityManager = entityManager;
        this.backlog = backlog;
    }

    /** Oldest first: the order in which they were meant to be published. */
    public Page<ParkedEvent> page(int page, int size) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<ParkedEvent> items = entityManager.createQuery(VIEW + "WHERE " + PARKED + " ORDER BY e.seq",
                    ParkedEvent.class)
                    .setFirstResult(page * size)
                    .setMaxResults(size)
                    .getResultList();
            long total = entityManager.createQuery("SELECT count(e) FROM OutboxEvent e WHERE " + PARKED, Long.class)
                    .getSingleResult();
            return new Page<>(items, total);
        });
    }

    /** @throws ProblemException 404 when no parked row has this id (unknown, pending or already published) */
    public ParkedEvent retry(UUID id) {
        List<ParkedEvent> retried = retryWhere("e.id = :id", id);
        if (retried.isEmpty()) {
            throw ProblemException.notFound("Parked outbox event " + id);
        }
        return retried.get(0);
    }

    public List<ParkedEvent> retryAll() {
        return retryWhere(null, null);
    }

    private List<ParkedEvent> retryWhere(String condition, UUID id) {
        String where = PARKED + (condition == null ? "" : " AND " + condition);
        List<ParkedEvent> retried = QuarkusTransaction.requiringNew().call(() -> {
            var select = entityManager.createQuery(VIEW + "WHERE " + where + " ORDER BY e.seq", ParkedEvent.class);
            if (id != null) {
                select.setParameter("id", id);
            }
            List<ParkedEvent> parked = select.getResultList();
            if (!parked.isEmpty()) {
                entityManager.createQuery("UPDATE OutboxEvent e SET e.parkedAt = NULL, e.attempts = 0, "
                        + "e.nextAttemptAt = NULL WHERE " + PARKED + " AND e.id IN :ids")
                        .setParameter("ids", parked.stream().map(ParkedEvent::id).toList())
                        .executeUpdate();
            }
            return parked.stream().map(ParkedEvent::retried).toList();
        });
        if (!retried.isEmpty()) {
            LOG.infof("outbox: %d parked event(s) retried by an admin: %s", retried.size(),
                    retried.stream().map(ParkedEvent::id).toList());
            backlog.count();
        }
        return retried;
    }
}
