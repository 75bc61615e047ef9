package care.homeprogram.plans.service;

import care.homeprogram.plans.config.AdherenceConfig;
import care.homeprogram.plans.domain.Plan;
import care.homeprogram.plans.safety.AlertSpec;
import care.homeprogram.plans.safety.Severity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.hibernate.query.NativeQuery;
import org.jboss.logging.Logger;

/**
 * Non-adherence alerts (docs/clinical-rules.md, "Non-adherence"): for every ACTIVE plan, the time without a logged
 * session since the later of the last session and the plan's activation, not counting the periods in which the plan
 * could not be followed (on hold, or every item paused: {@code plan_adherence_pause}, kept by
 * {@link #trackPause(Plan, OffsetDateTime)} with every plan version). At the configured thresholds (3, 14, 21 days)
 * an alert is raised through {@link AlertService#raise}, so it is deduplicated while open, acknowledgeable, escalated
 * and announced to the care team like any other.
 *
 * <p>Each level once per lapse (a lapse starts at the last session or the activation), with several replicas too:
 * plans are claimed in batches with FOR UPDATE SKIP LOCKED, and the primary key of {@code adherence_alert} (plan,
 * reason code, lapse start) refuses a second raise of a level for the same lapse, whether its alert is still open or
 * was acknowledged. A session starts a new lapse.
 */
@Startup
@ApplicationScoped
public class AdherenceAlerter {
    public static final String NON_ADHERENCE_3_DAYS = "NON_ADHERENCE_3_DAYS";
    public static final String NON_ADHERENCE_14_DAYS = "NON_ADHERENCE_14_DAYS";
    public static final String DROPPED_21_DAYS = "DROPPED_21_DAYS";

    private static final Logger LOG = Logger.getLogger(AdherenceAlerter.class);
    private static final int BATCH = 100;
    private static final UUID NONE = new UUID(0, 0);

    /**
     * The claimed plans with the start of their lapse and the seconds of it in which they could not be followed.
     * GREATEST ignores a missing session; a withdrawn session is no session.
     */
    private static final String CLAIM = """
            SELECT CAST(p.id AS text), CAST(p.patient_id AS text), l.lapse_start,
                   COALESCE((SELECT SUM(EXTRACT(EPOCH FROM LEAST(COALESCE(a.ended_at, :now), :now)
                                                     - GREATEST(a.started_at, l.lapse_start)))
                             FROM plan_adherence_pause a
                             WHERE a.plan_id = p.id AND COALESCE(a.ended_at, :now) > l.lapse_start
                               AND a.started_at < :now), 0)
            FROM plan p
            CROSS JOIN LATERAL (SELECT GREATEST(p.activated_at,
                                    (SELECT MAX(s.performed_at) FROM session_log s
                                     WHERE s.plan_id = p.id AND s.withdrawn_at IS NULL))
                                    AS lapse_start) l
            WHERE p.status = 'ACTIVE' AND p.activated_at IS NOT NULL AND p.id > :after
            ORDER BY p.id LIMIT 100
            FOR UPDATE OF p SKIP LOCKED
            """;

    private record Level(Duration after, Severity severity, String reasonCode) {
    }

    private record Batch(int claimed, UUID last, int raised) {
    }

    private final AlertService alerts;
    private final EntityManager entityManager;
    private final Clock clock;
    private final List<Level> levels;

    public AdherenceAlerter(AlertService alerts, EntityManager entityManager, AdherenceConfig config, Clock clock) {
        this.alerts = alerts;
        this.entityManager = entityManager;
        this.clock = clock;
        // Checked at start (@Startup), so thresholds in the wrong order stop the service instead of muddling alerts.
        if (config.inactiveAfter().isNegative() || config.inactiveAfter().isZero()
                || config.stalledAfter().compareTo(config.inactiveAfter()) <= 0
                || config.droppedAfter().compareTo(config.stalledAfter()) <= 0) {
            throw new IllegalStateException("homeprogram.adherence: need 0 < inactive-after < stalled-after < "
                    + "dropped-after, got " + config.inactiveAfter() + ", " + config.stalledAfter() + ", "
                    + config.droppedAfter());
        }
        this.levels = List.of(new Level(config.inactiveAfter(), Severity.LOW, NON_ADHERENCE_3_DAYS),
                new Level(config.stalledAfter(), Severity.HIGH, NON_ADHERENCE_14_DAYS),
                new Level(config.droppedAfter(), Severity.HIGH, DROPPED_21_DAYS));
    }

    @Scheduled(identity = "adherence-alerts", every = "${homeprogram.adherence.interval:15m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweepJob() {
        try {
            sweep();
        } catch (RuntimeException e) {
            // The database may be unreachable: nothing was raised half-way, the next run tries again.
            LOG.warnf("non-adherence sweep paused: %s", e.getMessage());
        }
    }

    /**
     * Raises every non-adherence alert due now, a batch of plans per transaction; safe to call from several threads
     * or replicas at once (a plan another one holds is skipped: that one looks at it).
     *
     * @return how many alerts were raised
     */
    public int sweep() {
        int raised = 0;
        UUID after = NONE;
        while (true) {
            UUID from = after;
            Batch batch = QuarkusTransaction.requiringNew().call(() -> sweepBatch(from));
            raised += batch.raised();
            if (batch.claimed() < BATCH) {
                return raised;
            }
            after = batch.last();
        }
    }

    private Batch sweepBatch(UUID after) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        NativeQuery<?> claim = entityManager.createNativeQuery(CLAIM).unwrap(NativeQuery.class);
        List<?> rows = claim.setParameter("now", now, OffsetDateTime.class)
                .setParameter("after", after, UUID.class).getResultList();
        UUID last = after;
        int raised = 0;
        for (Object r : rows) {
            Object[] row = (Object[]) r;
            UUID planId = UUID.fromString((String) row[0]);
            UUID patientId = UUID.fromString((String) row[1]);
            OffsetDateTime lapseStart = toOffsetDateTime(row[2]);
            Duration notFollowable = seconds((Number) row[3]);
            last = planId;
            Duration without = Duration.between(lapseStart, now).minus(notFollowable);
            for (Level level : levels) {
                if (without.compareTo(level.after()) >= 0 && raise(planId, patientId, lapseStart, without,
                        notFollowable, level, now)) {
                    raised++;
                }
            }
        }
        return new Batch(rows.size(), last, raised);
    }

    /** @return whether the level was raised now (false: raised already for this lapse) */
    private boolean raise(UUID planId, UUID patientId, OffsetDateTime lapseStart, Duration without,
            Duration notFollowable, Level level, OffsetDateTime now) {
        UUID placeholder = UUID.randomUUID();
        int claimed = entityManager.createNativeQuery("""
                INSERT INTO adherence_alert (plan_id, reason_code, lapse_started_at, alert_id, raised_at)
                VALUES (:plan, :code, :lapse, :alert, :now) ON CONFLICT DO NOTHING
                """).unwrap(NativeQuery.class)
                .setParameter("plan", planId, UUID.class)
                .setParameter("code", level.reasonCode(), String.class)
                .setParameter("lapse", lapseStart, OffsetDateTime.class)
                .setParameter("alert", placeholder, UUID.class)
                .setParameter("now", now, OffsetDateTime.class)
                .executeUpdate();
        if (claimed == 0) {
            return false;
        }
        String reason = "No session logged for " + without.toDays() + " days (since " + lapseStart.toLocalDate()
                + (notFollowable.isZero() ? "" : ", not counting " + describe(notFollowable)
                        + " on hold or with every item paused")
                + ")";
        UUID alertId = alerts.raise(patientId, planId, null, new AlertSpec(level.severity(), level.reasonCode(),
                reason));
        entityManager.createNativeQuery("UPDATE adherence_alert SET alert_id = :alert WHERE plan_id = :plan "
                + "AND reason_code = :code AND lapse_started_at = :lapse").unwrap(NativeQuery.class)
                .setParameter("alert", alertId, UUID.class)
                .setParameter("plan", planId, UUID.class)
                .setParameter("code", level.reasonCode(), String.class)
                .setParameter("lapse", lapseStart, OffsetDateTime.class)
                .executeUpdate();
        LOG.infof("plan %s: non-adherence alert %s raised", planId, alertId);
        return true;
    }

    private static String describe(Duration d) {
        return d.toDays() >= 1 ? d.toDays() + " days" : d.toHours() + " hours";
    }

    /**
     * Keeps {@code plan_adherence_pause} in step with the plan: a period opens when the plan can no longer be
     * followed (on hold, or no item active) and closes when it can again or is finished. Called with every new plan
     * version, in its transaction.
     */
    static void trackPause(Plan plan, OffsetDateTime at) {
        EntityManager em = Plan.getEntityManager();
        boolean paused = plan.adherencePaused();
        List<?> open = em.createNativeQuery("SELECT CAST(id AS text) FROM plan_adherence_pause "
                + "WHERE plan_id = :plan AND ended_at IS NULL").unwrap(NativeQuery.class)
                .setParameter("plan", plan.id, UUID.class).getResultList();
        if (paused && open.isEmpty()) {
            em.flush();
            em.createNativeQuery("INSERT INTO plan_adherence_pause (id, plan_id, started_at) "
                    + "VALUES (:id, :plan, :at)").unwrap(NativeQuery.class)
                    .setParameter("id", UUID.randomUUID(), UUID.class)
                    .setParameter("plan", plan.id, UUID.class)
                    .setParameter("at", at, OffsetDateTime.class)
                    .executeUpdate();
        } else if (!paused && !open.isEmpty()) {
            em.createNativeQuery("UPDATE plan_adherence_pause SET ended_at = GREATEST(started_at, :at) "
                    + "WHERE plan_id = :plan AND ended_at IS NULL").unwrap(NativeQuery.class)
                    .setParameter("plan", plan.id, UUID.class)
                    .setParameter("at", at, OffsetDateTime.class)
                    .executeUpdate();
        }
    }

    private static Duration seconds(Number seconds) {
        BigDecimal exact = seconds instanceof BigDecimal b ? b : BigDecimal.valueOf(seconds.doubleValue());
        return Duration.of(exact.movePointRight(6).setScale(0, RoundingMode.HALF_UP).longValueExact(),
                ChronoUnit.MICROS);
    }

    private static OffsetDateTime toOffsetDateTime(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o;
        }
        if (value instanceof Instant i) {
            return i.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof Timestamp t) {
            return t.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (value instanceof java.time.ZonedDateTime z) {
            return z.toOffsetDateTime();
        }
        throw new IllegalStateException("unexpected timestamp " + value.getClass());
    }
}
