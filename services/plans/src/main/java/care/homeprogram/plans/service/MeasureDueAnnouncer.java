package care.homeprogram.plans.service;

import care.homeprogram.commons.outbox.Outbox;
import care.homeprogram.contract.events.PlanEvents;
import care.homeprogram.plans.domain.MeasureSchedule;
import care.homeprogram.plans.domain.Plan;
import care.homeprogram.plans.outcomes.Instrument;
import care.homeprogram.plans.outcomes.MeasureOccasions;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.query.NativeQuery;
import org.jboss.logging.Logger;

/**
 * Tells notification-service that a questionnaire became due (docs/outcomes.md, "Reminders"): a scan finds each
 * measure whose occasion is due on the patient's day, by the same rule the patient's list of due measures follows
 * ({@link OutcomeService#occasion}), and writes one {@code MeasureDue} event to the outbox per (schedule, occasion).
 * So the intake occasion is announced at the first scan after the plan is active, week N once the program reaches
 * it (and the previous occasion is answered: only the latest is asked), discharge once the plan is completed.
 *
 * <p>Once, with several replicas and across crashes: schedules are claimed in batches with FOR UPDATE SKIP LOCKED,
 * and the announcement row (primary key schedule, occasion) commits with its event; an occasion already announced
 * inserts nothing and emits nothing. A batch that does not commit leaves neither, and the next scan does it.
 */
@ApplicationScoped
public class MeasureDueAnnouncer {
    private static final Logger LOG = Logger.getLogger(MeasureDueAnnouncer.class);
    private static final int BATCH = 100;
    private static final UUID NONE = new UUID(0, 0);

    /**
     * The schedules that may have an occasion to announce: those of active plans, and of completed plans the ones
     * asked at discharge and not announced yet (a finished plan's other schedules never are again).
     */
    private static final String CLAIM = """
            SELECT CAST(s.id AS text)
            FROM measure_schedule s JOIN plan p ON p.id = s.plan_id
            WHERE s.id > :after
              AND (p.status = 'ACTIVE'
                   OR (p.status = 'COMPLETED' AND s.at_discharge
                       AND NOT EXISTS (SELECT 1 FROM measure_due_announcement a
                                       WHERE a.schedule_id = s.id AND a.occasion = 'DISCHARGE')))
            ORDER BY s.id LIMIT 100
            FOR UPDATE OF s SKIP LOCKED
            """;

    private record Batch(int claimed, UUID last, int announced) {
    }

    private final EntityManager entityManager;
    private final Outbox outbox;
    private final InstrumentCatalog catalog;
    private final PlanSchedule days;
    private final Clock clock;

    public MeasureDueAnnouncer(EntityManager entityManager, Outbox outbox, InstrumentCatalog catalog,
            PlanSchedule days, Clock clock) {
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.catalog = catalog;
        this.days = days;
        this.clock = clock;
    }

    @Scheduled(identity = "measure-due-announcements", every = "${homeprogram.measures.due-scan-every:15m}",
            delayed = "40s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void announceJob() {
        try {
            announceDue();
        } catch (RuntimeException e) {
            // The database may be unreachable: nothing was announced half-way, the next scan tries again.
            LOG.warnf("due measures not announced this time: %s", e.getMessage());
        }
    }

    /**
     * Announces every occasion due now and not announced yet, a batch of schedules per transaction; safe to call
     * from several threads or replicas at once (a schedule another one holds is skipped: that one looks at it).
     *
     * @return how many MeasureDue events were written
     */
    public int announceDue() {
        int announced = 0;
        UUID after = NONE;
        while (true) {
            UUID from = after;
            Batch batch = QuarkusTransaction.requiringNew().call(() -> announceBatch(from));
            announced += batch.announced();
            if (batch.claimed() < BATCH) {
                return announced;
            }
            after = batch.last();
        }
    }

    private Batch announceBatch(UUID after) {
        List<?> ids = entityManager.createNativeQuery(CLAIM).unwrap(NativeQuery.class)
                .setParameter("after", after, UUID.class).getResultList();
        Map<String, Boolean> enabled = new HashMap<>();
        Map<UUID, Plan> plans = new HashMap<>();
        UUID last = after;
        int announced = 0;
        for (Object id : ids) {
            MeasureSchedule schedule = MeasureSchedule.findById(UUID.fromString((String) id));
            last = schedule.id;
            // A measure whose instrument was disabled is not asked (the patient's list leaves it out too).
            if (!enabled.computeIfAbsent(schedule.instrument,
                    key -> catalog.find(key).map(Instrument::enabled).orElse(false))) {
                continue;
            }
            Plan plan = plans.computeIfAbsent(schedule.planId, planId -> Plan.<Plan>findById(planId));
            LocalDate today = days.localDate(schedule.patientId);
            Optional<MeasureOccasions.Occasion> due = OutcomeService.occasion(schedule, plan, today);
            if (due.isPresent() && announce(schedule, due.get())) {
                announced++;
            }
        }
        return new Batch(ids.size(), last, announced);
    }

    /** @return whether it was announced now (false: it was before) */
    private boolean announce(MeasureSchedule schedule, MeasureOccasions.Occasion occasion) {
        UUID placeholder = UUID.randomUUID();
        int inserted = entityManager.createNativeQuery("""
                INSERT INTO measure_due_announcement (schedule_id, occasion, due_from, event_id, announced_at)
                VALUES (:schedule, :occasion, :dueFrom, :event, :now) ON CONFLICT DO NOTHING
                """).unwrap(NativeQuery.class)
                .setParameter("schedule", schedule.id, UUID.class)
                .setParameter("occasion", occasion.name(), String.class)
                .setParameter("dueFrom", occasion.dueFrom(), LocalDate.class)
                .setParameter("event", placeholder, UUID.class)
                .setParameter("now", OffsetDateTime.now(clock), OffsetDateTime.class)
                .executeUpdate();
        if (inserted == 0) {
            return false;
        }
        UUID eventId = outbox.append(PlanEvents.MEASURE_DUE, schedule.planId, new PlanEvents.MeasureDue(
                schedule.patientId, schedule.planId, schedule.id, occasion.name(), occasion.dueFrom()));
        entityManager.createNativeQuery("UPDATE measure_due_announcement SET event_id = :event "
                + "WHERE schedule_id = :schedule AND occasion = :occasion").unwrap(NativeQuery.class)
                .setParameter("event", eventId, UUID.class)
                .setParameter("schedule", schedule.id, UUID.class)
                .setParameter("occasion", occasion.name(), String.class)
                .executeUpdate();
        LOG.infof("measure %s of plan %s: %s due from %s announced (event %s)", schedule.id, schedule.planId,
                occasion.name(), occasion.dueFrom(), eventId);
        return true;
    }
}
