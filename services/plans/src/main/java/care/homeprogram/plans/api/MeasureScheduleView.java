package care.homeprogram.plans.api;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A measure attached to a plan. */
public record MeasureScheduleView(UUID id, UUID planId, String instrument, String title, boolean atIntake,
        Integer everyWeeks, boolean atDischarge, OffsetDateTime createdAt) {
}
