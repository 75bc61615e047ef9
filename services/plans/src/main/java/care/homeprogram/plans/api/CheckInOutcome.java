package care.homeprogram.plans.api;

import care.homeprogram.plans.safety.Decision;
import java.util.List;
import java.util.UUID;

/** The guidance to show after a check-in; SEEK_CARE_NOW is shown at once, whatever the time or quiet hours. */
public record CheckInOutcome(UUID checkInId, Decision decision, List<String> reasons, String guidance,
        List<UUID> plansOnHold, boolean therapistAlerted) {
}
