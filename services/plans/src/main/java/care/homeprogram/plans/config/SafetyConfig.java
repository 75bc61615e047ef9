package care.homeprogram.plans.config;

import care.homeprogram.plans.safety.Thresholds;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Clinic-wide defaults of the safety rules (docs/clinical-rules.md); a plan may override the thresholds.
 * Environment: HOMEPROGRAM_SAFETY_GREEN_MAX, HOMEPROGRAM_SAFETY_AMBER_MAX, HOMEPROGRAM_SAFETY_BASELINE_RISE_ALERT, …
 */
@ConfigMapping(prefix = "homeprogram.safety")
public interface SafetyConfig {
    /** Highest pain (0–10) that is green: continue. */
    @WithDefault("3")
    int greenMax();

    /** Highest pain that is amber: continue if it settles within 24 h. Above is red: pause and alert. */
    @WithDefault("5")
    int amberMax();

    /** A rise of this many points over the patient's baseline alerts the therapist. */
    @WithDefault("2")
    int baselineRiseAlert();

    /** Adherence (0–1) a week needs, with only green sessions, before progression is suggested. */
    @WithDefault("0.8")
    double progressionMinAdherence();

    /** How far back a session may be logged. */
    @WithDefault("14")
    int sessionMaxAgeDays();

    /** What a plan or a therapist's own exercise may prescribe: the home-care guide's rules as behaviour. */
    ContentRulesConfig content();

    /** The therapist-set daily drink target and the guide's suggestion. */
    HydrationConfig hydration();

    default Thresholds thresholds() {
        return new Thresholds(greenMax(), amberMax(), baselineRiseAlert());
    }

    /**
     * The thresholds the rules apply to a plan: its own when the therapist set them, else the clinic's. The one place
     * this is decided, so the session rules and the plan shown to the portal never disagree.
     */
    default Thresholds thresholdsFor(Thresholds planOwn) {
        return planOwn != null ? planOwn : thresholds();
    }
}
