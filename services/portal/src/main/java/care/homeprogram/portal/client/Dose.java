package care.homeprogram.portal.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.DayOfWeek;
import java.util.List;

/** How much of an item, how often (plan-service's Dose): sets × reps with a hold, or a duration. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Dose(Integer sets, Integer reps, Integer holdSeconds, Integer durationSeconds, Integer timesPerDay,
        List<DayOfWeek> daysOfWeek, Integer weeks) {
}
