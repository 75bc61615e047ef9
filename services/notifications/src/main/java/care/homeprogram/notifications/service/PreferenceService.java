package care.homeprogram.notifications.service;

import care.homeprogram.contract.QuietHours;
import care.homeprogram.notifications.domain.Recipient;
import care.homeprogram.notifications.api.Preferences;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;

/**
 * A person's notification preferences as patient-service announces them: patient-service owns them (a patient
 * changes them with PATCH /api/patients/me, a therapist with PATCH /api/therapists/me), this service only projects
 * them, so there is one truth and no race between two writers. A change takes effect as soon as its event arrives:
 * emails not sent yet on a channel just opted out of are skipped, and pending reminders are planned again in the new
 * zone and quiet hours (docs/notifications.md).
 */
@ApplicationScoped
public class PreferenceService {
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

    /**
     * Sets zone, quiet hours and channels and makes them take effect: used by the projection of patient-events, the
     * only writer. Runs in the caller's transaction.
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
