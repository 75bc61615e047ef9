package care.homeprogram.patients.api;

import care.homeprogram.patients.client.KeycloakAccounts.Account;
import java.util.UUID;

/**
 * What an admin sees of an account: who, their role, whether they can sign in, and whether a therapist is designated
 * clinical lead (they may correct the clinic's seeded library and templates). Nothing clinical.
 */
public record AccountView(UUID id, String username, String email, String firstName, String lastName, String role,
        boolean enabled, boolean clinicalLead) {
    public static AccountView of(Account a) {
        return new AccountView(a.id(), a.username(), a.email(), a.firstName(), a.lastName(), a.role(), a.enabled(),
                a.clinicalLead());
    }
}
