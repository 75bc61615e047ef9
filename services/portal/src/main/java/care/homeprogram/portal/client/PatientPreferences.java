package care.homeprogram.portal.client;

import care.homeprogram.contract.QuietHours;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * PATCH /api/patients/me: what is present replaces the stored value (the time zone plans are scheduled in, the language
 * the patient reads in).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PatientPreferences(String timeZone, QuietHours quietHours, Channels channels, String preferredLanguage) {

    /** The reminder settings, leaving the language as it is. */
    public PatientPreferences(String timeZone, QuietHours quietHours, Channels channels) {
        this(timeZone, quietHours, channels, null);
    }

    /** Only the language. */
    public static PatientPreferences language(String preferredLanguage) {
        return new PatientPreferences(null, null, null, preferredLanguage);
    }
}
