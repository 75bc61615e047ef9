package care.homeprogram.plans.api;

import care.homeprogram.plans.domain.PlanItem;
import care.homeprogram.plans.safety.Decision;
import care.homeprogram.plans.safety.TrafficLight;
import java.util.List;
import java.util.UUID;

/** What the safety rules decided for a logged session, as the patient is shown it. */
public record SessionOutcome(UUID sessionId, Decision decision, List<String> reasons, String guidance,
        TrafficLight trafficLight, UUID itemId, PlanItem.Status itemStatus, boolean therapistAlerted,
        String followUpQuestion) {
}
