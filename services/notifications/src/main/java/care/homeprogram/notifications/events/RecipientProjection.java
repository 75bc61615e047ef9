package care.homeprogram.notifications.events;

import care.homeprogram.commons.events.EventConsumer;
import care.homeprogram.commons.events.EventEnvelope;
import care.homeprogram.commons.events.EventRoutes;
import care.homeprogram.contract.QuietHours;
import care.homeprogram.contract.events.CareTeamChangeStatus;
import care.homeprogram.contract.events.ContactStatus;
import care.homeprogram.contract.events.PatientEvents;
import care.homeprogram.contract.events.PatientEvents.CareTeamAdminChange;
import care.homeprogram.contract.events.PatientEvents.Channels;
import care.homeprogram.contract.events.PatientEvents.PatientContact;
import care.homeprogram.contract.events.PatientEvents.TherapistContact;
import care.homeprogram.notifications.domain.CareTeamMember;
import care.homeprogram.notifications.domain.Recipient;
import care.homeprogram.notifications.service.MessageTemplate;
import care.homeprogram.notifications.service.NotificationService;
import care.homeprogram.notifications.service.PreferenceService;
import care.homeprogram.notifications.service.ReminderPlanner;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps who can be reached how, from patient-events; idempotent through the inbox. Every patient event carries the
 * full contact state, so it is an upsert that an older event never overwrites. patient-service is the one owner of a
 * person's zone, quiet hours and channels: they are only ever written here, from its events (a therapist's quiet
 * hours are kept as they were when an event from before patient-service owned them carries none). The care team
 * follows the
 * latest event too: adherence notices and the adherence list go to the therapists caring for the patient now. A disabled account stops
 * every reminder and unsent email at once; a change of zone or quiet hours plans the reminders again. A patient's
 * preferred language is the language of every message created for them from then on. The payloads are
 * the shared contract's ({@link PatientEvents}); {@link EventConsumer} reads, checks and dispatches them.
 */
@ApplicationScoped
public class RecipientProjection {
    private static final Logger LOG = Logger.getLogger(RecipientProjection.class);
    public static final String CONSUMER = "notification-service.recipients";

    private final EventConsumer events;
    private final PreferenceService preferences;
    private final NotificationService notifications;
    private final ReminderPlanner planner;
    private final Clock clock;

    private final EventRoutes routes = EventRoutes.consumer(CONSUMER)
            .on(PatientEvents.CONTACT, (event, contact) -> project(event, contact.patientId(), "patient",
                    contact.email(), contact.status(), contact.timeZone(), contact.quietHours(), contact.channels(),
                    contact.therapistIds(), contact.preferredLanguage()))
            .on(List.of(PatientEvents.THERAPIST_REGISTERED, PatientEvents.THERAPIST_CONTACT_CHANGED),
                    (event, contact) -> project(event, contact.therapistId(), "therapist", contact.email(),
                            contact.status(), contact.timeZone(), contact.quietHours(), contact.channels(), null, null))
            .on(PatientEvents.CARE_TEAM_ADMIN_CHANGE, this::careTeamAdminChange);

    public RecipientProjection(EventConsumer events, PreferenceService preferences,
            NotificationService notifications, ReminderPlanner planner, Clock clock) {
        this.events = events;
        this.preferences = preferences;
        this.notifications = notifications;
        this.planner = planner;
        this.clock = clock;
    }

    @Incoming("patient-events")
    @Blocking
    public void apply(ConsumerRecord<String, String> record) {
        events.consume(routes, record);
    }

    /** What this consumer acts on (the contract tests feed each type to it). */
    public EventRoutes routes() {
        return routes;
    }

    /**
     * An admin's care-team change: the patient and the team as it was hear of it (a pending one needs a confirmation
     * from that team). The team itself follows CareTeamChanged once it takes effect.
     */
    private void careTeamAdminChange(EventEnvelope event, CareTeamAdminChange change) {
        MessageTemplate toTherapists = change.status() == CareTeamChangeStatus.PENDING
                ? MessageTemplate.CARE_TEAM_CONFIRMATION_NEEDED : MessageTemplate.CARE_TEAM_CHANGED_BY_ADMIN;
        UUID subject = change.requestId() != null ? change.requestId() : change.patientId();
        if (change.existingTherapistIds() != null) {
            change.existingTherapistIds().stream().filter(Objects::nonNull).distinct()
                    .forEach(t -> notifications.notify(t, toTherapists, event.id(), subject));
        }
        notifications.notify(change.patientId(), MessageTemplate.CARE_TEAM_CHANGE_FOR_PATIENT, event.id(), subject);
    }

    private void project(EventEnvelope event, UUID id, String role, String email, ContactStatus status,
            String timeZone, QuietHours quietHours, Channels channels, List<UUID> careTeam, String language) {
        OffsetDateTime occurredAt = event.occurredAt() != null ? event.occurredAt() : OffsetDateTime.now(clock);
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
        if (language != null) { // an event from before PatientContact carried the language keeps the one we had
            recipient.preferredLanguage = language;
        }
        recipient.role = role;
        recipient.status = status == null ? Recipient.ACTIVE : status.name();
        recipient.contactAsOf = occurredAt;
        recipient.updatedAt = OffsetDateTime.now(clock);
        // The event is the latest word on the contact (older ones returned above), and patient-service is the only
        // writer of preferences, so they follow it too.
        preferences.apply(recipient, timeZone, quietHours,
                channels == null ? recipient.emailEnabled : channels.email(),
                channels == null ? recipient.inAppEnabled : channels.inApp(), occurredAt);
        if (!recipient.active()) {
            notifications.skipPendingEmails(id, "account disabled");
        }
        if (!known || wasActive != recipient.active()) {
            planner.replanPatient(id); // reminders start once the patient is known, stop when disabled
        }
    }
}
