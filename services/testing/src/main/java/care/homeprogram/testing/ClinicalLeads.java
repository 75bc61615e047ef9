package care.homeprogram.testing;

import java.util.UUID;

/**
 * The realm role {@code clinical-lead} on the test stack's Keycloak, added there if the stack predates it
 * ({@link RealmRoles}).
 */
public final class ClinicalLeads {
    public static final String ROLE = "clinical-lead";

    private ClinicalLeads() {
    }

    /** Makes sure the realm has the role and patient-service may map it; changes nothing if both hold already. */
    public static void ensureRealmRole() {
        RealmRoles.ensure(ROLE, "Therapist designated by an admin to correct the clinic's seeded library entries and "
                + "templates");
    }

    /**
     * A new therapist account that is clinical lead from the start, made directly in Keycloak (no patient-service
     * record): for services that read only the token's roles. Its password is {@code password}, not temporary.
     */
    public static UUID createLead(String username, String password) {
        ensureRealmRole();
        return RealmRoles.createUser(username, password, "Lead", "therapist", ROLE);
    }
}
