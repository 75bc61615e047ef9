package care.homeprogram.plans.safety;

/**
 * The words the patient sees, as keys of the message catalogue ({@link SafetyMessages}, one file per language). Plain
 * language; never "pain is progress"; movement, not bed rest (docs/clinical-rules.md rule 6).
 */
public final class Guidance {
    public static final String EMERGENCY = "emergency";
    public static final String SAME_DAY = "same-day";
    public static final String NO_RED_FLAGS = "no-red-flags";
    /** {0}: the signs that stopped the exercise ({@link #why}). */
    public static final String STOP = "stop";
    /** {0}: the pain reported, 0–10. */
    public static final String RED = "pain.red";
    public static final String AMBER = "pain.amber";
    public static final String GREEN = "pain.green";
    public static final String RISE = "pain.rise";
    /** After a correction that no longer pauses an item already paused: only a therapist resumes it. */
    public static final String STILL_PAUSED = "still-paused";
    /** After a correction that reports nothing new about an item a therapist resumed after that same report. */
    public static final String ALREADY_REVIEWED = "already-reviewed";
    /** Asked on the next session after an amber one. */
    public static final String FOLLOW_UP = "follow-up";

    private Guidance() {
    }

    static GuidanceText why(Symptom symptom) {
        return GuidanceText.of(switch (symptom) {
            case SHARP_PAIN -> "stop.sharp-pain";
            case PAIN_SPREADING_DOWN_LEG -> "stop.pain-spreading-down-leg";
            case NEW_NUMBNESS_OR_WEAKNESS -> "stop.new-numbness-or-weakness";
            case PAIN_RISING_WITH_REPETITIONS -> "stop.pain-rising-with-repetitions";
        });
    }
}
