package care.homeprogram.plans.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * An outcome measure: GET /api/instruments (without the Questionnaire) and GET /api/instruments/{key} (with it, as
 * FHIR R4 JSON, for a page to render). {@code licence}: FREE, TERMS (enabled once an admin accepts the owner's
 * terms) or BRING_YOUR_OWN (imported by an admin under the clinic's licence).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InstrumentView(String key, String title, String licence, boolean shipped, boolean enabled,
        String termsVersion, String questionnaireUrl, List<ScoreInfo> scores, List<String> sources,
        JsonNode questionnaire) {

    /** A score the instrument yields, its range and the change that counts. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ScoreInfo(String id, String title, Double min, Double max, String unit,
            Double minimalDetectableChange, Double minimalImportantChange, String changeSource) {
    }
}
