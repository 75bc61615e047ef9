package care.homeprogram.plans.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * When a plan without sessions becomes an alert for the care team (docs/clinical-rules.md, "Non-adherence"). The
 * defaults are the product's adherence policy: 3, 14 and 21 days. Environment: HOMEPROGRAM_ADHERENCE_INACTIVE_AFTER, …
 */
@ConfigMapping(prefix = "homeprogram.adherence")
public interface AdherenceConfig {
    /** LOW {@code NON_ADHERENCE_3_DAYS} after this long without a session. */
    @WithDefault("P3D")
    Duration inactiveAfter();

    /** HIGH {@code NON_ADHERENCE_14_DAYS} after this long without a session. */
    @WithDefault("P14D")
    Duration stalledAfter();

    /** HIGH {@code DROPPED_21_DAYS} after this long without a session. */
    @WithDefault("P21D")
    Duration droppedAfter();

    /** How often the job looks at the active plans; "off" disables it (tests run it themselves). */
    @WithDefault("15m")
    String interval();
}
