package care.homeprogram.plans.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.ZoneId;

/**
 * Remote therapeutic monitoring (docs/rtm.md). Environment: HOMEPROGRAM_RTM_ZONE, HOMEPROGRAM_RTM_CODE_TABLE.
 */
@ConfigMapping(prefix = "homeprogram.rtm")
public interface RtmConfig {
    /** The clinic's zone: which calendar day a session or a minute belongs to, and where a month starts. */
    @WithDefault("UTC")
    ZoneId zone();

    /**
     * The code table: a file of that path if there is one (a clinic's own, e.g. mounted from a ConfigMap), else the
     * resource of that name shipped with the service.
     */
    @WithDefault("rtm/cpt-2026.json")
    String codeTable();
}
