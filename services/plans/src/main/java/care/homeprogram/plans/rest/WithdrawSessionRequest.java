package care.homeprogram.plans.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** POST /api/plans/{id}/sessions/{sessionId}/withdraw: why the session should not count. */
public record WithdrawSessionRequest(@NotBlank @Size(max = 500) String reason) {
}
