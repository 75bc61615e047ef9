package care.homeprogram.patients.api;

import care.homeprogram.commons.validation.IanaTimeZone;
import care.homeprogram.contract.QuietHours;
import care.homeprogram.contract.events.PatientEvents.Channels;
import jakarta.validation.Valid;

/**
 * PATCH /api/therapists/me: a therapist's own notification preferences; every field optional, what is present
 * replaces the stored value. patient-service owns them and announces them; notification-service only projects them.
 */
public record TherapistPreferencesUpdate(@IanaTimeZone String timeZone, @Valid QuietHours quietHours,
        Channels channels) {
}
