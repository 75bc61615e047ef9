package care.homeprogram.patients.rest;

import java.util.List;
import java.util.UUID;

public record CareTeamView(UUID patientId, List<UUID> therapistIds) {
}
