package care.homeprogram.plans.api;

import care.homeprogram.plans.domain.Dose;
import care.homeprogram.plans.domain.Exercise;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * PUT /api/templates/{id}: the owner's new name, description, sharing and items (the whole list, in order); checked
 * as a plan built from it would be (400 {@code plan-content}).
 */
public record TemplateRequest(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 2000) String description,
        Boolean sharedWithClinic,
        Boolean acute,
        @NotNull @Size(min = 1, max = 12) List<@Valid @NotNull Item> items) {

    public record Item(@NotNull UUID exerciseId, @Min(1) @Max(52) Integer startWeek, @NotNull @Valid Dose dose,
            @Size(max = 13) List<Exercise.@NotNull BodyRegion> targetRegions) {
    }
}
