package care.homeprogram.portal.client;

import java.util.List;
import java.util.UUID;

/**
 * What the safety rules decided for a logged session or a check-in: CONTINUE, ITEM_PAUSED, SEEK_CARE_TODAY or
 * SEEK_CARE_NOW, with the words to show the patient.
 */
public record SafetyOutcome(String decision, List<String> reasons, String guidance, String trafficLight, UUID itemId,
        String itemStatus, boolean therapistAlerted, String followUpQuestion, List<UUID> plansOnHold) {

    public SafetyOutcome {
        reasons = reasons == null ? List.of() : reasons;
        plansOnHold = plansOnHold == null ? List.of() : plansOnHold;
    }
}
