package care.homeprogram.plans.api;

import care.homeprogram.plans.safety.RedFlag;
import jakarta.validation.constraints.NotNull;
import java.util.Map;

/** POST /api/check-ins: the red-flag questionnaire; a missing answer counts as no. */
public record CheckInRequest(@NotNull Map<RedFlag, Boolean> answers) {
}
