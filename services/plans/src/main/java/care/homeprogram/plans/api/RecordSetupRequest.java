package care.homeprogram.plans.api;

import jakarta.validation.constraints.Size;

/** POST /api/rtm/patients/{id}/setup: the set-up and education event (98975). */
public record RecordSetupRequest(@Size(max = 500) String note) {
}
