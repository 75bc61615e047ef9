package care.homeprogram.portal.client;

import java.util.UUID;

/**
 * A login account as admins see it: who, their role, whether they can sign in, whether a therapist is designated
 * clinical lead. Nothing clinical.
 */
public record Account(UUID id, String username, String email, String firstName, String lastName, String role,
        boolean enabled, boolean clinicalLead) {

    public String fullName() {
        return ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
    }
}
