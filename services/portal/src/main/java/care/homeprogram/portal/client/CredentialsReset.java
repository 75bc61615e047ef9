package care.homeprogram.portal.client;

import com.fasterxml.jackson.annotation.JsonInclude;

/** POST /api/accounts/{id}/reset-credentials: a temporary password, or none for a reset email. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CredentialsReset(String temporaryPassword) {
}
