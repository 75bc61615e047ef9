package care.homeprogram.portal.client;

import java.util.List;
import java.util.UUID;

/** Who is in a patient's care team (patient-service's CareTeamView): therapist ids only. */
public record CareTeam(UUID patientId, List<UUID> therapistIds) {
    public CareTeam {
        therapistIds = therapistIds == null ? List.of() : List.copyOf(therapistIds);
    }
}
