package care.homeprogram.plans.safety;

/** A step an unacknowledged alert takes, each at most once (docs/clinical-rules.md, "Repeats and escalation"). */
public enum EscalationStep {
    /** CRITICAL: every therapist of the patient's current care team is told again. */
    CARE_TEAM,
    /** CRITICAL: the clinic's escalation contact (an email address and/or an admin role) is told. */
    ESCALATION_CONTACT,
    /** HIGH: the care team is reminded. */
    HIGH_REMINDER
}
