package care.homeprogram.portal.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * An outcome-measure instrument as plan-service describes it ({@code GET /api/instruments}): its licence state, its
 * scores with their minimal detectable and important change, and (for one instrument) the FHIR R4 Questionnaire the
 * portal renders as a form.
 */
public record Instrument(String key, String title, String licence, boolean shipped, boolean enabled,
        String termsVersion, String questionnaireUrl, List<Score> scores, List<String> sources,
        JsonNode questionnaire) {

    public Instrument {
        scores = scores == null ? List.of() : scores;
        sources = sources == null ? List.of() : sources;
    }

    /** Shipped with terms an admin accepts on screen before it can be used (STarT Back). */
    public boolean needsTerms() {
        return "TERMS".equals(licence);
    }

    public record Score(String id, String title, Double min, Double max, String unit, Double minimalDetectableChange,
            Double minimalImportantChange, String changeSource) {
    }

    /** {@code GET /api/instruments/{key}/terms}. */
    public record Terms(String key, String termsVersion, String text, boolean enabled, java.util.UUID acceptedBy,
            java.time.OffsetDateTime acceptedAt) {
    }

    /** {@code POST /api/instruments/{key}/enable}: the admin accepts the terms version shown. */
    public record Acceptance(Boolean acceptTerms, String termsVersion) {
    }

    /** {@code POST /api/instruments}: a Questionnaire the clinic is licensed to use, with its scoring. */
    public record Import(String key, JsonNode questionnaire, JsonNode scoring) {
    }
}
