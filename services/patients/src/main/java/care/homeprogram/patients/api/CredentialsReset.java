package care.homeprogram.patients.api;

import jakarta.validation.constraints.Size;

/**
 * POST /api/accounts/{id}/reset-credentials: with {@code temporaryPassword}, that password is set and must be changed
 * at the next sign-in; without it (or without a body), Keycloak emails the person a link to choose a new one.
 */
public record CredentialsReset(
        @Size(min = 12, max = 128, message = "must be 12 to 128 characters long") String temporaryPassword) {
}
