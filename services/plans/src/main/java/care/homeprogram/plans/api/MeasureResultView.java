package care.homeprogram.plans.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A submitted response and its scores. Bands and pathway notes are shown to the care team only. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MeasureResultView(UUID responseId, UUID scheduleId, String instrument, String occasion,
        OffsetDateTime answeredAt, List<ScoreValue> scores) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ScoreValue(String id, String title, BigDecimal value, String band, String bandNote) {
    }
}
