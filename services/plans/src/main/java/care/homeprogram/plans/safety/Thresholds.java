package care.homeprogram.plans.safety;

/**
 * The numbers the session rules use. Defaults (docs/clinical-rules.md rule 5): 0–3 green, 4–5 amber, 6+ red; a rise of 2 or more over
 * the patient's baseline alerts. Configured in {@code homeprogram.safety.*} and overridable per plan.
 */
public record Thresholds(int greenMax, int amberMax, int baselineRiseAlert) {
    public static final Thresholds DEFAULT = new Thresholds(3, 5, 2);

    public Thresholds {
        if (greenMax < 0 || amberMax <= greenMax || amberMax >= 10 || baselineRiseAlert < 1 || baselineRiseAlert > 10) {
            throw new IllegalArgumentException("thresholds must satisfy 0 <= greenMax < amberMax < 10 and "
                    + "1 <= baselineRiseAlert <= 10, got " + greenMax + "/" + amberMax + "/" + baselineRiseAlert);
        }
    }
}
