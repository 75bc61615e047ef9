package care.homeprogram.commons.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How consumers wait out a failure that may pass (docs/events.md, "Delivery guarantees"). */
@ConfigMapping(prefix = "homeprogram.consumer")
public interface ConsumerConfig {
    /** The first pause after a failed attempt; each further failure doubles it. */
    @WithDefault("200ms")
    Duration retryInitialBackoff();

    /** The longest pause between two attempts: a database that comes back is used within this time. */
    @WithDefault("10s")
    Duration retryMaxBackoff();
}
