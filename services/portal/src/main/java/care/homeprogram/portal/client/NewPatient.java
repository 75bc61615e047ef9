package care.homeprogram.portal.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * POST /api/patients: the patient record and their login account in one. A therapist's patient joins the therapist's
 * care without {@code therapistIds}; an admin must name the care team.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewPatient(String username, String email, String firstName, String lastName, LocalDate birthDate,
        String timeZone, String phone, String password, Boolean temporaryPassword, List<UUID> therapistIds) {

    /** The same patient, in the care of this therapist (as an admin invites them). */
    public NewPatient inCareOf(UUID therapistId) {
        return new NewPatient(username, email, firstName, lastName, birthDate, timeZone, phone, password,
                temporaryPassword, List.of(therapistId));
    }
}
