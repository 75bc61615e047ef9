package care.homeprogram.plans.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** POST /api/rtm/patients/{id}/timer/stop: whether the timed work included a real-time interactive communication. */
public record StopTimerRequest(@NotNull Boolean interactive, @Size(max = 500) String note) {
}
