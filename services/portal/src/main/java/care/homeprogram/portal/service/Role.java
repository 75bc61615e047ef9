package care.homeprogram.portal.service;

import java.util.Optional;
import java.util.Set;

/** The realm roles a person can have in the portal, highest first: a person is shown as their highest. */
public enum Role {
    ADMIN("admin"),
    THERAPIST("therapist"),
    /** The clinic's billing staff: the clinic-wide RTM ledger and nothing else. */
    BILLING("billing"),
    PATIENT("patient");

    private final String realmRole;

    Role(String realmRole) {
        this.realmRole = realmRole;
    }

    /** The Keycloak realm role, as shown on the page. */
    public String realmRole() {
        return realmRole;
    }

    /** The highest portal role among the given realm roles (admin > therapist > billing > patient), if any. */
    public static Optional<Role> highestOf(Set<String> realmRoles) {
        for (Role role : values()) {
            if (realmRoles.contains(role.realmRole)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
