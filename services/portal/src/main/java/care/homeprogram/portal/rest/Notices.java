package care.homeprogram.portal.rest;

import care.homeprogram.portal.service.PortalMessages;
import java.util.Map;

/**
 * The confirmation shown after a POST-redirect-GET: the redirect names a fixed key ({@code ?done=plan-assigned}),
 * never free text, so nothing can be injected into a page through its address.
 */
final class Notices {
    private static final Map<String, String> TEXT = Map.ofEntries(
            Map.entry("thresholds-changed", "The plan's pain thresholds are changed: a new version is recorded."),
            Map.entry("hydration-set", "The daily drink target is set: a new version is recorded."),
            Map.entry("hydration-cleared", "The daily drink target is removed: a new version is recorded."),
            Map.entry("template-saved", "The plan is saved as your template: build the next patient's plan from it."),
            Map.entry("template-changed", "The template is changed. Plans built from it before are unchanged."),
            Map.entry("template-deleted", "The template is deleted. Plans built from it are unchanged."),
            Map.entry("exercise-saved", "The exercise is saved: plans assigned before keep the words they were given."),
            Map.entry("image-added", "The picture is added: your patients see it with this exercise."),
            Map.entry("video-set", "The video is saved: your patients see it with this exercise."),
            Map.entry("media-removed", "Removed: your patients no longer see it."),
            Map.entry("exercise-archived", "The exercise is archived: it is no longer offered; plans keep it."),
            Map.entry("plan-assigned", "The plan is assigned. The patient is told in the app and by email."),
            Map.entry("plan-changed", "The plan is changed: a new version is recorded."),
            Map.entry("alert-acknowledged", "The alert is acknowledged in your name."),
            Map.entry("item-resumed", "The item is resumed: a new version is recorded."),
            Map.entry("progression-dismissed", "The progression suggestion is dismissed for this week."),
            Map.entry("intake-recorded", "The intake screen is recorded."),
            Map.entry("rtm-consent-recorded", "The patient's consent to remote monitoring is recorded."),
            Map.entry("rtm-setup-recorded", "The setup and education (98975) is recorded."),
            Map.entry("rtm-timer-started", "The timer is running. Stop it when you finish."),
            Map.entry("rtm-timer-stopped", "The timer is stopped: the time is recorded for this month."),
            Map.entry("rtm-time-recorded", "The time is recorded."),
            Map.entry("measure-attached", "The outcome measure is attached: the patient is asked in the portal."),
            Map.entry("instrument-enabled", "The terms are accepted in your name: the instrument can be used."),
            Map.entry("instrument-imported", "The questionnaire is imported: therapists can attach it to plans."),
            Map.entry("intake-answered", "Thank you: your answers are recorded and your therapist can see them."),
            Map.entry("patient-created", "The patient is created with their sign-in account."),
            Map.entry("patient-created-invited", "The patient is created with their sign-in account; the "
                    + "set-password email is sent."),
            Map.entry("patient-created-invite-not-sent", "The patient is created with their sign-in account, but the "
                    + "set-password email was not sent: ask an admin to send it from the patient's account page "
                    + "(Reset credentials)."),
            Map.entry("account-created", "The account is created."),
            Map.entry("account-created-invited", "The account is created; the set-password email is sent."),
            Map.entry("account-created-invite-not-sent", "The account is created, but the set-password email was not "
                    + "sent: send it with Reset credentials below."),
            Map.entry("account-enabled", "The account is enabled: the person can sign in."),
            Map.entry("account-disabled", "The account is disabled: the person can no longer sign in."),
            Map.entry("role-changed", "The role is changed. It applies from the person's next sign-in."),
            Map.entry("credentials-reset", "The credentials are reset."),
            Map.entry("clinical-lead-designated", "The therapist is now clinical lead: from their next sign-in they "
                    + "can correct the clinic's exercises and templates."),
            Map.entry("clinical-lead-undesignated", "The therapist is no longer clinical lead; their sessions ended."),
            Map.entry("seeded-corrected", "The clinic's entry is corrected: a new version, recorded in your name. "
                    + "Plans already assigned keep the words they were given."),
            Map.entry("preferences-saved", "Your reminder settings are saved."),
            Map.entry("push-on", "This device now gets notifications from HomeProgram."),
            Map.entry("push-off", "Notifications are stopped on that device."),
            Map.entry("push-refused", "This device could not be set up for notifications. Please try again."),
            Map.entry("push-unavailable", "Notifications on devices are not available right now. Everything still "
                    + "comes in the app and by email."),
            Map.entry("calendar-revoked", "Your calendar link is stopped: calendars that used it get nothing more."),
            Map.entry("message-read", "Marked as read."),
            Map.entry("session-withdrawn", "The session is withdrawn: it stays in your history, marked as "
                    + "withdrawn by you, and no longer counts for your pain trend."));

    private Notices() {
    }

    static String of(String key) {
        return key == null ? null : TEXT.get(key);
    }

    /**
     * The confirmation in the reader's language: the patient's pages' ones are translated (docs/portal.md,
     * "Languages"); the therapists' and admins' ones stay English.
     */
    static String of(String key, PortalMessages words) {
        return switch (key == null ? "" : key) {
            case "intake-answered" -> words.notice_intakeAnswered();
            case "push-on" -> words.notice_pushOn();
            case "push-off" -> words.notice_pushOff();
            case "push-refused" -> words.notice_pushRefused();
            case "push-unavailable" -> words.notice_pushUnavailable();
            case "calendar-revoked" -> words.notice_calendarRevoked();
            case "message-read" -> words.notice_messageRead();
            case "session-withdrawn" -> words.notice_sessionWithdrawn();
            default -> of(key);
        };
    }
}
