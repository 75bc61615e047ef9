package care.homeprogram.patients.api;

import jakarta.validation.constraints.Pattern;

/**
 * PATCH /api/accounts/{id}: what is present changes. Disabling a patient keeps their record and stops reminders.
 * {@code clinicalLead} designates (true) or undesignates (false) a therapist as clinical lead; only a therapist can
 * be one (409 {@code not-a-therapist}), and a therapist who stops being one stops being clinical lead too.
 */
public record AccountUpdate(Boolean enabled,
        @Pattern(regexp = NewAccount.ROLE, message = NewAccount.ROLE_RULE) String role,
        Boolean clinicalLead) {
}
