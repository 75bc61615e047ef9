package care.homeprogram.plans.config;

import care.homeprogram.plans.safety.EscalationPolicy;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * When unacknowledged alerts escalate, and to whom (docs/clinical-rules.md, "Repeats and escalation"). One clinic
 * per deployment, so these are the clinic's settings. Environment: HOMEPROGRAM_ESCALATION_CRITICAL_CARE_TEAM_AFTER,
 * HOMEPROGRAM_ESCALATION_CONTACT_EMAIL, …
 */
@ConfigMapping(prefix = "homeprogram.escalation")
public interface EscalationConfig {
    /** A CRITICAL alert not acknowledged this long after it was raised is sent to the care team again. */
    @WithDefault("15M")
    Duration criticalCareTeamAfter();

    /** A CRITICAL alert not acknowledged this long after it was raised goes to the escalation contact. */
    @WithDefault("30M")
    Duration criticalContactAfter();

    /** A HIGH alert not acknowledged this long after it was raised is sent to the care team again. */
    @WithDefault("24H")
    Duration highReminderAfter();

    /**
     * The clinic's escalation mailbox. None (the production default) means the contact step goes to the accounts
     * with {@link #contactAdminRole()} only; local and test runs use a demo address.
     */
    Optional<String> contactEmail();

    /** The role whose accounts are told at the contact step, whatever the email. */
    @WithDefault("admin")
    String contactAdminRole();

    /** How often the job looks for alerts due a step; "off" disables it (tests run it themselves). */
    @WithDefault("30s")
    String interval();

    default EscalationPolicy policy() {
        return new EscalationPolicy(criticalCareTeamAfter(), criticalContactAfter(), highReminderAfter());
    }
}
