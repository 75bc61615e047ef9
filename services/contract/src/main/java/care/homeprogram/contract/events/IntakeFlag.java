package care.homeprogram.contract.events;

/**
 * Intake flags that make a therapist's sign-off necessary before a plan activates (docs/clinical-rules.md rule 3,
 * from NICE NG59's red flags for serious pathology). patient-service's screening raises them and stores them; they
 * travel as they are in {@code IntakeScreened} (docs/events.md). Only the flags leave patient-service, never the
 * answers that raised them.
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
    NO_IMPROVEMENT_AFTER_A_MONTH,
    /**
     * A doctor limits how much the patient may drink (e.g. heart or kidney failure): plan-service then never suggests
     * the guide's 3–4 L a day, and the therapist reviews the program before it starts.
     */
    FLUID_RESTRICTION,
    /** A doctor limits the patient's salt: the guide's electrolyte drinks need the same review. */
    SALT_RESTRICTION
}
