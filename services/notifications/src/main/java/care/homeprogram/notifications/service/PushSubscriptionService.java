package care.homeprogram.notifications.service;

import care.homeprogram.commons.problem.ProblemException;
import care.homeprogram.notifications.api.PushSubscriptionRequest;
import care.homeprogram.notifications.api.PushSubscriptionView;
import care.homeprogram.notifications.domain.PushDelivery;
import care.homeprogram.notifications.domain.PushSubscription;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * A person's push subscriptions: opting a browser in (validated: a push service's https endpoint, a P-256 key on
 * the curve, a 16-byte auth secret) and out. This service will POST to the endpoint, so only push services' hosts
 * are accepted ({@code homeprogram.push.allowed-hosts}): a subscription cannot make it call anything else.
 */
@ApplicationScoped
public class PushSubscriptionService {
    private static final Logger LOG = Logger.getLogger(PushSubscriptionService.class);
    /** Devices per person; the oldest goes when a person subscribes one more (reinstalled browsers leave stale ones). */
    static final int MAX_PER_PERSON = 10;

    private final Vapid vapid;
    private final Clock clock;
    private final List<String> allowedHosts;
    private final boolean allowHttp;

    public PushSubscriptionService(Vapid vapid, Clock clock,
            @ConfigProperty(name = "homeprogram.push.allowed-hosts") List<String> allowedHosts,
            @ConfigProperty(name = "homeprogram.push.allow-http", defaultValue = "false") boolean allowHttp) {
        this.vapid = vapid;
        this.clock = clock;
        this.allowedHosts = allowedHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        this.allowHttp = allowHttp;
    }

    public String publicKey() {
        return vapid.publicKey().orElseThrow(PushSubscriptionService::notConfigured);
    }

    /**
     * Opts this browser in for the person. The same endpoint subscribed again is the same subscription (keys
     * renewed); an endpoint another person subscribed before (a shared device) now belongs to this person only, so
     * the previous person's notifications stop showing on it.
     */
    @Transactional
    public PushSubscriptionView subscribe(UUID personId, PushSubscriptionRequest request) {
        if (!vapid.enabled()) {
            throw notConfigured();
        }
        URI endpoint = endpoint(request.endpoint());
        byte[] key;
        byte[] auth;
        try {
            key = P256.base64Url(request.keys().p256dh());
            P256.publicKey(key);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("keys.p256dh", "must be a base64url P-256 public key (65 bytes)");
        }
        try {
            auth = P256.base64Url(request.keys().auth());
        } catch (IllegalArgumentException e) {
            auth = new byte[0];
        }
        if (auth.length != 16) {
            throw ProblemException.invalidField("keys.auth", "must be a base64url 16-byte secret");
        }
        PushSubscription existing = PushSubscription.find("endpoint", endpoint.toString()).firstResult();
        if (existing != null && !existing.recipientId.equals(personId)) {
            unsubscribed(existing, "the device was subscribed by someone else");
            existing = null;
        }
        PushSubscription subscription = existing != null ? existing : new PushSubscription();
        if (existing == null) {
            subscription.id = UUID.randomUUID();
            subscription.recipientId = personId;
            subscription.endpoint = endpoint.toString();
            subscription.createdAt = OffsetDateTime.now(clock);
        }
        subscription.p256dh = P256.base64Url(key);
        subscription.auth = P256.base64Url(auth);
        subscription.persist();
        List<PushSubscription> all = PushSubscription.ofRecipient(personId);
        for (int i = 0; i < all.size() - MAX_PER_PERSON; i++) {
            unsubscribed(all.get(i), "more than " + MAX_PER_PERSON + " devices: the oldest was dropped");
        }
        LOG.infof("push subscription %s for %s (%s)", subscription.id, personId, endpoint.getHost());
        return PushSubscriptionView.of(subscription);
    }

    @Transactional
    public List<PushSubscriptionView> of(UUID personId) {
        return PushSubscription.ofRecipient(personId).stream().map(PushSubscriptionView::of).toList();
    }

    /** Only the person who subscribed may remove it; for anyone else it does not exist. */
    @Transactional
    public void unsubscribe(UUID personId, UUID subscriptionId) {
        PushSubscription subscription = PushSubscription.<PushSubscription>findByIdOptional(subscriptionId)
                .filter(s -> s.recipientId.equals(personId))
                .orElseThrow(() -> ProblemException.notFound("Push subscription " + subscriptionId));
        unsubscribed(subscription, "unsubscribed");
    }

    /** Removes the subscription; its notifications not sent yet are skipped, visibly. Runs in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void unsubscribed(PushSubscription subscription, String reason) {
        PushDelivery.update("state = ?1, lastError = ?2 where subscriptionId = ?3 and state = ?4",
                PushDelivery.State.SKIPPED, reason, subscription.id, PushDelivery.State.PENDING);
        subscription.delete();
        // now, not at commit: Hibernate inserts before it deletes, and the same endpoint may be subscribed again next
        PushSubscription.flush();
        LOG.infof("push subscription %s of %s removed: %s", subscription.id, subscription.recipientId, reason);
    }

    private URI endpoint(String text) {
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw ProblemException.invalidField("endpoint", "must be a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            throw ProblemException.invalidField("endpoint", "must be an https URL");
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (uri.getUserInfo() != null || allowedHosts.stream().noneMatch(a -> host.equals(a) || host.endsWith("." + a))) {
            throw ProblemException.invalidField("endpoint", "must be the URL of a known push service");
        }
        return uri;
    }

    private static ProblemException notConfigured() {
        return new ProblemException(503, "push-not-configured", "Push notifications are not available",
                "This installation has no VAPID keys configured");
    }
}
