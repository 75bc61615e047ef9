package care.homeprogram.plans.safety;

/**
 * Symptoms a patient can report with a session; each one stops the exercise (docs/clinical-rules.md, rule 4).
 * {@code PAIN_RISING_WITH_REPETITIONS}: the pain climbs with each repetition, even while the score is still low.
 */
public enum Symptom {
    SHARP_PAIN, PAIN_SPREADING_DOWN_LEG, NEW_NUMBNESS_OR_WEAKNESS, PAIN_RISING_WITH_REPETITIONS
}
