package care.homeprogram.commons.audit;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Group commit for the audit trail. Every request still waits until its records are committed (no record, no data:
 * {@link AuditResponseFilter}), but the records of the requests that finish at the same moment share one transaction:
 * one writer thread takes what has queued up (at most {@value #MAX_BATCH} requests) and appends it with
 * {@link AuditLog#append(List)}. The chain's advisory lock and the commit's flush to disk are then paid once per batch
 * instead of once per request: with synchronous commit on, they were what bounded the hot read (docs/architecture.md,
 * "Audit trail"). Under light load a batch is one request and nothing waits longer than before.
 *
 * <p>If a batch cannot be written, each of its requests is tried alone, so one bad record fails only its own
 * request; a request whose records could not be written gets the failure (its read is then refused, 503).
 */
@ApplicationScoped
public class AuditWriter {
    static final int MAX_BATCH = 64;
    private static final Logger LOG = Logger.getLogger(AuditWriter.class);

    private record Pending(List<AuditRecord> records, CompletableFuture<Void> written) {
    }

    private final AuditLog log;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private Thread writer;
    private volatile boolean stopping;

    public AuditWriter(AuditLog log) {
        this.log = log;
    }

    @PostConstruct
    void start() {
        writer = Thread.ofPlatform().daemon().name("audit-writer").start(this::run);
    }

    /** Completes once the records are committed, or fails with why they could not be. */
    CompletableFuture<Void> submit(List<AuditRecord> records) {
        Pending pending = new Pending(records, new CompletableFuture<>());
        if (stopping) {
            pending.written().completeExceptionally(new IllegalStateException("the service is stopping"));
            return pending.written();
        }
        queue.add(pending);
        if (stopping && queue.remove(pending)) {
            // stop() began between the check above and the add: the writer may already have ended and stop() drained
            // the queue, so nobody would ever complete this request; it is refused instead of left waiting.
            pending.written().completeExceptionally(new IllegalStateException("the service is stopping"));
        }
        return pending.written();
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (!stopping || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                // stopping: the loop writes what is still queued, then ends
            } catch (RuntimeException | Error e) {
                LOG.errorf(e, "the audit writer failed; its %d requests get the failure", batch.size());
                batch.forEach(p -> p.written().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            if (batch.size() == 1) {
                writeAlone(batch.get(0));
                return;
            }
            List<AuditRecord> all = new ArrayList<>();
            batch.forEach(p -> all.addAll(p.records()));
            try {
                log.append(all);
            } catch (RuntimeException together) {
                LOG.warnf("a batch of %d audit records could not be written together (%s); writing each request's "
                        + "alone", all.size(), together.getMessage());
                batch.forEach(this::writeAlone);
                return;
            }
            batch.forEach(p -> p.written().complete(null));
        } finally {
            requestContext.terminate();
        }
    }

    private void writeAlone(Pending pending) {
        try {
            log.append(pending.records());
            pending.written().complete(null);
        } catch (RuntimeException e) {
            pending.written().completeExceptionally(e);
        }
    }

    /** At shutdown: what is queued is still written (the requests waiting for it are answered), then the thread ends. */
    @PreDestroy
    void stop() {
        stopping = true;
        try {
            writer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Pending left;
        while ((left = queue.poll()) != null) {
            left.written().completeExceptionally(new IllegalStateException("the service stopped before the audit "
                    + "record was written"));
        }
    }
}
