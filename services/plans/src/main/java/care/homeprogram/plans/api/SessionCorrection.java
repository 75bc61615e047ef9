package care.homeprogram.plans.api;

import care.homeprogram.plans.safety.Symptom;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * PUT /api/plans/{id}/sessions/{sessionId}: the session's values as they should have been logged, and why. The
 * values replace the logged ones (a value left out is cleared; pain scores are required). The item, the time and
 * the answer to an amber follow-up are not corrected: a session logged for the wrong item or day is withdrawn and
 * logged again.
 */
public record SessionCorrection(
        @Min(0) @Max(50) Integer setsDone,
        @Min(0) @Max(500) Integer repsDone,
        @NotNull @Min(value = 0, message = "must be between 0 and 10") @Max(value = 10, message = "must be between 0 and 10") Integer painBefore,
        @NotNull @Min(value = 0, message = "must be between 0 and 10") @Max(value = 10, message = "must be between 0 and 10") Integer painAfter,
        @Size(max = 4) List<@NotNull Symptom> symptoms,
        @Size(max = 2000) String note,
        @NotBlank @Size(max = 500) String reason) {
}
