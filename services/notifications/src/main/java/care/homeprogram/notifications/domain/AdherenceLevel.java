package care.homeprogram.notifications.domain;

import java.time.Duration;

/**
 * How long a patient has gone without logging a session on an active plan, in the steps the therapist hears
 * about (the product's adherence policy, docs/clinical-rules.md rule 11): 3 days → the patient is nudged and the therapist gets a LOW notice; 14 days → HIGH; 21 days
 * → the patient is marked dropped. The thresholds are configuration.
 */
public enum AdherenceLevel {
    ON_TRACK, INACTIVE, STALLED, DROPPED;

    public record Thresholds(Duration inactive, Duration stalled, Duration dropped) {
        public static final Thresholds DEFAULT = new Thresholds(Duration.ofDays(3), Duration.ofDays(14),
                Duration.ofDays(21));

        public Thresholds {
            if (inactive.compareTo(stalled) > 0 || stalled.compareTo(dropped) > 0) {
                throw new IllegalArgumentException("adherence thresholds must grow: " + inactive + ", " + stalled
                        + ", " + dropped);
            }
        }
    }

    /** The level reached after this long without a session. */
    public static AdherenceLevel after(Duration withoutSession, Thresholds thresholds) {
        if (withoutSession.compareTo(thresholds.dropped()) >= 0) {
            return DROPPED;
        }
        if (withoutSession.compareTo(thresholds.stalled()) >= 0) {
            return STALLED;
        }
        if (withoutSession.compareTo(thresholds.inactive()) >= 0) {
            return INACTIVE;
        }
        return ON_TRACK;
    }

    /** The reason code of docs/events.md for this level, for logs and the therapist's view. */
    public String reasonCode() {
        return switch (this) {
            case ON_TRACK -> null;
            case INACTIVE -> "NON_ADHERENCE_3_DAYS";
            case STALLED -> "NON_ADHERENCE_14_DAYS";
            case DROPPED -> "DROPPED_21_DAYS";
        };
    }
}
