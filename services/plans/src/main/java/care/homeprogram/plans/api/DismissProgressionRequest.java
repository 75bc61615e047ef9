package care.homeprogram.plans.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** POST /api/plans/{id}/progression/dismiss: the program week whose suggestion the therapist dismisses, and why. */
public record DismissProgressionRequest(@NotNull @Min(1) @Max(52) Integer week,
        @NotBlank @Size(max = 500) String reason) {
}
