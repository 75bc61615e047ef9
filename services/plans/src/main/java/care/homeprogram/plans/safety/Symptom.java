package care.homeprogram.plans.safety;

/** Symptoms a patient can report with a session; each one stops the exercise (CLINICAL.md, stop rules). */
public enum Symptom {
    SHARP_PAIN, PAIN_SPREADING_DOWN_LEG, NEW_NUMBNESS_OR_WEAKNESS
}
