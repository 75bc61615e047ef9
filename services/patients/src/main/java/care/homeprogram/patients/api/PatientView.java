package care.homeprogram.patients.api;

import care.homeprogram.contract.QuietHours;
import care.homeprogram.patients.domain.Patient;
import care.homeprogram.contract.events.PatientEvents.Channels;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A patient as the patient and their therapists see them, with the intake screen's outcome. */
public record PatientView(UUID id, String username, String firstName, String lastName, String email, String phone,
        LocalDate birthDate, String timeZone, String preferredLanguage, QuietHours quietHours, Channels channels,
        String status, List<UUID> therapistIds, IntakeView intake) implements PatientRepresentation {

    public static PatientView of(Patient p) {
        return new PatientView(p.id, p.username, p.firstName, p.lastName, p.email, p.phone, p.birthDate, p.timeZone,
                p.preferredLanguage, new QuietHours(p.quietStart, p.quietEnd),
                new Channels(p.emailEnabled, p.inAppEnabled), p.status.name(),
                p.therapists.stream().map(t -> t.id).sorted().toList(), IntakeView.of(p));
    }
}
