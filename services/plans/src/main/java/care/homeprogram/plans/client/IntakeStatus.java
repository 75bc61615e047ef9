package care.homeprogram.plans.client;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * patient-service's answer to {@code GET /api/patients/{id}/intake}: the screen's flags and whether they need a
 * therapist's sign-off; {@code screenedAt} is null while the patient was never screened.
 */
public record IntakeStatus(UUID patientId, List<String> flags, boolean requiresSignOff, OffsetDateTime screenedAt) {
    public List<String> flagsOrNone() {
        return flags == null ? List.of() : flags;
    }
}
