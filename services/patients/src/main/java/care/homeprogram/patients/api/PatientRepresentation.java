package care.homeprogram.patients.api;

import java.util.UUID;

/**
 * A patient as the caller's role may see them: a therapist in the care team gets the record ({@link PatientView}),
 * an admin only the account ({@link PatientAccountView}, no clinical or contact data). Sealed, so a new shape cannot
 * slip into a response without being one of these two.
 */
public sealed interface PatientRepresentation permits PatientView, PatientAccountView {
    UUID id();
}
