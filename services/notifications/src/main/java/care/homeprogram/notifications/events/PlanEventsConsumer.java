package care.homeprogram.notifications.events;

import care.homeprogram.commons.events.EventConsumer;
import care.homeprogram.commons.events.EventEnvelope;
import care.homeprogram.commons.events.EventRoutes;
import care.homeprogram.contract.events.EscalationStep;
import care.homeprogram.contract.events.PlanEvents;
import care.homeprogram.contract.events.PlanEvents.AlertEscalated;
import care.homeprogram.contract.events.PlanEvents.AlertRaised;
import care.homeprogram.contract.events.PlanEvents.PlanSchedule;
import care.homeprogram.contract.events.PlanStatus;
import care.homeprogram.notifications.domain.Recipient;
import care.homeprogram.notifications.domain.ScheduledItem;
import care.homeprogram.notifications.domain.ScheduledPlan;
import care.homeprogram.notifications.service.AdherenceSweep;
import care.homeprogram.notifications.service.MessageTemplate;
import care.homeprogram.notifications.service.NotificationService;
import care.homeprogram.notifications.service.ReminderPlanner;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Turns plan-events into the plan projection, reminders and messages. The processed-message row and every side
 * effect commit together: a redelivered event (broker or service restart) produces nothing new. The payloads are the
 * shared contract's ({@link PlanEvents}, docs/events.md); {@link EventConsumer} reads, checks and dispatches them.
 */
@ApplicationScoped
public class PlanEventsConsumer {
    private static final Logger LOG = Logger.getLogger(PlanEventsConsumer.class);
    public static final String CONSUMER = "notification-service.plan-events";

    private final EventConsumer events;
    private final NotificationService notifications;
    private final ReminderPlanner planner;
    private final AdherenceSweep adherence;
    private final Clock clock;

    private final EventRoutes routes = EventRoutes.consumer(CONSUMER)
            .on(PlanEvents.PLAN_ASSIGNED, this::planAssigned)
            .on(PlanEvents.PLAN_CHANGED, (event, schedule) -> project(schedule, null, occurredAt(event)))
            .on(PlanEvents.ITEM_PAUSED, (event, paused) -> setItemState(event, paused.planId(), paused.itemId(),
                    ScheduledItem.State.PAUSED))
            .on(PlanEvents.ITEM_RESUMED, (event, resumed) -> setItemState(event, resumed.planId(), resumed.itemId(),
                    ScheduledItem.State.ACTIVE))
            .on(PlanEvents.SESSION_LOGGED, this::sessionLogged)
            .on(PlanEvents.ALERT_RAISED, this::alertRaised)
            .on(PlanEvents.ALERT_ESCALATED, this::alertEscalated)
            .on(PlanEvents.ALERT_ACKNOWLEDGED, this::alertAcknowledged)
            .on(PlanEvents.MEASURE_DUE, this::measureDue);

    public PlanEventsConsumer(EventConsumer events, NotificationService notifications, ReminderPlanner planner,
            AdherenceSweep adherence, Clock clock) {
        this.events = events;
        this.notifications = notifications;
        this.planner = planner;
        this.adherence = adherence;
        this.clock = clock;
    }

    @Incoming("plan-events")
    @Blocking
    public void apply(ConsumerRecord<String, String> record) {
        events.consume(routes, record);
    }

    /** What this consumer acts on (the contract tests feed each type to it). */
    public EventRoutes routes() {
        return routes;
    }

    private void planAssigned(EventEnvelope event, PlanSchedule schedule) {
        notifications.notify(schedule.patientId(), MessageTemplate.PLAN_ASSIGNED, event.id(), schedule.planId());
        project(schedule, PlanStatus.ACTIVE, occurredAt(event));
    }

    private void sessionLogged(EventEnvelope event, PlanEvents.SessionLogged session) {
        adherence.sessionLogged(session.planId(), session.patientId(), session.performedAt());
    }

    /**
     * A questionnaire is due: the patient is asked to fill it in, once per (measure, occasion) whatever the
     * redeliveries or a second announcement, as any message (their channels, quiet hours for email and push). The
     * message names no instrument: the event carries none.
     */
    private void measureDue(EventEnvelope event, PlanEvents.MeasureDue due) {
        UUID occasion = UUID.nameUUIDFromBytes(("measure-due|" + due.scheduleId() + "|" + due.occasion())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        notifications.notify(due.patientId(), MessageTemplate.MEASURE_DUE, occasion, due.scheduleId());
    }

    private void alertAcknowledged(EventEnvelope event, PlanEvents.AlertAcknowledged acknowledged) {
        notifications.markHandled(acknowledged.alertId(), acknowledged.acknowledgedAt() != null
                ? acknowledged.acknowledgedAt() : occurredAt(event), "acknowledged");
    }

    private OffsetDateTime occurredAt(EventEnvelope event) {
        return event.occurredAt() != null ? event.occurredAt() : OffsetDateTime.now(clock);
    }

    /** Upserts the plan unless this version is older than the one known, then plans its reminders again. */
    private void project(PlanSchedule schedule, PlanStatus defaultStatus, OffsetDateTime occurredAt) {
        ScheduledPlan plan = ScheduledPlan.lockedById(schedule.planId()).orElse(null);
        if (plan != null && schedule.version() < plan.version) {
            LOG.debugf("plan %s version %d is older than the known %d: ignored", schedule.planId(),
                    schedule.version(), plan.version);
            return;
        }
        if (plan == null) {
            plan = new ScheduledPlan();
            plan.planId = schedule.planId();
        }
        PlanStatus announced = schedule.status() != null ? schedule.status() : defaultStatus;
        String status = announced == null ? null : announced.name();
        if (status == null) {
            status = plan.status != null ? plan.status : ScheduledPlan.ACTIVE;
        }
        if (ScheduledPlan.ACTIVE.equals(status) && !plan.isActive()) {
            plan.activeSince = occurredAt;
        }
        plan.patientId = schedule.patientId();
        plan.therapistId = schedule.therapistId();
        plan.version = schedule.version();
        plan.status = status;
        plan.startDate = schedule.startDate() != null ? schedule.startDate() : occurredAt.toLocalDate();
        plan.updatedAt = OffsetDateTime.now(clock);

        List<PlanEvents.ScheduledItem> items = schedule.items() == null ? List.of() : schedule.items();
        Map<UUID, PlanEvents.ScheduledItem> current = items.stream().filter(i -> i.itemId() != null)
                .collect(Collectors.toMap(PlanEvents.ScheduledItem::itemId, Function.identity(), (a, b) -> b));
        for (ScheduledItem known : plan.items) {
            if (!current.containsKey(known.itemId)) {
                known.state = ScheduledItem.State.ABSENT;
            }
        }
        for (PlanEvents.ScheduledItem data : current.values()) {
            ScheduledPlan owner = plan;
            ScheduledItem item = plan.item(data.itemId()).orElseGet(() -> {
                ScheduledItem created = new ScheduledItem();
                created.itemId = data.itemId();
                created.plan = owner;
                owner.items.add(created);
                return created;
            });
            item.startWeek = data.startWeek();
            item.weeks = data.weeks();
            item.setDays(data.daysOfWeek());
            item.timesPerDay = data.timesPerDay();
            item.state = ScheduledItem.State.ACTIVE;
        }
        plan.persist();
        planner.replan(plan.planId);
        LOG.infof("plan %s version %d of patient %s projected: %s, %d item(s)", plan.planId, plan.version,
                plan.patientId, plan.status, current.size());
    }

    private void setItemState(EventEnvelope event, UUID planId, UUID itemId, ScheduledItem.State state) {
        ScheduledPlan.lockedById(planId).flatMap(plan -> plan.item(itemId)).ifPresentOrElse(item -> {
            item.state = state;
            planner.replan(planId);
        }, () -> LOG.debugf("%s for an unknown item %s of plan %s", event.type(), itemId, planId));
    }

    /**
     * An alert nobody acknowledged in time (plan-service decides when): the care team of now is told again, urgently
     * for a CRITICAL alert, and at the contact step the clinic's escalation contact too, whatever the quiet hours.
     */
    private void alertEscalated(EventEnvelope event, AlertEscalated escalated) {
        List<UUID> team = escalated.therapistIds() == null ? List.of()
                : escalated.therapistIds().stream().filter(Objects::nonNull).distinct().toList();
        switch (escalated.step()) {
            case CARE_TEAM -> team.forEach(therapist -> notifications.notify(therapist,
                    MessageTemplate.STILL_UNACKNOWLEDGED_CRITICAL, event.id(), escalated.alertId()));
            case HIGH_REMINDER -> team.forEach(therapist -> notifications.notify(therapist,
                    MessageTemplate.STILL_UNACKNOWLEDGED_HIGH, event.id(), escalated.alertId()));
            case ESCALATION_CONTACT -> {
                team.forEach(therapist -> notifications.notify(therapist,
                        MessageTemplate.STILL_UNACKNOWLEDGED_CRITICAL, event.id(), escalated.alertId()));
                String address = escalated.escalationContact() == null ? null : escalated.escalationContact().email();
                if (address == null || address.isBlank()) {
                    LOG.warnf("alert %s reached the escalation contact step, but no contact address is configured",
                            escalated.alertId());
                } else {
                    notifications.notify(escalationContact(address), MessageTemplate.ESCALATION_CONTACT, event.id(),
                            escalated.alertId());
                }
            }
        }
        LOG.infof("alert %s escalated (%s) to %d therapist(s)%s", escalated.alertId(), escalated.step(), team.size(),
                escalated.step() == EscalationStep.ESCALATION_CONTACT ? " and the escalation contact" : "");
    }

    /**
     * The clinic's escalation contact as a recipient of its own: an address, not a person with an account, with no
     * quiet hours (an escalation is urgent by definition). Its id follows from the address.
     */
    private UUID escalationContact(String address) {
        UUID id = UUID.nameUUIDFromBytes(("escalation-contact|" + address.toLowerCase(java.util.Locale.ROOT))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Recipient contact = Recipient.findById(id);
        if (contact == null) {
            contact = new Recipient();
            contact.id = id;
            contact.role = "escalation-contact";
            contact.quietStart = "00:00";
            contact.quietEnd = "00:00";
        }
        contact.email = address;
        contact.updatedAt = OffsetDateTime.now(clock);
        contact.persist();
        return id;
    }

    private void alertRaised(EventEnvelope event, AlertRaised alert) {
        List<UUID> therapists = alert.therapistIds() == null ? List.of()
                : alert.therapistIds().stream().filter(Objects::nonNull).distinct().toList();
        if (therapists.isEmpty()) {
            LOG.warnf("alert %s names no therapist: nobody to tell", alert.alertId());
        }
        MessageTemplate template = MessageTemplate.forAlert(alert.severity() == null ? null : alert.severity().name());
        for (UUID therapist : therapists) {
            notifications.notify(therapist, template, event.id(), alert.alertId());
        }
    }
}
