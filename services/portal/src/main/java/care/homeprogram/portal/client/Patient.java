package care.homeprogram.portal.client;

import care.homeprogram.contract.QuietHours;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A patient as the patient and their therapists see them (patient-service's PatientView). */
public record Patient(UUID id, String username, String firstName, String lastName, String email, String phone,
        LocalDate birthDate, String timeZone, String preferredLanguage, QuietHours quietHours, Channels channels,
        String status, List<UUID> therapistIds, Intake intake) {

    public String fullName() {
        return ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
    }

    /**
     * The intake screen's outcome; {@code screenedAt} is null while none was recorded. {@code screenedBy} is the
     * patient's own id when they answered it themself, else the therapist's.
     */
    public record Intake(List<String> flags, boolean requiresSignOff, OffsetDateTime screenedAt, UUID screenedBy) {
        public Intake {
            flags = flags == null ? List.of() : flags;
        }
    }
}
