package care.homeprogram.portal.client;

import java.util.List;
import java.util.UUID;

/** PUT /api/patients/{id}/care-team: the whole team. */
public record CareTeamUpdate(List<UUID> therapistIds) {
}
