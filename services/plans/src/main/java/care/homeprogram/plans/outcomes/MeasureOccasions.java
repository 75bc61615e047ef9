package care.homeprogram.plans.outcomes;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Set;

/**
 * When a measure attached to a plan is due: at intake (from the plan's start), every N weeks (week N, 2N, … of the
 * program; only the latest such occasion is asked, an earlier one missed is not piled up), and at discharge (once the
 * plan is completed). An occasion answered once is done. Pure.
 */
public final class MeasureOccasions {
    public static final String INTAKE = "INTAKE";
    public static final String DISCHARGE = "DISCHARGE";

    /** An occasion and the day from which it is due. */
    public record Occasion(String name, LocalDate dueFrom) {
    }

    private MeasureOccasions() {
    }

    /**
     * @param active the plan is active (intake and periodic occasions)
     * @param completed the plan is completed (the discharge occasion)
     */
    public static Optional<Occasion> due(LocalDate start, boolean active, boolean completed, boolean atIntake,
            Integer everyWeeks, boolean atDischarge, LocalDate today, Set<String> done) {
        if (completed && atDischarge && !done.contains(DISCHARGE)) {
            return Optional.of(new Occasion(DISCHARGE, today));
        }
        if (!active || today.isBefore(start)) {
            return Optional.empty();
        }
        if (atIntake && !done.contains(INTAKE)) {
            return Optional.of(new Occasion(INTAKE, start));
        }
        if (everyWeeks != null && everyWeeks > 0) {
            long weeks = ChronoUnit.WEEKS.between(start, today);
            long week = weeks / everyWeeks * everyWeeks;
            String name = "WEEK_" + week;
            if (week >= everyWeeks && !done.contains(name)) {
                return Optional.of(new Occasion(name, start.plusWeeks(week)));
            }
        }
        return Optional.empty();
    }
}
