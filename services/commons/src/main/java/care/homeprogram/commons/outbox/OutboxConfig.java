package care.homeprogram.commons.outbox;

import io.smallrye.config.ConfigMapping;
import java.time.Duration;

/**
 * How the outbox relay retries and when it gives up on a row (docs/events.md#delivery-guarantees). The defaults are in
 * commons' {@code META-INF/microprofile-config.properties}; environment: HOMEPROGRAM_OUTBOX_MAX_ATTEMPTS, …
 */
@ConfigMapping(prefix = "homeprogram.outbox")
public interface OutboxConfig {
    /** How often each replica looks for rows to publish (a scheduler expression such as 0.2s). */
    String pollInterval();

    /** How long after start the relay begins (a scheduler expression such as 3s). */
    String startDelay();

    /** A row the broker refused this many times is parked: later rows go on, an admin may retry it. */
    int maxAttempts();

    /** The wait after a row's first failed attempt; it doubles with each further failure, up to maxRetryAfter. */
    Duration firstRetryAfter();

    Duration maxRetryAfter();

    /** How long the relay waits for the broker's acknowledgement of one row before counting the attempt as failed. */
    Duration sendTimeout();

    /**
     * The largest payload (UTF-8 bytes) {@link Outbox#append} accepts. It must stay well below the producer's
     * max.request.size and the broker's message.max.bytes (1 MB by default), or a row could be written that can
     * never be published.
     */
    int maxPayloadBytes();

    /** How often the pending and parked counts behind the metrics and the readiness data are refreshed. */
    String countEvery();

    /** The wait before attempt {@code attempts + 1}, after {@code attempts} failed ones (at least 1). */
    default Duration retryAfter(int attempts) {
        Duration wait = firstRetryAfter().multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return wait.compareTo(maxRetryAfter()) > 0 ? maxRetryAfter() : wait;
    }
}
