package care.homeprogram.contract.events;

/** How urgent an alert is: CRITICAL is delivered at once, whatever the quiet hours. */
public enum AlertSeverity {
    LOW, HIGH, CRITICAL
}
