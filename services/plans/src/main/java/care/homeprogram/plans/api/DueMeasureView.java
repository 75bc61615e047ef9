package care.homeprogram.plans.api;

import java.time.LocalDate;
import java.util.UUID;

/** GET /api/measures/due: a measure the patient is asked to answer now, and on which occasion. */
public record DueMeasureView(UUID scheduleId, UUID planId, String instrument, String title, String occasion,
        LocalDate dueFrom) {
}
