package care.homeprogram.plans.client;

import java.time.LocalDate;
import java.util.UUID;

/** The demographics plan-service borrows from patient-service for exports; never stored here. */
public record PatientDetails(UUID id, String firstName, String lastName, String email, LocalDate birthDate,
        String preferredLanguage) {
}
