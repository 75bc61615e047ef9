package care.homeprogram.notifications.service;

import care.homeprogram.notifications.config.ReminderConfig;
import care.homeprogram.notifications.domain.Notification;
import care.homeprogram.notifications.domain.PushSubscription;
import care.homeprogram.notifications.domain.Recipient;
import care.homeprogram.notifications.domain.Reminder;
import care.homeprogram.notifications.domain.ReminderSchedule;
import care.homeprogram.notifications.domain.ScheduledPlan;
import care.homeprogram.notifications.domain.SessionActivity;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The in-app channel of due reminders, driven by {@link BatchDispatcher} on every replica: it claims a batch with
 * FOR UPDATE SKIP LOCKED, so two replicas (or two workers) never take the same row, and the message and the
 * reminder's SENT state commit together, so a reminder is sent once.
 * Before sending it checks again what may have changed since it was materialised: the plan, the account, quiet
 * hours, lateness, and for a catch-up whether a session was logged that day.
 */
@ApplicationScoped
public class ReminderDispatcher implements DispatchChannel<Reminder> {
    private static final Logger LOG = Logger.getLogger(ReminderDispatcher.class);
    private static final Claim<Reminder> CLAIM = new Claim<>(Reminder.class, "reminder", "due_at", "due_at");

    private final BatchDispatcher dispatcher;
    private final NotificationService notifications;
    private final ReminderConfig config;
    private final ReminderSchedule schedule;

    public ReminderDispatcher(BatchDispatcher dispatcher, NotificationService notifications, ReminderConfig config) {
        this.dispatcher = dispatcher;
        this.notifications = notifications;
        this.config = config;
        this.schedule = config.schedule();
    }

    @Scheduled(identity = "dispatch-reminders", every = "${homeprogram.reminders.dispatch-every}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void dispatchDue() {
        dispatcher.drain(this);
    }

    /** Claims and handles one batch of due reminders in one transaction; returns how many it handled. */
    public int dispatchBatch() {
        return dispatcher.dispatchBatch(this);
    }

    public int dispatchBatch(int batchSize) {
        return dispatcher.dispatchBatch(this, batchSize);
    }

    @Override
    public String name() {
        return "reminders";
    }

    @Override
    public Claim<Reminder> claim() {
        return CLAIM;
    }

    @Override
    public int batchSize() {
        return config.batchSize();
    }

    @Override
    public int workers() {
        return config.workers();
    }

    @Override
    public void handle(List<Reminder> due, OffsetDateTime now) {
        // What the checks read, for the whole batch in four queries rather than four per reminder; the messages
        // are inserted at commit in JDBC batches (application.properties), with the reminders' states.
        List<UUID> recipientIds = distinct(due, r -> r.recipientId);
        Batch batch = new Batch(now, byId(Recipient.<Recipient>list("id in ?1", recipientIds), r -> r.id),
                byId(ScheduledPlan.<ScheduledPlan>list(
                        "select distinct p from ScheduledPlan p left join fetch p.items where p.planId in ?1",
                        distinct(due, r -> r.planId)), p -> p.planId),
                notifications.existingBySource(due.stream().map(r -> r.id).toList(),
                        List.of(MessageTemplate.REMINDER, MessageTemplate.CATCH_UP)),
                notifications.pushSubscriptionsOf(recipientIds));
        int sent = 0;
        for (Reminder reminder : due) {
            if (handle(reminder, batch)) {
                sent++;
            }
        }
        LOG.debugf("%d due reminder(s) handled, %d sent", due.size(), sent);
    }

    /** The batch's time and what was read for it at once. */
    private record Batch(OffsetDateTime now, Map<UUID, Recipient> recipients, Map<UUID, ScheduledPlan> plans,
            Map<UUID, Notification> existing, Map<UUID, List<PushSubscription>> subscriptions) {
    }

    /** @return whether the reminder went out (a message exists for it now) */
    private boolean handle(Reminder reminder, Batch batch) {
        OffsetDateTime now = batch.now();
        reminder.handledAt = now;
        Recipient patient = batch.recipients().get(reminder.recipientId);
        ScheduledPlan plan = batch.plans().get(reminder.planId);
        String skip = reasonToSkip(reminder, patient, plan);
        if (skip != null) {
            finish(reminder, Reminder.State.SKIPPED, skip);
            return false;
        }
        ZoneId zone = patient.zone();
        if (Duration.between(reminder.dueAt, now).compareTo(config.staleAfter()) > 0) {
            finish(reminder, Reminder.State.EXPIRED, "more than " + config.staleAfter() + " late");
            return false;
        }
        if (patient.quietWindow().contains(now.atZoneSameInstant(zone))) {
            finish(reminder, Reminder.State.EXPIRED, "late into quiet hours");
            return false;
        }
        if (reminder.kind == Reminder.Kind.CATCH_UP) {
            OffsetDateTime dayStart = reminder.localDate.atStartOfDay(zone).toOffsetDateTime();
            if (SessionActivity.lastSessionOf(plan.planId).filter(at -> !at.isBefore(dayStart)).isPresent()) {
                finish(reminder, Reminder.State.SKIPPED, "a session was logged that day");
                return false;
            }
            if (Reminder.count("planId = ?1 and localDate = ?2 and kind = ?3 and state = ?4", plan.planId,
                    reminder.localDate, Reminder.Kind.REMINDER, Reminder.State.SENT) == 0) {
                finish(reminder, Reminder.State.SKIPPED, "no reminder went out that day");
                return false;
            }
        }
        MessageTemplate template = reminder.kind == Reminder.Kind.CATCH_UP ? MessageTemplate.CATCH_UP
                : MessageTemplate.REMINDER;
        // One message per reminder: a PENDING reminder has none (they commit together), but the rule does not
        // rest on that.
        Notification notification = batch.existing().get(reminder.id);
        if (notification == null || !notification.recipientId.equals(reminder.recipientId)
                || !notification.kind.equals(template.name())) {
            notification = notifications.create(reminder.recipientId, patient, template, reminder.id, plan.planId,
                    batch.subscriptions().getOrDefault(reminder.recipientId, List.of()));
        }
        reminder.notificationId = notification.id;
        finish(reminder, Reminder.State.SENT, null);
        return true;
    }

    private static <T> List<UUID> distinct(List<T> rows, Function<T, UUID> id) {
        return rows.stream().map(id).distinct().toList();
    }

    private static <T> Map<UUID, T> byId(List<T> rows, Function<T, UUID> id) {
        Map<UUID, T> byId = new HashMap<>();
        rows.forEach(row -> byId.put(id.apply(row), row));
        return byId;
    }

    private String reasonToSkip(Reminder reminder, Recipient patient, ScheduledPlan plan) {
        if (patient == null) {
            return "recipient unknown";
        }
        if (!patient.active()) {
            return "account disabled";
        }
        if (plan == null || !plan.isActive()) {
            return "plan is " + (plan == null ? "unknown" : plan.status);
        }
        if (schedule.timesDueOn(plan.startDate, plan.remindingItems(), reminder.localDate) == 0) {
            return "nothing due that day";
        }
        return null;
    }

    private static void finish(Reminder reminder, Reminder.State state, String outcome) {
        reminder.state = state;
        reminder.outcome = outcome;
        if (state != Reminder.State.SENT) {
            LOG.debugf("reminder %s of plan %s %s: %s", reminder.id, reminder.planId, state, outcome);
        }
    }
}
