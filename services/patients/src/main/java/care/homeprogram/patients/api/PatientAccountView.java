package care.homeprogram.patients.api;

import care.homeprogram.patients.domain.Patient;
import java.util.UUID;

/** What an admin may see of a patient: the account, nothing clinical and no contact details beyond the login. */
public record PatientAccountView(UUID id, String username, String firstName, String lastName, String status) implements PatientRepresentation {
    public static PatientAccountView of(Patient p) {
        return new PatientAccountView(p.id, p.username, p.firstName, p.lastName, p.status.name());
    }
}
