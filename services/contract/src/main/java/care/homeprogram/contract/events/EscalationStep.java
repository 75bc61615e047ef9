package care.homeprogram.contract.events;

/** The step an unacknowledged alert took (docs/clinical-rules.md rule 10), and so who is told. */
public enum EscalationStep {
    CARE_TEAM, ESCALATION_CONTACT, HIGH_REMINDER
}
