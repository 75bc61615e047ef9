package care.homeprogram.patients.api;

import care.homeprogram.patients.domain.CareTeamRequest;
import care.homeprogram.patients.domain.Patient;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * An admin's pending care-team change as the therapist who may decide it sees it: the patient's name (they are in
 * this therapist's care already), the team now and the team asked for. Nothing clinical.
 */
public record CareTeamRequestToDecide(UUID id, UUID patientId, String patientFirstName, String patientLastName,
        List<UUID> currentTherapistIds, List<UUID> therapistIds, UUID requestedBy, OffsetDateTime requestedAt) {

    public static CareTeamRequestToDecide of(CareTeamRequest r, Patient p) {
        return new CareTeamRequestToDecide(r.id, p.id, p.firstName, p.lastName,
                p.therapists.stream().map(t -> t.id).sorted().toList(), r.therapistIds.stream().sorted().toList(),
                r.requestedBy, r.requestedAt);
    }
}
