package care.homeprogram.portal.client;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An admin's care-team change (patient-service's CareTeamRequestView), or the answer to setting a care team: a 200
 * (applied at once: only {@code patientId} and {@code therapistIds}, no {@code status}) or a 202 (a request that waits,
 * {@code status} PENDING, for a therapist of the current team or, if it has none, the patient).
 */
public record CareTeamRequest(UUID id, UUID patientId, List<UUID> therapistIds, UUID requestedBy,
        OffsetDateTime requestedAt, String status, UUID decidedBy, OffsetDateTime decidedAt) {
    public CareTeamRequest {
        therapistIds = therapistIds == null ? List.of() : List.copyOf(therapistIds);
    }

    public boolean pending() {
        return "PENDING".equals(status);
    }
}
