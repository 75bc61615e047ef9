package care.homeprogram.portal.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/** POST /api/patients: the patient record and their login account in one. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewPatient(String username, String email, String firstName, String lastName, LocalDate birthDate,
        String timeZone, String phone, String password, Boolean temporaryPassword) {
}
