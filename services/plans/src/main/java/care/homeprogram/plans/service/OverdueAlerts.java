package care.homeprogram.plans.service;

import care.homeprogram.plans.config.EscalationConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Open (unacknowledged) CRITICAL alerts older than their last escalation step, the escalation to the clinic's contact
 * ({@link EscalationConfig#criticalContactAfter()}), as the gauge {@code homeprogram_alerts_overdue{severity="CRITICAL"}}:
 * the whole ladder has run and nobody answered, so operations must page someone. The threshold is the service's own
 * setting, so the alert rule only asks "more than none". Counted on a schedule (the partial index alert_open_by_age
 * serves the query), never at a scrape; every replica counts the same table, so the value is the service's.
 */
@ApplicationScoped
public class OverdueAlerts {
    private static final Logger LOG = Logger.getLogger(OverdueAlerts.class);

    private final EntityManager entityManager;
    private final Duration criticalOverdueAfter;
    private final Clock clock;
    private final AtomicLong critical = new AtomicLong();

    public OverdueAlerts(EntityManager entityManager, EscalationConfig config, Clock clock, MeterRegistry registry) {
        this.entityManager = entityManager;
        this.criticalOverdueAfter = config.criticalContactAfter();
        this.clock = clock;
        Gauge.builder("homeprogram.alerts.overdue", critical, AtomicLong::get)
                .tag("severity", "CRITICAL")
                .description("Open CRITICAL alerts raised longer ago than the escalation to the contact "
                        + "(homeprogram.escalation.critical-contact-after)")
                .register(registry);
    }

    @Scheduled(identity = "overdue-alerts-count", every = "${homeprogram.alerts.overdue-count-every}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void countOnSchedule() {
        try {
            count();
        } catch (RuntimeException e) {
            // The database may be down: the last count stays, and the next run tries again.
            LOG.warnf("overdue alerts could not be counted: %s", e.getMessage());
        }
    }

    /** Counts now and returns the count of overdue CRITICAL alerts the gauge then reports. */
    public long count() {
        OffsetDateTime cutoff = OffsetDateTime.now(clock).minus(criticalOverdueAfter);
        long overdue = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM alert WHERE status = 'OPEN' AND severity = 'CRITICAL' AND created_at <= :cutoff")
                .setParameter("cutoff", cutoff)
                .getSingleResult()).longValue());
        critical.set(overdue);
        return overdue;
    }
}
