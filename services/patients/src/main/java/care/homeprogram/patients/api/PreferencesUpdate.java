package care.homeprogram.patients.api;

import care.homeprogram.commons.validation.IanaTimeZone;
import care.homeprogram.contract.QuietHours;
import care.homeprogram.contract.events.PatientEvents.Channels;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** PATCH /api/patients/me: every field optional; what is present replaces the stored value. */
public record PreferencesUpdate(
        @Email(message = "must be an email address") @Size(max = 254) String email,
        @Pattern(regexp = "\\+?[0-9 ()-]{6,30}", message = "must be a phone number") String phone,
        @IanaTimeZone String timeZone,
        @Pattern(regexp = "[a-z]{2}(-[A-Z]{2})?", message = "must be a language tag such as en or de-AT") String preferredLanguage,
        @Valid QuietHours quietHours,
        Channels channels) {
}
