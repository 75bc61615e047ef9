package care.homeprogram.plans.api;

import care.homeprogram.plans.domain.Plan;
import care.homeprogram.plans.safety.Thresholds;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * PATCH /api/plans/{id}: any of status, items (the full new list), thresholds and {@code acute} (the therapist marks
 * or ends the acute phase); every change makes a new version, so a reason is required.
 */
public record UpdatePlanRequest(
        Plan.Status status,
        @Size(min = 1, max = 12) List<CreatePlanRequest.@Valid @NotNull NewItem> items,
        Thresholds safetyThresholds,
        Boolean intakeSignOff,
        @NotBlank @Size(max = 500) String reason,
        Boolean acute) {
}
