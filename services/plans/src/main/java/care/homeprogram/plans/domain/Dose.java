package care.homeprogram.plans.domain;

import care.homeprogram.commons.validation.Distinct;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.util.List;

/**
 * How much of an item, how often: sets × reps with an optional hold, or a duration; times per day on the given
 * days of the week, for a number of weeks. The days travel in every plan event (docs/events.md), so their number is
 * bounded here, where they enter: at most the seven days of a week, each once.
 */
public record Dose(
        @Min(1) @Max(10) Integer sets,
        @Min(1) @Max(50) Integer reps,
        @Min(1) @Max(120) Integer holdSeconds,
        @Min(10) @Max(7200) Integer durationSeconds,
        @NotNull @Min(1) @Max(6) Integer timesPerDay,
        @NotEmpty @Size(max = 7, message = "must name at most the 7 days of a week")
        @Distinct(message = "must name each day at most once") List<@NotNull DayOfWeek> daysOfWeek,
        @NotNull @Min(1) @Max(52) Integer weeks) {
}
