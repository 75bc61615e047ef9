package care.homeprogram.portal.client;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An admin's pending care-team change about one of the signed-in therapist's patients (GET /api/care-team-requests). */
public record CareTeamRequestToDecide(UUID id, UUID patientId, String patientFirstName, String patientLastName,
        List<UUID> currentTherapistIds, List<UUID> therapistIds, UUID requestedBy, OffsetDateTime requestedAt) {
    public CareTeamRequestToDecide {
        currentTherapistIds = currentTherapistIds == null ? List.of() : List.copyOf(currentTherapistIds);
        therapistIds = therapistIds == null ? List.of() : List.copyOf(therapistIds);
    }

    public String patientName() {
        return ((patientFirstName == null ? "" : patientFirstName) + " "
                + (patientLastName == null ? "" : patientLastName)).strip();
    }
}
