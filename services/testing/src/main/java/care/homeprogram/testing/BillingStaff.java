package care.homeprogram.testing;

import java.util.UUID;

/**
 * The realm role {@code billing} (the clinic's billing staff: the clinic-wide RTM ledger and nothing else) on the
 * test stack's Keycloak, added there if the stack predates it ({@link RealmRoles}).
 */
public final class BillingStaff {
    public static final String ROLE = "billing";

    private BillingStaff() {
    }

    public static void ensureRealmRole() {
        RealmRoles.ensure(ROLE, "Billing staff: read the clinic-wide remote-monitoring (RTM) ledger, nothing else");
    }

    /**
     * A new account holding only {@code billing}, made directly in Keycloak (no patient-service record). Its password
     * is {@code password}, not temporary.
     */
    public static UUID create(String username, String password) {
        ensureRealmRole();
        return RealmRoles.createUser(username, password, "Billing", ROLE);
    }
}
