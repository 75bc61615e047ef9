package care.homeprogram.plans.safety;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Which escalation steps an open alert is due, from its severity, how long it has been open and how many steps it
 * has already taken. Each severity has a ladder of steps climbed in order, each once; the alert's escalation level
 * is the number of rungs climbed. Time counts from the first report: a repeat does not restart it. LOW alerts never
 * escalate.
 */
public record EscalationPolicy(Duration criticalCareTeamAfter, Duration criticalContactAfter,
        Duration highReminderAfter) {

    /** One rung: the step, and how long after the alert was raised it is due. */
    public record Rung(EscalationStep step, Duration after) {
    }

    public EscalationPolicy {
        requirePositive("critical-care-team-after", criticalCareTeamAfter);
        requirePositive("critical-contact-after", criticalContactAfter);
        requirePositive("high-reminder-after", highReminderAfter);
        // The contact is the second person, after the care team was told again; never before.
        if (criticalContactAfter.compareTo(criticalCareTeamAfter) < 0) {
            throw new IllegalArgumentException("homeprogram.escalation.critical-contact-after (" + criticalContactAfter
                    + ") must not be shorter than critical-care-team-after (" + criticalCareTeamAfter + ")");
        }
    }

    public List<Rung> ladder(Severity severity) {
        return switch (severity) {
            case CRITICAL -> List.of(new Rung(EscalationStep.CARE_TEAM, criticalCareTeamAfter),
                    new Rung(EscalationStep.ESCALATION_CONTACT, criticalContactAfter));
            case HIGH -> List.of(new Rung(EscalationStep.HIGH_REMINDER, highReminderAfter));
            case LOW -> List.of();
        };
    }

    /**
     * The steps due now, in order: the rungs above {@code level} whose time has come. Usually none or one; several
     * when the job could not run for a while (a CRITICAL alert first seen at 40 minutes takes both steps).
     *
     * @param age   how long ago the alert was raised
     * @param level how many steps the alert has already taken
     */
    public List<EscalationStep> dueSteps(Severity severity, Duration age, int level) {
        Objects.requireNonNull(age, "age");
        if (level < 0) {
            throw new IllegalArgumentException("level must not be negative: " + level);
        }
        return ladder(severity).stream().skip(level).takeWhile(rung -> age.compareTo(rung.after()) >= 0)
                .map(Rung::step).toList();
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("homeprogram.escalation." + name + " must be positive: " + value);
        }
    }
}
