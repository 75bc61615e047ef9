package care.homeprogram.portal.client;

/** POST /api/plans/{id}/progression/dismiss: the week whose suggestion the therapist dismisses, and why. */
public record ProgressionDismissal(int week, String reason) {
}
