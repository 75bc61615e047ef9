package care.homeprogram.patients.api;

import care.homeprogram.contract.events.IntakeFlag;
import care.homeprogram.patients.domain.Patient;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The intake screen's outcome; {@code screenedAt} is null while no screen was recorded. */
public record IntakeView(UUID patientId, List<IntakeFlag> flags, boolean requiresSignOff, OffsetDateTime screenedAt,
        UUID screenedBy) {
    public static IntakeView of(Patient p) {
        return new IntakeView(p.id, p.intakeFlags.stream().sorted().toList(), p.requiresSignOff, p.intakeScreenedAt,
                p.intakeScreenedBy);
    }
}
