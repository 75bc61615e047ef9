package care.homeprogram.plans.safety;

/** An alert the rules ask for: a stable reason code for machines, a sentence for the therapist. */
public record AlertSpec(Severity severity, String reasonCode, String reason) {
    public static final String RED_FLAG_EMERGENCY = "RED_FLAG_EMERGENCY";
    public static final String RED_FLAG_SAME_DAY = "RED_FLAG_SAME_DAY";
    public static final String STOP_RULE = "STOP_RULE";
    public static final String PAIN_RED = "PAIN_RED";
    public static final String PAIN_RISE_OVER_BASELINE = "PAIN_RISE_OVER_BASELINE";
    public static final String PAIN_AMBER_NOT_SETTLED = "PAIN_AMBER_NOT_SETTLED";
}
