package care.homeprogram.contract.events;

/** Whether a person's account may be reached: a disabled one stops every reminder and unsent email. */
public enum ContactStatus {
    ACTIVE, DISABLED
}
