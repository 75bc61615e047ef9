package care.homeprogram.patients.api;

import care.homeprogram.patients.domain.Patient;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What a claim needs to name a patient to a payer, and no more: the id the RTM ledger lists, the full name and the
 * birth date. Billing staff get this, never contact details, care team, intake or anything clinical
 * (docs/security.md, "Billing staff").
 */
public record BillingIdentity(UUID id, String firstName, String lastName, LocalDate birthDate) {
    public static BillingIdentity of(Patient p) {
        return new BillingIdentity(p.id, p.firstName, p.lastName, p.birthDate);
    }
}
