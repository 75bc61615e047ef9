package care.homeprogram.patients.api;

import care.homeprogram.contract.QuietHours;
import care.homeprogram.patients.domain.Therapist;
import care.homeprogram.contract.events.PatientEvents.Channels;
import java.util.UUID;

public record TherapistView(UUID id, String username, String firstName, String lastName, String email,
        String timeZone, QuietHours quietHours, Channels channels, String status) {
    public static TherapistView of(Therapist t) {
        return new TherapistView(t.id, t.username, t.firstName, t.lastName, t.email, t.timeZone,
                new QuietHours(t.quietStart, t.quietEnd), new Channels(t.emailEnabled, t.inAppEnabled),
                t.status.name());
    }
}
