package care.homeprogram.patients.api;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** PUT /api/patients/{id}/care-team: the whole team; a patient is always in someone's care. */
public record CareTeamUpdate(
        @NotEmpty(message = "must name at least one therapist") @Size(max = 20) List<@NotNull UUID> therapistIds) {
}
