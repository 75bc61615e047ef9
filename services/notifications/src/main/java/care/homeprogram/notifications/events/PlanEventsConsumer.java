package care.homeprogram.notifications.events;

import care.homeprogram.commons.events.EventEnvelope;
import care.homeprogram.commons.events.EventJson;
import care.homeprogram.commons.inbox.Inbox;
import care.homeprogram.notifications.service.MessageTemplate;
import care.homeprogram.notifications.service.NotificationService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Turns plan-events into messages. The processed-message row and the messages commit together: a redelivered
 * event (broker or service restart) produces nothing new.
 */
@ApplicationScoped
public class PlanEventsConsumer {
    private static final Logger LOG = Logger.getLogger(PlanEventsConsumer.class);
    static final String CONSUMER = "notification-service.plan-events";

    record PlanAssigned(UUID planId, UUID patientId, UUID therapistId) {
    }

    private final EventJson json;
    private final Inbox inbox;
    private final NotificationService notifications;

    public PlanEventsConsumer(EventJson json, Inbox inbox, NotificationService notifications) {
        this.json = json;
        this.inbox = inbox;
        this.notifications = notifications;
    }

    @Incoming("plan-events")
    @Blocking
    @Transactional
    public void apply(String payload) {
        EventEnvelope event = json.read(payload);
        if (!inbox.firstDelivery(event.id(), CONSUMER)) {
            LOG.debugf("event %s already processed", event.id());
            return;
        }
        switch (event.type()) {
            case "PlanAssigned" -> {
                PlanAssigned assigned = json.data(event, PlanAssigned.class);
                notifications.notify(assigned.patientId(), MessageTemplate.PLAN_ASSIGNED, event.id());
            }
            default -> LOG.debugf("ignoring %s", event.type());
        }
    }
}
