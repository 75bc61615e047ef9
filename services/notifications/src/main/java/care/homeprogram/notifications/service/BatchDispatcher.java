package care.homeprogram.notifications.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The one dispatcher of due rows, for every channel (in-app reminders, emails, push). A batch is claimed with
 * {@code FOR UPDATE SKIP LOCKED} and handed to its channel in one transaction, which commits the rows' outcomes (and
 * whatever the channel created: messages, emails, push deliveries) together with the claim. So:
 * <ul>
 * <li>two replicas, or two workers of one, never hold the same row: a locked row is skipped, not waited for;</li>
 * <li>a row is handled once in effect: its outcome commits with its claim; a crash mid-batch rolls the whole batch
 * back (nothing of it is recorded, nothing of it was created) and it is claimed again. What already left this
 * service before the crash (an email the SMTP server accepted) cannot be called back: that row is sent again, the
 * at-least-once edge of an external channel (docs/notifications.md, "Dispatch").</li>
 * </ul>
 * Each channel runs {@link DispatchChannel#workers()} workers per replica, each batch after batch until a batch
 * comes back less than full.
 */
@ApplicationScoped
public class BatchDispatcher {
    private static final Logger LOG = Logger.getLogger(BatchDispatcher.class);

    private final EntityManager entityManager;
    private final Clock clock;
    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService extraWorkers = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "dispatch-worker-" + threads.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    public BatchDispatcher(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @PreDestroy
    void stop() {
        extraWorkers.shutdownNow();
    }

    /** Claims and handles one batch of the channel's due rows in one transaction; returns how many it claimed. */
    public <T> int dispatchBatch(DispatchChannel<T> channel) {
        return dispatchBatch(channel, channel.batchSize());
    }

    public <T> int dispatchBatch(DispatchChannel<T> channel, int batchSize) {
        return QuarkusTransaction.requiringNew().call(() -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            List<T> due = claim(channel.claim(), now, batchSize);
            if (due.isEmpty()) {
                return 0;
            }
            channel.handle(due, now);
            LOG.debugf("%s: %d handled", channel.name(), due.size());
            return due.size();
        });
    }

    /**
     * Dispatches until nothing more is due, on the channel's number of workers (the calling thread is one of them);
     * returns how many rows were handled. A worker's failure (the database gone) ends the run; the next run retries.
     */
    public <T> int drain(DispatchChannel<T> channel) {
        int workers = Math.max(1, channel.workers());
        List<Future<Integer>> others = new ArrayList<>();
        for (int i = 1; i < workers; i++) {
            others.add(extraWorkers.submit(() -> drainOnOneWorker(channel)));
        }
        int handled = drainOnOneWorker(channel);
        RuntimeException failure = null;
        for (Future<Integer> other : others) {
            try {
                handled += other.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = new IllegalStateException("interrupted while waiting for the " + channel.name()
                        + " workers", e);
            } catch (ExecutionException e) {
                failure = e.getCause() instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException(e.getCause());
            }
        }
        if (failure != null) {
            throw failure;
        }
        return handled;
    }

    private <T> int drainOnOneWorker(DispatchChannel<T> channel) {
        int batchSize = channel.batchSize();
        int handled = 0;
        int batch;
        do {
            batch = dispatchBatch(channel, batchSize);
            handled += batch;
            // a full batch means more may be due
        } while (batch == batchSize && !Thread.currentThread().isInterrupted());
        return handled;
    }

    @SuppressWarnings("unchecked")
    private <T> List<T> claim(DispatchChannel.Claim<T> claim, OffsetDateTime now, int batchSize) {
        return entityManager.createNativeQuery("SELECT * FROM " + claim.table() + " WHERE state = 'PENDING' AND "
                + claim.dueColumn() + " <= :now ORDER BY " + claim.orderBy()
                + " LIMIT :batch FOR UPDATE SKIP LOCKED", claim.entity())
                .setParameter("now", now)
                .setParameter("batch", batchSize)
                .getResultList();
    }
}
