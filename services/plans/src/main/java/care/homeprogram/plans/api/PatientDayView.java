package care.homeprogram.plans.api;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the patient's Today page shows from plan-service, in one read ({@code GET /api/plans/mine/today}): the same
 * views the separate reads answer, so the page needs one call instead of four in two rounds (the plans, then each due
 * plan's sessions, the questionnaires due and the pictures of the items due).
 *
 * @param plans         the patient's screen exactly as {@code GET /api/plans/mine} answers it (a page of {@link
 *                      PlanView}: active and on-hold plans, newest first), kept JSON written as it is
 * @param sessionsToday for each active plan with items due today, its sessions performed on the patient's local
 *                      date, withdrawn ones too (marked so); a plan with nothing due is not listed
 * @param media         the pictures and video of every library entry due today, by entry, as {@code GET
 *                      /api/media} answers them; an entry without media is listed with none
 * @param dueMeasures   the questionnaires the patient is asked to answer now, as {@code GET /api/measures/due}
 *                      answers them (none without a current plan)
 */
public record PatientDayView(@JsonRawValue String plans, Map<UUID, List<SessionView>> sessionsToday,
        Map<UUID, List<MediaView>> media, List<DueMeasureView> dueMeasures) {
}
