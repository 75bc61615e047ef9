package care.homeprogram.portal.client;

import java.time.Duration;
import java.time.Instant;
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
        String trafficLight, List<String> reasons, String status, OffsetDateTime loggedAt) {

    /** How long after logging plan-service lets the patient correct or withdraw a session (it enforces it). */
    public static final Duration CORRECTION_WINDOW = Duration.ofHours(24);

    public Session {
        symptoms = symptoms == null ? List.of() : symptoms;
        reasons = reasons == null ? List.of() : reasons;
    }

    public boolean withdrawn() {
        return "WITHDRAWN".equals(status);
    }

    /**
     * Whether the patient may still correct or withdraw it at {@code now}: not withdrawn and logged less than
     * {@link #CORRECTION_WINDOW} ago. Only decides whether the portal offers the buttons; plan-service has the last
     * word (409 correction-window-closed), so a clock a little off does no harm.
     */
    public boolean changeable(Instant now) {
        return !withdrawn() && loggedAt != null && loggedAt.toInstant().isAfter(now.minus(CORRECTION_WINDOW));
    }
}
