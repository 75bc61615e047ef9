package care.homeprogram.portal.client;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What patient-service tells billing staff of a patient on the clinic's RTM ledger: the name and birth date a claim
 * identifies them by ({@code GET /api/patients/billing-identities}), nothing else.
 */
public record BillingIdentity(UUID id, String firstName, String lastName, LocalDate birthDate) {
    /** At most this many ids per request, as patient-service allows. */
    public static final int MAX_PER_REQUEST = 500;

    public String fullName() {
        return ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
    }
}
