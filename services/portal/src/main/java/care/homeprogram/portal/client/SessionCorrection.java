package care.homeprogram.portal.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** PUT /api/plans/{id}/sessions/{sessionId}: the patient's corrected values and why they corrected them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionCorrection(Integer painBefore, Integer painAfter, List<String> symptoms, Integer setsDone,
        Integer repsDone, String note, String reason) {
}
