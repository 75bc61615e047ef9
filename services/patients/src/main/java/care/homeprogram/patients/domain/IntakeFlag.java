package care.homeprogram.patients.domain;

/**
 * Intake flags that make a therapist's sign-off necessary before a plan activates (docs/clinical-rules.md rule 3,
 * from NICE NG59's red flags for serious pathology): the values of docs/events.md.
 */
public enum IntakeFlag {
    ONSET_UNDER_20,
    ONSET_OVER_50,
    HISTORY_OF_CANCER,
    STEROID_USE,
    TRAUMA,
    IMMUNOSUPPRESSION,
    IV_DRUG_USE,
    RECENT_BACTERIAL_INFECTION,
    OSTEOPOROSIS,
    NO_IMPROVEMENT_AFTER_A_MONTH
}
