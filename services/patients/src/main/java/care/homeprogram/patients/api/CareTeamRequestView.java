package care.homeprogram.patients.api;

import care.homeprogram.patients.domain.CareTeamRequest;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** An admin's care-team change waiting for (or past) a care-team therapist's decision. Ids only, no clinical data. */
public record CareTeamRequestView(UUID id, UUID patientId, List<UUID> therapistIds, UUID requestedBy,
        OffsetDateTime requestedAt, String status, UUID decidedBy, OffsetDateTime decidedAt) implements CareTeamOutcome {

    public static CareTeamRequestView of(CareTeamRequest r) {
        return new CareTeamRequestView(r.id, r.patientId, r.therapistIds.stream().sorted().toList(), r.requestedBy,
                r.requestedAt, r.status.name(), r.decidedBy, r.decidedAt);
    }
}
