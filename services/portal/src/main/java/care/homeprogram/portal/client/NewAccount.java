package care.homeprogram.portal.client;

import com.fasterxml.jackson.annotation.JsonInclude;

/** POST /api/accounts. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewAccount(String username, String email, String firstName, String lastName, String role,
        String password, Boolean temporaryPassword, String timeZone) {
}
