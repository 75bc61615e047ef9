package care.homeprogram.portal.client;

import java.util.UUID;

public record Therapist(UUID id, String username, String firstName, String lastName, String email, String timeZone,
        String status) {

    public String fullName() {
        return ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
    }
}
