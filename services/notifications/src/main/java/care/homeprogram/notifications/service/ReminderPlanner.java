package care.homeprogram.notifications.service;

import care.homeprogram.notifications.config.ReminderConfig;
import care.homeprogram.notifications.domain.Recipient;
import care.homeprogram.notifications.domain.Reminder;
import care.homeprogram.notifications.domain.ReminderSchedule;
import care.homeprogram.notifications.domain.ScheduledPlan;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Materialises reminders from the plan projection: today and a few days ahead, in the patient's zone, outside
 * their quiet hours. Event consumers re-plan a plan or a person at once when something changes (the pending
 * reminders are dropped and made again); a singleton job rolls the horizon forward. Each reminder row is unique by
 * plan, day, slot and kind, so re-planning never doubles one already sent.
 */
@ApplicationScoped
public class ReminderPlanner {
    private static final Logger LOG = Logger.getLogger(ReminderPlanner.class);
    private static final int PLANS_PER_TRANSACTION = 50;

    private final EntityManager entityManager;
    private final ReminderConfig config;
    private final ReminderSchedule schedule;
    private final Clock clock;

    public ReminderPlanner(EntityManager entityManager, ReminderConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.config = config;
        this.schedule = config.schedule();
        this.clock = clock;
    }

    /** The singleton job: only the leader runs it (any replica may, but one is enough). */
    @Scheduled(identity = "materialise-reminders", every = "${homeprogram.reminders.materialise-every}",
            delayed = "${homeprogram.reminders.materialise-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Leadership.NotLeader.class)
    void materialiseAhead() {
        int created = materialiseAll();
        if (created > 0) {
            LOG.infof("materialised %d reminder(s) ahead", created);
        }
    }

    /** Every active plan, a few plans per transaction; returns how many reminders were created. */
    public int materialiseAll() {
        List<UUID> planIds = QuarkusTransaction.requiringNew().call(ScheduledPlan::activeIds);
        int created = 0;
        for (int from = 0; from < planIds.size(); from += PLANS_PER_TRANSACTION) {
            List<UUID> chunk = planIds.subList(from, Math.min(planIds.size(), from + PLANS_PER_TRANSACTION));
            created += QuarkusTransaction.requiringNew().call(() -> chunk.stream()
                    .mapToInt(id -> ScheduledPlan.lockedById(id).map(this::materialise).orElse(0)).sum());
        }
        return created;
    }

    /**
     * Drops the plan's pending future reminders and makes them again from the projection as it is now; nothing
     * when the plan is not active or its patient's account is disabled. Runs in the caller's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int replan(UUID planId) {
        return ScheduledPlan.lockedById(planId).map(plan -> {
            entityManager.createQuery("delete from Reminder r where r.planId = :plan and r.state = :pending "
                    + "and r.dueAt > :now")
                    .setParameter("plan", planId)
                    .setParameter("pending", Reminder.State.PENDING)
                    .setParameter("now", OffsetDateTime.now(clock))
                    .executeUpdate();
            return materialise(plan);
        }).orElse(0);
    }

    /** {@link #replan(UUID)} for each plan of a person whose zone, quiet hours or status changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int replanPatient(UUID patientId) {
        return ScheduledPlan.ofPatient(patientId).stream().mapToInt(plan -> replan(plan.planId)).sum();
    }

    private int materialise(ScheduledPlan plan) {
        if (!plan.isActive()) {
            return 0;
        }
        Recipient patient = Recipient.findById(plan.patientId);
        if (patient == null || !patient.active()) {
            return 0; // not known yet (its registration is re-planned when it arrives) or disabled
        }
        List<ReminderSchedule.Item> items = plan.remindingItems();
        if (items.isEmpty()) {
            return 0;
        }
        ZoneId zone = patient.zone();
        OffsetDateTime now = OffsetDateTime.now(clock);
        LocalDate today = now.atZoneSameInstant(zone).toLocalDate();
        int created = 0;
        for (int d = 0; d <= config.horizonDays(); d++) {
            for (ReminderSchedule.Slot slot : schedule.slotsOn(plan.startDate, items, today.plusDays(d), zone,
                    patient.quietWindow())) {
                if (slot.dueAt().toInstant().isAfter(now.toInstant())) {
                    created += insert(plan, slot, now);
                }
            }
        }
        return created;
    }

    private int insert(ScheduledPlan plan, ReminderSchedule.Slot slot, OffsetDateTime now) {
        OffsetDateTime dueAt = slot.dueAt().toOffsetDateTime();
        return entityManager.createNativeQuery("""
                INSERT INTO reminder (id, recipient_id, plan_id, local_date, slot, kind, due_at, state, created_at)
                SELECT :id, :recipient, :plan, :day, :slot, :kind, :due, 'PENDING', :now
                WHERE NOT EXISTS (SELECT 1 FROM reminder WHERE plan_id = :plan AND kind = :kind AND due_at = :due)
                ON CONFLICT (plan_id, local_date, slot, kind) DO NOTHING""")
                .setParameter("id", UUID.randomUUID())
                .setParameter("recipient", plan.patientId)
                .setParameter("plan", plan.planId)
                .setParameter("day", slot.day())
                .setParameter("slot", slot.slot())
                .setParameter("kind", slot.kind().name())
                .setParameter("due", dueAt)
                .setParameter("now", now)
                .executeUpdate();
    }
}
