package care.homeprogram.plans.api;

import care.homeprogram.plans.safety.Symptom;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * POST /api/plans/{id}/sessions. {@code settledSinceLastSession} answers the follow-up question after an amber
 * session: did yesterday's pain settle within 24 hours?
 */
public record LogSessionRequest(
        @NotNull UUID itemId,
        @NotNull OffsetDateTime performedAt,
        @Min(0) @Max(50) Integer setsDone,
        @Min(0) @Max(500) Integer repsDone,
        @NotNull @Min(value = 0, message = "must be between 0 and 10") @Max(value = 10, message = "must be between 0 and 10") Integer painBefore,
        @NotNull @Min(value = 0, message = "must be between 0 and 10") @Max(value = 10, message = "must be between 0 and 10") Integer painAfter,
        @Size(max = 4) List<@NotNull Symptom> symptoms,
        @Size(max = 2000) String note,
        Boolean settledSinceLastSession) {
}
