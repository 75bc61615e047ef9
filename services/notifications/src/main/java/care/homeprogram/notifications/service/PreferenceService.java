package care.homeprogram.notifications.service;

import care.homeprogram.commons.validation.QuietHours;
import care.homeprogram.notifications.domain.Recipient;
import care.homeprogram.notifications.rest.Preferences;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * A person's own notification preferences. An edit takes effect at once: emails not sent yet on a channel just
 * opted out of are skipped, and pending reminders are planned again in the new zone and quiet hours. The latest
 * change wins between an edit here and a contact change announced by patient-service (docs/notifications.md).
 */
@ApplicationScoped
public class PreferenceService {
    private static final Logger LOG = Logger.getLogger(PreferenceService.class);

    private final NotificationService notifications;
    private final ReminderPlanner planner;
    private final Clock clock;

    public PreferenceService(NotificationService notifications, ReminderPlanner planner, Clock clock) {
        this.notifications = notifications;
        this.planner = planner;
        this.clock = clock;
    }

    /** The stored preferences, or the defaults for a person nothing is known of yet. */
    @Transactional
    public Preferences of(UUID personId) {
        Recipient recipient = Recipient.findById(personId);
        return view(recipient != null ? recipient : new Recipient());
    }

    @Transactional
    public Preferences update(UUID personId, String role, Preferences preferences) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Recipient recipient = Recipient.findById(personId);
        if (recipient == null) {
            recipient = new Recipient();
            recipient.id = personId;
            recipient.role = role;
            recipient.updatedAt = now;
            recipient.persist();
        }
        apply(recipient, preferences.timeZone(), preferences.quietHours(), preferences.channels().email(),
                preferences.channels().inApp(), now);
        LOG.infof("preferences of %s changed by themselves", personId);
        return view(recipient);
    }

    /**
     * Sets zone, quiet hours and channels and makes them take effect: used by the person's edit and by the
     * projection of patient-events. Runs in the caller's transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(Recipient recipient, String timeZone, QuietHours quietHours, boolean email, boolean inApp,
            OffsetDateTime asOf) {
        boolean timingChanged = !Objects.equals(recipient.timeZone, timeZone)
                || (quietHours != null && (!Objects.equals(recipient.quietStart, quietHours.start())
                        || !Objects.equals(recipient.quietEnd, quietHours.end())));
        if (timeZone != null) {
            recipient.timeZone = timeZone;
        }
        if (quietHours != null) {
            recipient.quietStart = quietHours.start();
            recipient.quietEnd = quietHours.end();
        }
        recipient.emailEnabled = email;
        recipient.inAppEnabled = inApp;
        recipient.preferencesAsOf = asOf;
        recipient.updatedAt = OffsetDateTime.now(clock);
        if (!email) {
            notifications.skipPendingEmails(recipient.id, "email opted out");
        }
        if (timingChanged) {
            planner.replanPatient(recipient.id);
        }
    }

    private static Preferences view(Recipient recipient) {
        return new Preferences(recipient.timeZone, new QuietHours(recipient.quietStart, recipient.quietEnd),
                new Preferences.Channels(recipient.emailEnabled, recipient.inAppEnabled));
    }
}
