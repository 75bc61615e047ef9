package care.homeprogram.notifications.events;

import care.homeprogram.commons.events.EventConsumer;
import care.homeprogram.commons.events.EventEnvelope;
import care.homeprogram.commons.events.EventJson;
import care.homeprogram.commons.events.PoisonMessageException;
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
import java.time.DayOfWeek;
import java.time.LocalDate;
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
 * effect commit together: a redelivered event (broker or service restart) produces nothing new. The shapes are
 * those of plan-service's {@code PlanEvents} (docs/events.md).
 */
@ApplicationScoped
public class PlanEventsConsumer {
    private static final Logger LOG = Logger.getLogger(PlanEventsConsumer.class);
    /** The newest envelope version this consumer understands; a newer one is dead-lettered. */
    static final int NEWEST_VERSION = 1;
    public static final String CONSUMER = "notification-service.plan-events";

    record ScheduledItemData(UUID itemId, int startWeek, int weeks, List<DayOfWeek> daysOfWeek, int timesPerDay) {
    }

    record PlanSchedule(UUID planId, UUID patientId, UUID therapistId, int version, LocalDate startDate,
            String status, String reason, List<ScheduledItemData> items) {
    }

    record ItemPaused(UUID planId, UUID patientId, UUID itemId, String reasonCode) {
    }

    record ItemResumed(UUID planId, UUID patientId, UUID itemId, UUID resumedBy) {
    }

    record SessionLogged(UUID sessionId, UUID planId, UUID patientId, UUID itemId, OffsetDateTime performedAt) {
    }

    record AlertRaised(UUID alertId, UUID patientId, UUID planId, UUID itemId, List<UUID> therapistIds,
            String severity, String reasonCode) {
    }

    record EscalationContact(String email, String adminRole) {
    }

    record AlertEscalated(UUID alertId, UUID patientId, String severity, String step, List<UUID> therapistIds,
            EscalationContact escalationContact) {
    }

    record AlertAcknowledged(UUID alertId, UUID patientId, UUID acknowledgedBy, OffsetDateTime acknowledgedAt) {
    }

    private final EventJson json;
    private final EventConsumer events;
    private final NotificationService notifications;
    private final ReminderPlanner planner;
    private final AdherenceSweep adherence;
    private final Clock clock;

    public PlanEventsConsumer(EventJson json, EventConsumer events, NotificationService notifications, ReminderPlanner planner,
            AdherenceSweep adherence, Clock clock) {
        this.json = json;
        this.events = events;
        this.notifications = notifications;
        this.planner = planner;
        this.adherence = adherence;
        this.clock = clock;
    }

    @Incoming("plan-events")
    @Blocking
    public void apply(ConsumerRecord<String, String> record) {
        events.consume(CONSUMER, record, NEWEST_VERSION, this::handle);
    }

    /** Runs in the consumer's transaction, with the event's inbox row (see {@link EventConsumer}). */
    void handle(EventEnvelope event) {
        OffsetDateTime occurredAt = event.occurredAt() != null ? event.occurredAt() : OffsetDateTime.now(clock);
        switch (event.type()) {
            case "PlanAssigned" -> {
                PlanSchedule schedule = schedule(event);
                notifications.notify(schedule.patientId(), MessageTemplate.PLAN_ASSIGNED, event.id(),
                        schedule.planId());
                project(schedule, "ACTIVE", occurredAt);
            }
            case "PlanChanged" -> project(schedule(event), null, occurredAt);
            case "ItemPaused" -> {
                ItemPaused paused = json.data(event, ItemPaused.class);
                setItemState(event, paused.planId(), paused.itemId(), ScheduledItem.State.PAUSED);
            }
            case "ItemResumed" -> {
                ItemResumed resumed = json.data(event, ItemResumed.class);
                setItemState(event, resumed.planId(), resumed.itemId(), ScheduledItem.State.ACTIVE);
            }
            case "SessionLogged" -> {
                SessionLogged session = json.data(event, SessionLogged.class);
                if (session.planId() == null || session.patientId() == null || session.performedAt() == null) {
                    throw new PoisonMessageException("SessionLogged " + event.id() + " without plan, patient or time");
                }
                adherence.sessionLogged(session.planId(), session.patientId(), session.performedAt());
            }
            case "AlertRaised" -> alertRaised(event, json.data(event, AlertRaised.class));
            case "AlertEscalated" -> alertEscalated(event, json.data(event, AlertEscalated.class));
            case "AlertAcknowledged" -> {
                AlertAcknowledged acknowledged = json.data(event, AlertAcknowledged.class);
                if (acknowledged.alertId() == null) {
                    throw new PoisonMessageException("AlertAcknowledged " + event.id() + " without alertId");
                }
                notifications.markHandled(acknowledged.alertId(), acknowledged.acknowledgedAt() != null
                        ? acknowledged.acknowledgedAt() : occurredAt, "acknowledged");
            }
            default -> LOG.debugf("ignoring %s", event.type());
        }
    }

    private PlanSchedule schedule(EventEnvelope event) {
        PlanSchedule schedule = json.data(event, PlanSchedule.class);
        if (schedule.planId() == null || schedule.patientId() == null) {
            throw new PoisonMessageException(event.type() + " " + event.id() + " without planId or patientId");
        }
        return schedule;
    }

    /** Upserts the plan unless this version is older than the one known, then plans its reminders again. */
    private void project(PlanSchedule schedule, String defaultStatus, OffsetDateTime occurredAt) {
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
        String status = schedule.status() != null ? schedule.status() : defaultStatus;
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

        List<ScheduledItemData> items = schedule.items() == null ? List.of() : schedule.items();
        Map<UUID, ScheduledItemData> current = items.stream().filter(i -> i.itemId() != null)
                .collect(Collectors.toMap(ScheduledItemData::itemId, Function.identity(), (a, b) -> b));
        for (ScheduledItem known : plan.items) {
            if (!current.containsKey(known.itemId)) {
                known.state = ScheduledItem.State.ABSENT;
            }
        }
        for (ScheduledItemData data : current.values()) {
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
        if (planId == null || itemId == null) {
            throw new PoisonMessageException(event.type() + " " + event.id() + " without planId or itemId");
        }
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
        if (escalated.alertId() == null || escalated.step() == null) {
            throw new PoisonMessageException("AlertEscalated " + event.id() + " without alertId or step");
        }
        List<UUID> team = escalated.therapistIds() == null ? List.of()
                : escalated.therapistIds().stream().filter(Objects::nonNull).distinct().toList();
        switch (escalated.step()) {
            case "CARE_TEAM" -> team.forEach(therapist -> notifications.notify(therapist,
                    MessageTemplate.STILL_UNACKNOWLEDGED_CRITICAL, event.id(), escalated.alertId()));
            case "HIGH_REMINDER" -> team.forEach(therapist -> notifications.notify(therapist,
                    MessageTemplate.STILL_UNACKNOWLEDGED_HIGH, event.id(), escalated.alertId()));
            case "ESCALATION_CONTACT" -> {
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
            default -> throw new PoisonMessageException("AlertEscalated " + event.id() + " with unknown step "
                    + escalated.step());
        }
        LOG.infof("alert %s escalated (%s) to %d therapist(s)%s", escalated.alertId(), escalated.step(), team.size(),
                "ESCALATION_CONTACT".equals(escalated.step()) ? " and the escalation contact" : "");
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
        if (alert.alertId() == null) {
            throw new PoisonMessageException("AlertRaised " + event.id() + " without alertId");
        }
        List<UUID> therapists = alert.therapistIds() == null ? List.of()
                : alert.therapistIds().stream().filter(Objects::nonNull).distinct().toList();
        if (therapists.isEmpty()) {
            LOG.warnf("alert %s (%s) names no therapist: nobody to tell", alert.alertId(), alert.severity());
        }
        MessageTemplate template = MessageTemplate.forAlert(alert.severity());
        for (UUID therapist : therapists) {
            notifications.notify(therapist, template, event.id(), alert.alertId());
        }
    }
}
