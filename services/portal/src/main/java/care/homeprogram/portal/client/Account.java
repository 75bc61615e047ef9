package care.homeprogram.portal.client;

import java.util.UUID;

/** A login account as admins see it: who, their role, whether they can sign in. Nothing clinical. */
public record Account(UUID id, String username, String email, String firstName, String lastName, String role,
        boolean enabled) {

    public String fullName() {
        return ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
    }
}
