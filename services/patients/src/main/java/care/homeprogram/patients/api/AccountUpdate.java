package care.homeprogram.patients.api;

import jakarta.validation.constraints.Pattern;

/** PATCH /api/accounts/{id}: what is present changes. Disabling a patient keeps their record and stops reminders. */
public record AccountUpdate(Boolean enabled,
        @Pattern(regexp = NewAccount.ROLE, message = NewAccount.ROLE_RULE) String role) {
}
