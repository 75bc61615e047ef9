package care.homeprogram.portal.client;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** plan-service's outcome measures on a plan ({@code /api/measures}, docs/api.md "Outcome measures"). */
public final class Measure {
    private Measure() {
    }

    /** A measure attached to a plan: when the patient is asked. */
    public record Schedule(UUID id, UUID planId, String instrument, String title, boolean atIntake,
            Integer everyWeeks, boolean atDischarge, OffsetDateTime createdAt) {
    }

    /** {@code POST /api/measures/plans/{id}/schedules}. */
    public record Attach(String instrument, Boolean atIntake, Integer everyWeeks, Boolean atDischarge) {
    }

    /** A questionnaire the patient is asked to answer now. */
    public record Due(UUID scheduleId, UUID planId, String instrument, String title, String occasion,
            LocalDate dueFrom) {
    }

    /** {@code POST /api/measures/schedules/{id}/responses}: answers by linkId (number, text or answer code). */
    public record Answers(Map<String, Object> answers) {
    }

    /** The answers recorded, with their scores. */
    public record Result(UUID responseId, UUID scheduleId, String instrument, String occasion,
            OffsetDateTime answeredAt, List<ScoreValue> scores) {
        public Result {
            scores = scores == null ? List.of() : scores;
        }
    }

    public record ScoreValue(String id, String title, BigDecimal value, String band, String bandNote) {
    }

    /** {@code GET /api/measures/patients/{id}/scores}: each score's points over time. */
    public record History(UUID patientId, List<InstrumentScores> instruments) {
        public History {
            instruments = instruments == null ? List.of() : instruments;
        }
    }

    public record InstrumentScores(String instrument, String title, List<Series> scores) {
        public InstrumentScores {
            scores = scores == null ? List.of() : scores;
        }
    }

    public record Series(String score, String title, String unit, Double minimalDetectableChange,
            Double minimalImportantChange, String changeSource, List<Point> points, BigDecimal change,
            Boolean changeReachesThreshold, String latestBand, String pathwayNote, String pathwaySource) {
        public Series {
            points = points == null ? List.of() : points;
        }
    }

    public record Point(UUID responseId, UUID planId, String occasion, OffsetDateTime answeredAt, BigDecimal value,
            String band) {
    }
}
