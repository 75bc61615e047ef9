package care.homeprogram.plans.safety;

/** How urgently a therapist must look at an alert. */
public enum Severity {
    LOW, HIGH, CRITICAL
}
