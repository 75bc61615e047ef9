package care.homeprogram.notifications.api;

import care.homeprogram.notifications.domain.Adherence;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A plan's non-adherence as its therapist sees it: ON_TRACK, INACTIVE (3 days without a session), STALLED (14) or
 * DROPPED (21), with the reason code of docs/events.md.
 */
public record AdherenceView(UUID planId, UUID patientId, String level, String reasonCode,
        OffsetDateTime lastActivityAt, OffsetDateTime levelSince) {

    public static AdherenceView of(Adherence a) {
        return new AdherenceView(a.planId, a.patientId, a.level.name(), a.level.reasonCode(), a.lastActivityAt,
                a.levelSince);
    }
}
