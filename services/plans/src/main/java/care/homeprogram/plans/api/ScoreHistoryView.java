package care.homeprogram.plans.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * GET /api/measures/patients/{id}/scores: each score of each instrument over time, oldest first, with the change from
 * the first to the latest and whether it reaches the instrument's minimal change. {@code latestBand} and
 * {@code pathwayNote} (e.g. the STarT Back risk group's NICE NG59 note) are information for the therapist, shown to
 * the care team only; nothing is decided from them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ScoreHistoryView(UUID patientId, List<InstrumentScores> instruments) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record InstrumentScores(String instrument, String title, List<ScoreSeries> scores) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ScoreSeries(String score, String title, String unit, Double minimalDetectableChange,
            Double minimalImportantChange, String changeSource, List<Point> points, BigDecimal change,
            Boolean changeReachesThreshold, String latestBand, String pathwayNote, String pathwaySource) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Point(UUID responseId, UUID planId, String occasion, OffsetDateTime answeredAt, BigDecimal value,
            String band) {
    }
}
