package care.homeprogram.patients.rest;

import care.homeprogram.commons.validation.IanaTimeZone;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * POST /api/accounts. A therapist account gets a therapist record; a patient account gets a patient record without
 * a care team (assign one with PUT /api/patients/{id}/care-team); an admin account gets no record.
 */
public record NewAccount(
        @NotBlank @Pattern(regexp = USERNAME, message = USERNAME_RULE) String username,
        @NotBlank @Email(message = "must be an email address") @Size(max = 254) String email,
        @NotBlank @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName,
        @NotNull @Pattern(regexp = ROLE, message = ROLE_RULE) String role,
        @Size(min = 12, max = 128, message = "must be 12 to 128 characters long") String password,
        Boolean temporaryPassword,
        @IanaTimeZone String timeZone) {

    public static final String USERNAME = "[a-z0-9][a-z0-9._-]{2,49}";
    public static final String USERNAME_RULE = "must be 3 to 50 lower-case letters, digits, '.', '_' or '-'";
    public static final String ROLE = "therapist|patient|admin";
    public static final String ROLE_RULE = "must be therapist, patient or admin";
}
