package care.homeprogram.plans.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** POST /api/rtm/patients/{id}/time: management time entered by hand; the note says what was done. */
public record ManualTimeRequest(@NotNull LocalDate date, @NotNull @Min(1) @Max(240) Integer minutes,
        @NotNull Boolean interactive, @NotBlank @Size(max = 500) String note) {
}
