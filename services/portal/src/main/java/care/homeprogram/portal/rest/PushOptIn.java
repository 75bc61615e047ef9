package care.homeprogram.portal.rest;

import care.homeprogram.portal.client.NotificationsClient;
import care.homeprogram.portal.client.PushDevice;
import care.homeprogram.portal.client.PushSubscription;
import care.homeprogram.portal.client.ServiceProblem;
import care.homeprogram.portal.client.ServiceUnavailable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;

/**
 * "Notifications on this device" (Web Push, docs/notifications.md "Push"), one implementation for every page that
 * offers it: the patient's Reminder settings and the therapist's Notification settings. The section itself is the
 * shared {@code tags/push.html}; each page passes its own address, to which the forms post and the answers redirect.
 * notification-service keeps the subscriptions per signed-in person, so a page can only ever show and change the
 * caller's own devices.
 */
@ApplicationScoped
class PushOptIn {

    /**
     * What the section shows: the key the page's script subscribes with, the devices already subscribed, the page's
     * address, and the service worker to register (for therapists the portal's worker without offline copies: see
     * docs/portal.md "Offline"). Unavailable when notification-service has no VAPID keys or cannot be reached.
     */
    public record PushSettings(boolean available, String publicKey, List<PushDevice> devices, String page,
            String serviceWorker) {
    }

    /** The portal's service worker with its offline copies: patients only. */
    static final String PATIENT_WORKER = "/sw.js";
    /** The same worker with push only: nothing of the person's pages is kept on the device. */
    static final String PUSH_ONLY_WORKER = "/sw.js?offline=off";

    private final NotificationsClient notifications;

    PushOptIn(NotificationsClient notifications) {
        this.notifications = notifications;
    }

    PushSettings settings(String page, String serviceWorker) {
        try {
            return new PushSettings(true, notifications.pushKey(), notifications.pushDevices(), page, serviceWorker);
        } catch (ServiceProblem | ServiceUnavailable e) {
            return new PushSettings(false, null, List.of(), page, serviceWorker);
        }
    }

    /**
     * The browser's subscription, filled into the form by /js/push.js after PushManager.subscribe: forwarded to
     * notification-service, which validates it (a push service's https URL, the browser's keys).
     */
    Response subscribe(String page, String endpoint, String p256dh, String auth) {
        if (nz(endpoint).isEmpty() || nz(p256dh).isEmpty() || nz(auth).isEmpty()) {
            return Pages.redirect(page + "?done=push-refused");
        }
        try {
            notifications.subscribe(new PushSubscription(nz(endpoint), new PushSubscription.Keys(nz(p256dh), nz(auth))));
        } catch (ServiceProblem problem) {
            return Pages.redirect(page + (problem.status() == 400 ? "?done=push-refused" : "?done=push-unavailable"));
        } catch (ServiceUnavailable down) {
            return Pages.redirect(page + "?done=push-unavailable");
        }
        return Pages.redirect(page + "?done=push-on");
    }

    /** Stops notifications on one of the person's devices (works without JavaScript). */
    Response unsubscribe(String page, String id) {
        UUID device;
        try {
            device = UUID.fromString(nz(id));
        } catch (IllegalArgumentException e) {
            return Pages.redirect(page);
        }
        try {
            notifications.unsubscribe(device);
        } catch (ServiceProblem problem) {
            if (problem.status() != 404) {
                return Pages.redirect(page + "?done=push-unavailable");
            }
        } catch (ServiceUnavailable down) {
            return Pages.redirect(page + "?done=push-unavailable");
        }
        return Pages.redirect(page + "?done=push-off");
    }

    private static String nz(String value) {
        return value == null ? "" : value.strip();
    }
}
