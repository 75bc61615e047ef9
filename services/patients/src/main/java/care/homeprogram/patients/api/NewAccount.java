package care.homeprogram.patients.api;

import care.homeprogram.commons.validation.IanaTimeZone;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * POST /api/accounts. A therapist account gets a therapist record; a patient account gets a patient record without
 * a care team (assign one with PUT /api/patients/{id}/care-team); a billing account (the clinic's billing staff, who
 * read the clinic-wide RTM ledger and nothing else) gets no record. Admin accounts are not made here: patient-service's
 * Keycloak rights cannot grant {@code admin} (docs/security.md), a realm administrator gives it in Keycloak.
 * A password set here is always temporary: the person chooses their own at the first sign-in, so nobody else knows
 * the password of an account that the audit trail attributes to that person.
 */
public record NewAccount(
        @NotBlank @Pattern(regexp = USERNAME, message = USERNAME_RULE) String username,
        @NotBlank @Email(message = "must be an email address") @Size(max = 254) String email,
        @NotBlank @Size(max = 100) String firstName,
        @NotBlank @Size(max = 100) String lastName,
        @NotNull @Pattern(regexp = ROLE, message = ROLE_RULE) String role,
        @Size(min = 12, max = 128, message = "must be 12 to 128 characters long") String password,
        @AssertTrue(message = NewAccount.TEMPORARY_RULE) Boolean temporaryPassword,
        @IanaTimeZone String timeZone) {

    public static final String USERNAME = "[a-z0-9][a-z0-9._-]{2,49}";
    public static final String USERNAME_RULE = "must be 3 to 50 lower-case letters, digits, '.', '_' or '-'";
    /** The roles patient-service may give (Keycloak refuses it anything else). */
    public static final String ROLE = "therapist|patient|billing";
    public static final String ROLE_RULE = "must be therapist, patient or billing (an admin role is given in Keycloak by"
            + " a realm administrator)";
    /** Filter roles in GET /api/accounts, where admins are listed too. */
    public static final String ANY_ROLE = "therapist|patient|billing|admin";
    public static final String ANY_ROLE_RULE = "must be therapist, patient, billing or admin";
    public static final String TEMPORARY_RULE = "must be true or left out: a password set by someone else is always"
            + " temporary and is changed by the person at their first sign-in";
}
