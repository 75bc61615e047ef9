package care.homeprogram.plans.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How long after logging a session the patient may still correct or withdraw it (docs/clinical-rules.md, "Correcting
 * a session"). Environment: HOMEPROGRAM_SESSIONS_CORRECTION_WINDOW.
 */
@ConfigMapping(prefix = "homeprogram.sessions")
public interface SessionsConfig {
    /** Counted from when the session was logged (not from when it was performed). */
    @WithDefault("PT24H")
    Duration correctionWindow();

    /**
     * How long plan-service remembers a session log's Idempotency-Key and the outcome it answered (at least 7 days:
     * a phone may stay offline that long). Environment: HOMEPROGRAM_SESSIONS_IDEMPOTENCY_RETENTION.
     */
    @WithDefault("P7D")
    Duration idempotencyRetention();
}
