package care.homeprogram.notifications.config;

import care.homeprogram.notifications.domain.AdherenceLevel;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Non-adherence thresholds (the product's adherence policy, docs/clinical-rules.md rule 11: 3, 14 and 21 days without a logged session). */
@ConfigMapping(prefix = "homeprogram.adherence")
public interface AdherenceConfig {
    @WithDefault("P3D")
    Duration inactiveAfter();

    @WithDefault("P14D")
    Duration stalledAfter();

    @WithDefault("P21D")
    Duration droppedAfter();

    /** How often the singleton sweep runs; "off" disables it (tests call it themselves). */
    @WithDefault("15m")
    String sweepEvery();

    @WithDefault("30s")
    String sweepDelay();

    default AdherenceLevel.Thresholds thresholds() {
        return new AdherenceLevel.Thresholds(inactiveAfter(), stalledAfter(), droppedAfter());
    }
}
