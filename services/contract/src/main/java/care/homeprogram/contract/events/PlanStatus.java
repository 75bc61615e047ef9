package care.homeprogram.contract.events;

/** A plan's status as it travels in {@code PlanAssigned} and {@code PlanChanged}: reminders run only while ACTIVE. */
public enum PlanStatus {
    DRAFT, ACTIVE, ON_HOLD, COMPLETED, REVOKED
}
