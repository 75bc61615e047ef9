package care.homeprogram.commons.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * How many outbox rows wait to be published (pending) and how many the relay gave up on (parked), as the gauges
 * {@code homeprogram_outbox_pending} and {@code homeprogram_outbox_parked} and in the readiness data. The counts are
 * taken on a schedule rather than at each scrape or probe, so neither ever waits on the database; every replica
 * reports the same table, so the counts are the service's, not the replica's.
 */
@ApplicationScoped
public class OutboxBacklog {
    private static final Logger LOG = Logger.getLogger(OutboxBacklog.class);

    private final EntityManager entityManager;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();

    public OutboxBacklog(EntityManager entityManager, MeterRegistry registry) {
        this.entityManager = entityManager;
        Gauge.builder("homeprogram.outbox.pending", pending, AtomicLong::get)
                .description("Outbox rows not yet published and not parked (including rows waiting for a retry)")
                .register(registry);
        Gauge.builder("homeprogram.outbox.parked", parked, AtomicLong::get)
                .description("Outbox rows the relay gave up on; an admin retries them (<prefix>/outbox/parked)")
                .register(registry);
    }

    @Scheduled(identity = "outbox-count", every = "${homeprogram.outbox.count-every}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void countOnSchedule() {
        try {
            count();
        } catch (RuntimeException e) {
            // The database may be down: the last counts stay, and the next run tries again.
            LOG.warnf("outbox rows could not be counted: %s", e.getMessage());
        }
    }

    /** Counts now: also after a row was parked or retried, so the metrics and readiness follow at once. */
    public void count() {
        Object[] counts = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery(
                "SELECT count(*) FILTER (WHERE parked_at IS NULL), count(*) FILTER (WHERE parked_at IS NOT NULL) "
                        + "FROM outbox_event WHERE published_at IS NULL")
                .getSingleResult());
        pending.set(((Number) counts[0]).longValue());
        parked.set(((Number) counts[1]).longValue());
    }

    public long pending() {
        return pending.get();
    }

    public long parked() {
        return parked.get();
    }
}
