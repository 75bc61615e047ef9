package care.homeprogram.patients.api;

import care.homeprogram.commons.validation.IanaTimeZone;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * POST /api/patients: the patient record and their login account in one. A therapist who creates a patient is in
 * their care team; {@code therapistIds} adds colleagues (an admin must name at least one). Without a password the
 * account is sent its set-password email as it is created (the answer's {@code inviteEmail}); a password given here
 * is always temporary (the patient chooses their own at the first sign-in), so a therapist never knows the password
 * of their patient.
 */
public record NewPatient(
        @NotBlank @Pattern(regexp = NewAccount.USERNAME, message = NewAccount.USERNAME_RULE) String username,
        @NotBlank @Email(message = "must be an email address") @Size(max = 254) String email,
        @NotBlank @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName,
        @NotNull @Past(message = "must be in the past") LocalDate birthDate,
        @NotNull @IanaTimeZone String timeZone,
        @Pattern(regexp = "[a-z]{2}(-[A-Z]{2})?", message = "must be a language tag such as en or de-AT") String preferredLanguage,
        @Pattern(regexp = "\\+?[0-9 ()-]{6,30}", message = "must be a phone number") String phone,
        List<@NotNull UUID> therapistIds,
        @Size(min = 12, max = 128, message = "must be 12 to 128 characters long") String password,
        @AssertTrue(message = NewAccount.TEMPORARY_RULE) Boolean temporaryPassword) {
}
