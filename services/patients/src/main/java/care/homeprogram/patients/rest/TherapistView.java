package care.homeprogram.patients.rest;

import care.homeprogram.patients.domain.Therapist;
import java.util.UUID;

public record TherapistView(UUID id, String username, String firstName, String lastName, String email,
        String timeZone, String status) {
    public static TherapistView of(Therapist t) {
        return new TherapistView(t.id, t.username, t.firstName, t.lastName, t.email, t.timeZone, t.status.name());
    }
}
