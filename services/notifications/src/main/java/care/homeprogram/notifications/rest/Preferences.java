package care.homeprogram.notifications.rest;

import care.homeprogram.commons.validation.IanaTimeZone;
import care.homeprogram.commons.validation.QuietHours;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * A person's notification preferences (docs/api-contract.md): their IANA time zone, their quiet hours in local time
 * (start equal to end means none) and the channels they want.
 */
public record Preferences(@NotNull @IanaTimeZone String timeZone, @NotNull @Valid QuietHours quietHours,
        @NotNull @Valid Channels channels) {

    public record Channels(@NotNull Boolean email, @NotNull Boolean inApp) {
    }
}
