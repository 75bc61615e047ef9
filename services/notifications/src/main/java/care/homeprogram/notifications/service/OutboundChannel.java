package care.homeprogram.notifications.service;

import care.homeprogram.notifications.domain.OutboundDelivery;
import care.homeprogram.notifications.domain.QuietWindow;
import care.homeprogram.notifications.domain.Recipient;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import org.jboss.logging.Logger;

/**
 * A {@link DispatchChannel} whose deliveries leave this service (email, push) and so may have to wait or be tried
 * again; what those channels share is the attempt rules. A non-urgent delivery waits for the end of the recipient's
 * quiet hours (not counted as an attempt); a failed attempt is tried again after an exponential backoff (2, 4, 8 … s,
 * at most 5 min, longer when the other side asks for it) until the channel's last attempt, after which it is FAILED.
 *
 * @param <T> the entity of a delivery
 */
public abstract class OutboundChannel<T extends OutboundDelivery> implements DispatchChannel<T> {
    private static final long LONGEST_BACKOFF_SECONDS = 300;

    protected final BatchDispatcher dispatcher;
    protected final Clock clock;
    private final Logger log = Logger.getLogger(getClass());
    private final String name;
    private final String kind;
    private final Claim<T> claim;
    private final int maxAttempts;
    private final int batchSize;
    private final int workers;

    /**
     * @param name the channel's name, for logs and thread names ("emails")
     * @param kind what one delivery is called in the logs ("email")
     */
    protected OutboundChannel(String name, String kind, Claim<T> claim, BatchDispatcher dispatcher, Clock clock,
            int maxAttempts, int batchSize, int workers) {
        this.name = name;
        this.kind = kind;
        this.claim = claim;
        this.dispatcher = dispatcher;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.batchSize = batchSize;
        this.workers = workers;
    }

    /**
     * Only for the CDI client proxy of a channel bean (an application-scoped bean needs a no-args constructor, which
     * Quarkus adds to the bean class only when its superclass has one); the proxy delegates every call.
     */
    protected OutboundChannel() {
        this(null, null, null, null, null, 0, 0, 0);
    }

    /** @return how many deliveries were handled (sent, retried, deferred or skipped) */
    public int dispatchBatch() {
        return dispatcher.dispatchBatch(this);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Claim<T> claim() {
        return claim;
    }

    @Override
    public final int batchSize() {
        return batchSize;
    }

    @Override
    public final int workers() {
        return workers;
    }

    /**
     * Moves a non-urgent delivery due in the recipient's quiet hours to their end, without counting an attempt.
     *
     * @return whether it was held back
     */
    protected boolean heldBackByQuietHours(T delivery, Recipient recipient) {
        if (delivery.urgent) {
            return false;
        }
        ZonedDateTime local = ZonedDateTime.now(clock.withZone(recipient.zone()));
        QuietWindow quiet = recipient.quietWindow();
        if (!quiet.contains(local)) {
            return false;
        }
        delivery.nextAttemptAt = quiet.shiftOut(local).toOffsetDateTime();
        delivery.lastError = "waiting for the end of quiet hours";
        return true;
    }

    /**
     * Records a failed attempt: tried again after the backoff, at least {@code retryAfterSeconds} (the other side's
     * hint, 0 for none), or FAILED when it was the last attempt.
     */
    protected void retryLater(T delivery, String reason, long retryAfterSeconds) {
        delivery.lastError = reason == null ? "unknown" : reason.substring(0, Math.min(reason.length(), 1000));
        if (delivery.attempts >= maxAttempts) {
            delivery.markFailed();
            log.warnf("%s %s failed for good after %d attempts: %s", kind, delivery.id, delivery.attempts,
                    forLog(reason));
            return;
        }
        long backoffSeconds = Math.max(retryAfterSeconds,
                Math.min(LONGEST_BACKOFF_SECONDS, 1L << Math.min(delivery.attempts, 9)));
        delivery.nextAttemptAt = OffsetDateTime.now(clock).plus(Duration.ofSeconds(backoffSeconds));
        log.infof("%s %s attempt %d failed (%s); next try in %d s", kind, delivery.id, delivery.attempts,
                forLog(reason), backoffSeconds);
    }

    /** A failure's reason as it may be logged; a channel whose reasons quote personal data removes it here. */
    protected String forLog(String reason) {
        return reason;
    }
}
