package care.homeprogram.contract;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A daily window in local time, e.g. 21:00–08:00, during which nothing but emergencies is sent. */
public record QuietHours(
        @NotNull @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d", message = "must be a time such as 21:00") String start,
        @NotNull @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d", message = "must be a time such as 08:00") String end) {

    public static final QuietHours DEFAULT = new QuietHours("21:00", "08:00");
}
