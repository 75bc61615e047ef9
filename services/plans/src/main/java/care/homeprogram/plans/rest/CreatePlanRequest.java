package care.homeprogram.plans.rest;

import care.homeprogram.plans.domain.Dose;
import care.homeprogram.plans.domain.Plan;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** POST /api/plans: from a template, or from library items with their dose. */
public record CreatePlanRequest(
        @NotNull UUID patientId,
        UUID templateId,
        @Size(min = 1, max = 12) List<@Valid @NotNull NewItem> items,
        Plan.Status status) {

    public record NewItem(@NotNull UUID exerciseId, @Min(1) @Max(52) Integer startWeek, @NotNull @Valid Dose dose) {
    }
}
