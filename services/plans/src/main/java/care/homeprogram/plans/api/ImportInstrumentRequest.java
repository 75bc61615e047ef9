package care.homeprogram.plans.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * POST /api/instruments: a Questionnaire the clinic is licensed to use (FHIR R4 JSON) and how to score it: the name
 * of a shipped scoring-rules document ("odi") or a scoring-rules document itself.
 */
public record ImportInstrumentRequest(@NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,39}") String key,
        @NotNull JsonNode questionnaire, @NotNull JsonNode scoring) {
}
