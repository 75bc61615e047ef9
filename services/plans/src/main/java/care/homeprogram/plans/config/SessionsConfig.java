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
}
