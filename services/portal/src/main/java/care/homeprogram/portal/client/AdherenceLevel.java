package care.homeprogram.portal.client;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A plan's non-adherence as its therapist sees it: ON_TRACK, INACTIVE, STALLED or DROPPED. */
public record AdherenceLevel(UUID planId, UUID patientId, String level, String reasonCode,
        OffsetDateTime lastActivityAt, OffsetDateTime levelSince) {
}
