package care.homeprogram.plans.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * POST /api/measures/schedules/{id}/responses: answers by the Questionnaire item's linkId: a number, text, true/false,
 * or an answer option's code.
 */
public record SubmitAnswersRequest(@NotNull @Size(min = 1, max = 200) Map<String, JsonNode> answers) {
}
