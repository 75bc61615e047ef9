package care.homeprogram.notifications.events;

import care.homeprogram.commons.events.EventEnvelope;
import care.homeprogram.commons.events.EventJson;
import care.homeprogram.commons.inbox.Inbox;
import care.homeprogram.commons.validation.QuietHours;
import care.homeprogram.notifications.domain.Recipient;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** Keeps who can be reached how, from patient-events; idempotent through the inbox. */
@ApplicationScoped
public class RecipientProjection {
    private static final Logger LOG = Logger.getLogger(RecipientProjection.class);
    static final String CONSUMER = "notification-service.recipients";

    record Channels(boolean email, boolean inApp) {
    }

    record PatientContact(UUID patientId, String email, String timeZone, QuietHours quietHours, Channels channels,
            String status) {
    }

    private final EventJson json;
    private final Inbox inbox;
    private final Clock clock;

    public RecipientProjection(EventJson json, Inbox inbox, Clock clock) {
        this.json = json;
        this.inbox = inbox;
        this.clock = clock;
    }

    @Incoming("patient-events")
    @Blocking
    @Transactional
    public void apply(String payload) {
        EventEnvelope event = json.read(payload);
        if (!inbox.firstDelivery(event.id(), CONSUMER)) {
            return;
        }
        switch (event.type()) {
            case "PatientRegistered", "PatientContactChanged" -> project(json.data(event, PatientContact.class));
            default -> LOG.debugf("ignoring %s", event.type());
        }
    }

    private void project(PatientContact contact) {
        Recipient recipient = Recipient.findById(contact.patientId());
        if (recipient == null) {
            recipient = new Recipient();
            recipient.id = contact.patientId();
        }
        recipient.email = contact.email();
        recipient.timeZone = contact.timeZone();
        if (contact.quietHours() != null) {
            recipient.quietStart = contact.quietHours().start();
            recipient.quietEnd = contact.quietHours().end();
        }
        if (contact.channels() != null) {
            recipient.emailEnabled = contact.channels().email();
            recipient.inAppEnabled = contact.channels().inApp();
        }
        recipient.status = contact.status() == null ? "ACTIVE" : contact.status();
        recipient.updatedAt = OffsetDateTime.now(clock);
        recipient.persist();
    }
}
