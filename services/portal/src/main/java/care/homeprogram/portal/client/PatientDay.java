package care.homeprogram.portal.client;

import care.homeprogram.contract.Page;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * plan-service's one read for the patient's Today page ({@code GET /api/plans/mine/today}, docs/api.md "The
 * patient's day"): the current plans, today's sessions of each plan with something due, the pictures and video of
 * every entry due (by entry) and the questionnaires due.
 */
public record PatientDay(Page<Plan> plans, Map<UUID, List<Session>> sessionsToday, Map<UUID, List<Media>> media,
        List<Measure.Due> dueMeasures) {
    public PatientDay {
        plans = plans == null || plans.items() == null ? new Page<>(List.of(), 0) : plans;
        sessionsToday = sessionsToday == null ? Map.of() : sessionsToday;
        media = media == null ? Map.of() : media;
        dueMeasures = dueMeasures == null ? List.of() : dueMeasures;
    }
}
