package care.homeprogram.portal.client;

import care.homeprogram.contract.Page;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * notification-service (inbox, preferences, non-adherence), called as the signed-in person. Same pattern as
 * {@link PlansClient}. Pages treat it as optional: when it is down they say "messages are delayed" and go on.
 */
@ApplicationScoped
public class NotificationsClient {
    static final String SERVICE = "notification-service";

    private final NotificationsApi api;
    private final ServiceCalls calls;

    public NotificationsClient(@RestClient NotificationsApi api) {
        this.api = api;
        this.calls = new ServiceCalls(SERVICE);
    }

    public Page<Notification> inbox(int page, int size) {
        return calls.read(() -> api.inbox(page, size));
    }

    /** How many in-app messages the person has not read, all of them (not only those of the inbox's first page). */
    public long unread() {
        return calls.read(() -> api.unread().unread());
    }

    public Page<AdherenceLevel> adherence() {
        return calls.read(() -> api.adherence(100));
    }

    /** notification-service's audit trail (admins). */
    public Page<AuditEntry> audit(UUID patientId, String actor, int page, int size) {
        return calls.read(() -> api.audit(patientId, actor, page, size));
    }

    /** The VAPID public key browsers subscribe with (Web Push). */
    public String pushKey() {
        return calls.read(() -> api.pushKey().publicKey());
    }

    /** The signed-in person's devices subscribed for push notifications. */
    public java.util.List<PushDevice> pushDevices() {
        return calls.read(() -> api.pushDevices());
    }

    /** Forwards a browser's push subscription (notification-service validates it). */
    public PushDevice subscribe(PushSubscription subscription) {
        return calls.write(() -> api.subscribe(subscription));
    }

    public void unsubscribe(UUID id) {
        calls.write(() -> api.unsubscribe(id));
    }

    public Notification markRead(UUID id) {
        return calls.write(() -> api.markRead(id));
    }
}
