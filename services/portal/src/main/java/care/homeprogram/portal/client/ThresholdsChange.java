package care.homeprogram.portal.client;

/** PATCH /api/plans/{id} with only the plan's own pain thresholds: a new version, with the reason. */
public record ThresholdsChange(Plan.Thresholds safetyThresholds, String reason) {
}
