package care.homeprogram.patients.api;

import java.util.List;
import java.util.UUID;

public record CareTeamView(UUID patientId, List<UUID> therapistIds) implements CareTeamOutcome {
}
