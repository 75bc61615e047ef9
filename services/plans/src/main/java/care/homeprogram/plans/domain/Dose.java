package care.homeprogram.plans.domain;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;
import java.util.List;

/**
 * How much of an item, how often: sets × reps with an optional hold, or a duration; times per day on the given
 * days of the week, for a number of weeks.
 */
public record Dose(
        @Min(1) @Max(10) Integer sets,
        @Min(1) @Max(50) Integer reps,
        @Min(1) @Max(120) Integer holdSeconds,
        @Min(10) @Max(7200) Integer durationSeconds,
        @NotNull @Min(1) @Max(6) Integer timesPerDay,
        @NotEmpty List<@NotNull DayOfWeek> daysOfWeek,
        @NotNull @Min(1) @Max(52) Integer weeks) {
}
