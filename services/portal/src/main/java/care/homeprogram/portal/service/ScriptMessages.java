package care.homeprogram.portal.service;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The words the page scripts write ({@code js/portal.js}, {@code js/push.js}): the exercise timer, the outcome of a
 * log kept on the phone while offline, the offline check-in note, the status of "Notifications on this device" and
 * the text of a push that arrives without its own, which portal.js keeps on the phone for the service worker
 * (docs/portal.md, "Languages"). The scripts have no words of their own: the page carries these, rendered in its
 * language, as {@code data-} attributes of {@code #script-words} (layout) and {@code #push-status} (tags/push.html).
 * A parameter is rendered as a {@code %name%} marker the script fills in. English here, Spanish and German in
 * {@code messages/script_es.properties} and {@code messages/script_de.properties}; a bundle of its own because
 * Quarkus breaks a bundle of more than 300 keys ({@link PortalMessages}).
 */
@MessageBundle(value = "script", locale = "en")
public interface ScriptMessages {

    // --- the exercise timer ---
    @Message("Start timer")
    String timer_start();

    @Message("Stop timer")
    String timer_stop();

    @Message("Start again")
    String timer_again();

    @Message("Time is up.")
    String timer_done();

    // --- logs kept on the phone ---
    @Message("{item}, logged {when}: waiting to be sent.")
    String waiting_waiting(String item, String when);

    @Message("{item}, logged {when}: not accepted. {reason} Please log it again.")
    String waiting_refused(String item, String when, String reason);

    @Message("{item}: sent. {result}")
    String waiting_sent(String item, String result);

    @Message("Kept on this phone: waiting to be sent")
    String kept_heading();

    @Message("This is checked again when your session is sent.")
    String kept_checkedAgain();

    @Message("Not saved")
    String notSaved_heading();

    @Message("This phone cannot keep your session. Please log it when you are online.")
    String notSaved_text();

    @Message("Sent. {decision}")
    String sent_heading(String decision);

    @Message("Logged")
    String sent_logged();

    // --- what the stop rules on the phone say until plan-service's decision replaces it ---
    @Message("Stop: do not do this exercise again until your therapist has looked at it.")
    String phone_stop();

    @Message("You reported a warning sign.")
    String phone_warningSign();

    @Message("Your pain of {pain}/10 is in the red band.")
    String phone_red(String pain);

    @Message("Take care: your pain of {pain}/10 is in the amber band. Continue gently and tell us next time whether it settled within 24 hours.")
    String phone_amber(String pain);

    @Message("Continue: your pain of {pain}/10 is in the green band.")
    String phone_green(String pain);

    @Message("The result will show when your session is sent. Stop if you feel sharp pain, pain spreading down your leg, or new numbness or weakness.")
    String phone_unknown();

    // --- the check-in sent while offline with nothing ticked ---
    @Message("You are offline, so your answers could not be sent. You ticked nothing; send them again when you are back online.")
    String checkIn_offlineNothing();

    // --- "Notifications on this device" ---
    @Message("This browser cannot show notifications from HomeProgram. Your reminders still come in the app and by email.")
    String push_unsupported();

    @Message("Asking this browser for permission…")
    String push_asking();

    @Message("Notifications could not be turned on. If you blocked them for this site, allow them in the browser’s site settings and try again.")
    String push_failed();

    // --- what a push that carries no text of its own says on the lock screen (js/push-worker.js) ---
    @Message("You have a new message")
    String push_newMessage();

    // --- the installed app (the web app manifest, in the language of the page that links it) ---
    @Message("Your home exercise program, also when you are offline.")
    String app_description();
}
