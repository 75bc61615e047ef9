package care.homeprogram.notifications.service;

import care.homeprogram.notifications.domain.PushDelivery;
import care.homeprogram.notifications.domain.PushSubscription;
import care.homeprogram.notifications.domain.Recipient;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The push channel of {@link BatchDispatcher}: sends due push notifications to the push services (RFC 8030), like
 * {@link EmailDispatcher} sends emails: every replica dispatches, each claims rows with FOR UPDATE SKIP LOCKED; nothing but an urgent (CRITICAL) notice goes out
 * in the recipient's quiet hours; a disabled account or a removed subscription gets nothing. Each payload is
 * encrypted to the browser's keys (RFC 8291) and the request signed with this server's VAPID key (RFC 8292).
 * The push service's answer decides: 201 sent; 404 or 410 the subscription is gone (removed here, so nothing is
 * sent to it again); 429 and 5xx (and no answer) retried with backoff, honouring Retry-After; any other refusal is
 * final (FAILED), since sending the same request again would be refused again.
 */
@ApplicationScoped
public class PushDispatcher extends OutboundChannel<PushDelivery> {
    private static final Logger LOG = Logger.getLogger(PushDispatcher.class);
    private static final Claim<PushDelivery> CLAIM = new Claim<>(PushDelivery.class, "push_delivery",
            "next_attempt_at", "urgent DESC, next_attempt_at");
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final Vapid vapid;
    private final PushSubscriptionService subscriptions;
    private final String portalUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final ObjectMapper json = new ObjectMapper();

    public PushDispatcher(BatchDispatcher dispatcher, Vapid vapid, PushSubscriptionService subscriptions,
            Clock clock, @ConfigProperty(name = "homeprogram.portal-url") String portalUrl,
            @ConfigProperty(name = "homeprogram.push.max-attempts", defaultValue = "8") int maxAttempts,
            @ConfigProperty(name = "homeprogram.push.batch-size", defaultValue = "100") int batchSize,
            @ConfigProperty(name = "homeprogram.push.workers", defaultValue = "1") int workers) {
        super("pushes", "push", CLAIM, dispatcher, clock, maxAttempts, batchSize, workers);
        this.vapid = vapid;
        this.subscriptions = subscriptions;
        this.portalUrl = portalUrl;
    }

    @Scheduled(every = "${homeprogram.push.poll-interval:1s}", delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void dispatchDue() {
        dispatcher.drain(this);
    }

    @Override
    public void handle(List<PushDelivery> due, OffsetDateTime now) {
        Map<UUID, Recipient> recipients = new HashMap<>();
        Recipient.<Recipient>list("id in ?1", due.stream().map(d -> d.recipientId).distinct().toList())
                .forEach(r -> recipients.put(r.id, r));
        Map<UUID, PushSubscription> subscribed = new HashMap<>();
        PushSubscription.<PushSubscription>list("id in ?1",
                due.stream().map(d -> d.subscriptionId).distinct().toList())
                .forEach(s -> subscribed.put(s.id, s));
        Map<PushDelivery, CompletableFuture<Outcome>> sends = new LinkedHashMap<>();
        for (PushDelivery delivery : due) {
            PushSubscription subscription = subscribed.get(delivery.subscriptionId);
            prepare(delivery, recipients.get(delivery.recipientId), subscription)
                    .ifPresent(request -> sends.put(delivery, send(request)));
        }
        if (sends.isEmpty()) {
            return;
        }
        try {
            CompletableFuture.allOf(sends.values().toArray(CompletableFuture[]::new))
                    .get(SEND_TIMEOUT.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pushing a batch", e);
        } catch (ExecutionException | TimeoutException e) {
            // the batch rolls back and is claimed again
            throw new IllegalStateException("a batch of push notifications did not finish sending", e);
        }
        List<PushSubscription> gone = new ArrayList<>();
        sends.forEach((delivery, outcome) -> record(delivery, outcome.join(),
                subscribed.get(delivery.subscriptionId), gone));
        gone.stream().distinct().forEach(s -> subscriptions.unsubscribed(s,
                "the push service says the subscription is gone"));
    }

    /** The request to send now, or nothing when the delivery is skipped or deferred. */
    private Optional<HttpRequest> prepare(PushDelivery delivery, Recipient recipient, PushSubscription subscription) {
        if (subscription == null) {
            skip(delivery, "unsubscribed");
            return Optional.empty();
        }
        if (recipient == null || !recipient.active()) {
            skip(delivery, "account disabled");
            return Optional.empty();
        }
        if (!vapid.enabled()) {
            skip(delivery, "push is not configured");
            return Optional.empty();
        }
        if (OffsetDateTime.now(clock).isAfter(delivery.createdAt.plusSeconds(delivery.ttlSeconds))) {
            // e.g. a reminder held back by quiet hours until its moment had passed: late is not sent
            skip(delivery, "too late: its time to live has passed");
            return Optional.empty();
        }
        if (heldBackByQuietHours(delivery, recipient)) {
            return Optional.empty();
        }
        delivery.attempts++;
        URI endpoint = URI.create(subscription.endpoint);
        byte[] body = WebPushEncryption.encrypt(payload(delivery), P256.base64Url(subscription.p256dh),
                P256.base64Url(subscription.auth));
        return Optional.of(HttpRequest.newBuilder(endpoint)
                .timeout(SEND_TIMEOUT)
                .header("Authorization", vapid.authorization(endpoint))
                .header("Content-Encoding", "aes128gcm")
                .header("Content-Type", "application/octet-stream")
                // what is left of its time to live: a retry or a wait for quiet hours to end used some of it
                .header("TTL", Long.toString(Math.max(0, delivery.ttlSeconds
                        - Duration.between(delivery.createdAt, OffsetDateTime.now(clock)).toSeconds())))
                .header("Urgency", delivery.urgent ? "high" : "normal")
                // RFC 8030 5.4: a copy sent again (a retry after an unclear outcome) replaces one still queued
                .header("Topic", topic(delivery.id))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }

    /** What the browser shows: one of MessageTemplate's fixed push texts and the portal's address, nothing else. */
    private byte[] payload(PushDelivery delivery) {
        Map<String, String> payload = new LinkedHashMap<>();
        payload.put("title", "HomeProgram");
        payload.put("body", delivery.text);
        payload.put("url", portalUrl + "/");
        try {
            return json.writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Topic header: at most 32 base64url characters, so the delivery id's 16 bytes. */
    static String topic(UUID id) {
        return P256.base64Url(ByteBuffer.allocate(16).putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits()).array());
    }

    private CompletableFuture<Outcome> send(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(response -> new Outcome(response.statusCode(),
                        response.headers().firstValue("Retry-After").orElse(null), null))
                .exceptionally(failure -> new Outcome(0, null, failure.getCause() != null
                        ? failure.getCause().toString() : failure.toString()));
    }

    private record Outcome(int status, String retryAfter, String failure) {
    }

    private void record(PushDelivery delivery, Outcome outcome, PushSubscription subscription,
            List<PushSubscription> gone) {
        int status = outcome.status();
        if (status >= 200 && status < 300) {
            delivery.state = PushDelivery.State.SENT;
            delivery.sentAt = OffsetDateTime.now(clock);
            delivery.lastError = null;
            LOG.infof("push %s sent to recipient %s after %d attempt(s)", delivery.id, delivery.recipientId,
                    delivery.attempts);
        } else if (status == 404 || status == 410) {
            delivery.state = PushDelivery.State.SKIPPED;
            delivery.lastError = "subscription expired (" + status + ")";
            gone.add(subscription);
        } else if (status == 0 || status == 429 || status >= 500) {
            retryLater(delivery, status == 0 ? outcome.failure() : "push service answered " + status,
                    retryAfterSeconds(outcome.retryAfter()));
        } else {
            delivery.state = PushDelivery.State.FAILED;
            delivery.lastError = "push service refused it (" + status + ")";
            LOG.warnf("push %s refused by the push service: %d", delivery.id, status);
        }
    }

    /** Retry-After in seconds (the HTTP-date form is rare from push services and read as no hint); at most 1 h. */
    static long retryAfterSeconds(String retryAfter) {
        if (retryAfter == null) {
            return 0;
        }
        try {
            return Math.min(3600, Math.max(0, Long.parseLong(retryAfter.strip())));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void skip(PushDelivery delivery, String reason) {
        delivery.state = PushDelivery.State.SKIPPED;
        delivery.lastError = reason;
    }
}
