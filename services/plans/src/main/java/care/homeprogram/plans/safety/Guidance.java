package care.homeprogram.plans.safety;

/**
 * The words the patient sees. Plain language; never "pain is progress"; movement, not bed rest (docs/clinical-rules.md rule 6).
 */
public final class Guidance {
    public static final String EMERGENCY = "Get emergency help now: call your local emergency number (112 in Europe, "
            + "911 in the US, 999 in the UK) or go to the nearest emergency department. Tell them you have back pain "
            + "with the symptoms you reported. Do not wait for your therapist and do not continue your exercises. "
            + "Your program is on hold and your therapist has been told.";
    public static final String SAME_DAY = "Please see a doctor today (your GP, an urgent care clinic, or call your "
            + "clinic). These symptoms need a check-up before you continue. Your therapist has been told. If you get "
            + "numbness around your genitals or buttocks, trouble passing urine, or weakness in both legs, get "
            + "emergency help at once.";
    public static final String NO_RED_FLAGS = "Thank you. Nothing you reported needs urgent care. Keep gently active "
            + "and follow your program. Answer these questions again whenever your symptoms change.";
    public static final String STOP = "Stop this exercise for now. %s Your therapist has been told and will adjust "
            + "your program. Keep moving gently in ways that do not bring this on, such as short walks. If you get "
            + "numbness around your genitals or buttocks, trouble passing urine, or weakness in both legs, get "
            + "emergency help at once.";
    public static final String RED = "Your pain was %d out of 10. This exercise is paused until your therapist "
            + "has looked at it; they have been told. Keep gently active with the rest of your program if it is "
            + "comfortable.";
    public static final String AMBER = "Your pain was %d out of 10. That is acceptable if it settles within 24 hours "
            + "and is back to your usual level tomorrow morning. We will ask you next time.";
    public static final String GREEN = "Well done. Your pain stayed at %d out of 10: keep going as planned.";
    public static final String RISE = " Your pain is higher than your usual level, so your therapist has been told.";
    /** After a correction that no longer pauses an item already paused: only a therapist resumes it. */
    public static final String STILL_PAUSED = " This exercise stays paused until your therapist has looked at it.";
    /** After a correction that reports nothing new about an item a therapist resumed after that same report. */
    public static final String ALREADY_REVIEWED = "Your therapist has already looked at what you reported in this "
            + "session and resumed this exercise. Stop and tell them if it happens again. If you get numbness around "
            + "your genitals or buttocks, trouble passing urine, or weakness in both legs, get emergency help at once.";

    private Guidance() {
    }

    static String why(Symptom symptom) {
        return switch (symptom) {
            case SHARP_PAIN -> "Sharp or catching pain is a sign to stop.";
            case PAIN_SPREADING_DOWN_LEG -> "Pain spreading further down your leg is a sign to stop.";
            case NEW_NUMBNESS_OR_WEAKNESS -> "New numbness, tingling or weakness is a sign to stop.";
            case PAIN_RISING_WITH_REPETITIONS -> "Pain that rises with each repetition is a sign to stop.";
        };
    }
}
