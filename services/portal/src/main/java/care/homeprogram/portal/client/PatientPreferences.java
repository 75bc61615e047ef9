package care.homeprogram.portal.client;

import care.homeprogram.contract.QuietHours;
import com.fasterxml.jackson.annotation.JsonInclude;

/** PATCH /api/patients/me: what is present replaces the stored value (the time zone plans are scheduled in). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PatientPreferences(String timeZone, QuietHours quietHours, Channels channels) {
}
