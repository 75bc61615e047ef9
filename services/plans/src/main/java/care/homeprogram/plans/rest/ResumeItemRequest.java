package care.homeprogram.plans.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** POST /api/plans/{id}/items/{itemId}/resume: why it is safe to continue. */
public record ResumeItemRequest(@NotBlank @Size(max = 500) String reason) {
}
