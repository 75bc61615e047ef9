package care.homeprogram.plans.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** POST /api/measures/plans/{id}/schedules: when the patient is asked (at least one of the three). */
public record AttachMeasureRequest(@NotBlank @Size(max = 40) String instrument, Boolean atIntake,
        @Min(1) @Max(52) Integer everyWeeks, Boolean atDischarge) {
}
