package care.homeprogram.portal.client;

import com.fasterxml.jackson.annotation.JsonInclude;

/** PATCH /api/accounts/{id}: what is present changes. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AccountChange(Boolean enabled, String role, Boolean clinicalLead) {
}
