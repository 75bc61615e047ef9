package care.homeprogram.portal.client;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A logged session with what the safety rules decided. {@code status}: LOGGED, CORRECTED (by the patient; the values
 * are the corrected ones) or WITHDRAWN (by the patient: shown, but no longer counted for pain history or today's
 * sessions).
 */
public record Session(UUID id, UUID planId, UUID itemId, OffsetDateTime performedAt, Integer setsDone,
        Integer repsDone, int painBefore, int painAfter, List<String> symptoms, String note, String decision,
        String trafficLight, List<String> reasons, String status) {

    public Session {
        symptoms = symptoms == null ? List.of() : symptoms;
        reasons = reasons == null ? List.of() : reasons;
    }

    public boolean withdrawn() {
        return "WITHDRAWN".equals(status);
    }
}
