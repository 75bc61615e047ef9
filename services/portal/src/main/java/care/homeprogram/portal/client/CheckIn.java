package care.homeprogram.portal.client;

import java.util.Map;

/** POST /api/check-ins: the red-flag questionnaire; a missing answer counts as no. */
public record CheckIn(Map<String, Boolean> answers) {
}
