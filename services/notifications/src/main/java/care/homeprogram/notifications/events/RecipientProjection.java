package care.homeprogram.notifications.events;

import care.homeprogram.commons.events.EventConsumer;
import care.homeprogram.commons.events.EventEnvelope;
import care.homeprogram.commons.events.EventJson;
import care.homeprogram.commons.events.PoisonMessageException;
import care.homeprogram.commons.validation.QuietHours;
import care.homeprogram.notifications.domain.CareTeamMember;
import care.homeprogram.notifications.domain.Recipient;
import care.homeprogram.notifications.service.NotificationService;
import care.homeprogram.notifications.service.PreferenceService;
import care.homeprogram.notifications.service.ReminderPlanner;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps who can be reached how, from patient-events; idempotent through the inbox. Every patient event carries the
 * full contact state, so it is an upsert. Address and status always follow the latest event; zone, quiet hours and
 * channels follow whichever is later, the event (by occurredAt) or the person's own edit. The care team follows the
 * latest event too: adherence notices and the adherence list go to the therapists caring for the patient now. A disabled account stops
 * every reminder and unsent email at once; a change of zone or quiet hours plans the reminders again.
 */
@ApplicationScoped
public class RecipientProjection {
    private static final Logger LOG = Logger.getLogger(RecipientProjection.class);
    /** The newest envelope version this consumer understands; a newer one is dead-lettered. */
    static final int NEWEST_VERSION = 1;
    public static final String CONSUMER = "notification-service.recipients";

    record Channels(boolean email, boolean inApp) {
    }

    record PatientContact(UUID patientId, List<UUID> therapistIds, String email, String timeZone,
            QuietHours quietHours, Channels channels, String status) {
    }

    record TherapistContact(UUID therapistId, String email, String timeZone, Channels channels, String status) {
    }

    private final EventJson json;
    private final EventConsumer events;
    private final PreferenceService preferences;
    private final NotificationService notifications;
    private final ReminderPlanner planner;
    private final Clock clock;

    public RecipientProjection(EventJson json, EventConsumer events, PreferenceService preferences,
            NotificationService notifications, ReminderPlanner planner, Clock clock) {
        this.json = json;
        this.events = events;
        this.preferences = preferences;
        this.notifications = notifications;
        this.planner = planner;
        this.clock = clock;
    }

    @Incoming("patient-events")
    @Blocking
    public void apply(ConsumerRecord<String, String> record) {
        events.consume(CONSUMER, record, NEWEST_VERSION, this::handle);
    }

    /** Runs in the consumer's transaction, with the event's inbox row (see {@link EventConsumer}). */
    void handle(EventEnvelope event) {
        OffsetDateTime occurredAt = event.occurredAt() != null ? event.occurredAt() : OffsetDateTime.now(clock);
        switch (event.type()) {
            case "PatientRegistered", "PatientContactChanged", "PatientDeactivated", "PatientReactivated",
                    "CareTeamChanged" -> {
                PatientContact contact = json.data(event, PatientContact.class);
                if (contact.patientId() == null) {
                    throw new PoisonMessageException(event.type() + " " + event.id() + " without patientId");
                }
                project(contact.patientId(), "patient", contact.email(), contact.status(), contact.timeZone(),
                        contact.quietHours(), contact.channels(), contact.therapistIds(), occurredAt);
            }
            case "TherapistRegistered" -> {
                TherapistContact contact = json.data(event, TherapistContact.class);
                if (contact.therapistId() == null) {
                    throw new PoisonMessageException(event.type() + " " + event.id() + " without therapistId");
                }
                project(contact.therapistId(), "therapist", contact.email(), contact.status(), contact.timeZone(),
                        null, contact.channels(), null, occurredAt);
            }
            default -> LOG.debugf("ignoring %s", event.type());
        }
    }

    private void project(UUID id, String role, String email, String status, String timeZone, QuietHours quietHours,
            Channels channels, List<UUID> careTeam, OffsetDateTime occurredAt) {
        Recipient recipient = Recipient.findById(id);
        boolean known = recipient != null;
        if (!known) {
            recipient = new Recipient();
            recipient.id = id;
            recipient.updatedAt = OffsetDateTime.now(clock);
            recipient.persist();
        }
        boolean wasActive = recipient.active();
        if (recipient.contactAsOf != null && occurredAt.isBefore(recipient.contactAsOf)) {
            LOG.debugf("older contact event for %s ignored", id);
            return;
        }
        if (careTeam != null) {
            CareTeamMember.replace(id, careTeam);
        }
        recipient.email = email;
        recipient.role = role;
        recipient.status = status == null ? Recipient.ACTIVE : status;
        recipient.contactAsOf = occurredAt;
        recipient.updatedAt = OffsetDateTime.now(clock);
        if (recipient.preferencesAsOf == null || !occurredAt.isBefore(recipient.preferencesAsOf)) {
            preferences.apply(recipient, timeZone, quietHours,
                    channels == null ? recipient.emailEnabled : channels.email(),
                    channels == null ? recipient.inAppEnabled : channels.inApp(), occurredAt);
        }
        if (!recipient.active()) {
            notifications.skipPendingEmails(id, "account disabled");
        }
        if (!known || wasActive != recipient.active()) {
            planner.replanPatient(id); // reminders start once the patient is known, stop when disabled
        }
    }
}
