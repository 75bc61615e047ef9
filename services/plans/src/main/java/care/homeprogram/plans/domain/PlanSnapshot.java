package care.homeprogram.plans.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A plan's content at one version, kept in plan_version so history never changes. Versions stored before the acute
 * flag and the hydration target existed read as not acute and without a target.
 */
public record PlanSnapshot(Plan.Status status, LocalDate startDate, List<Item> items, boolean acute,
        BigDecimal hydrationTargetLitres) {

    /**
     * {@code exerciseContentVersion}: the library entry's words this item showed at this version
     * ({@link ExerciseContent}); null only in versions stored before content versions were kept.
     * {@code noteToPatient}: the therapist's note on the item; null in versions stored before notes existed.
     */
    public record Item(UUID id, UUID exerciseId, String name, int startWeek, Dose dose, PlanItem.Status status,
            String pausedReason, String coldReason, boolean therapistConfirmed,
            List<Exercise.BodyRegion> targetRegions, Integer exerciseContentVersion, String noteToPatient) {

        public Item {
            targetRegions = targetRegions == null ? List.of() : targetRegions;
        }
    }

    public static PlanSnapshot of(Plan plan) {
        return new PlanSnapshot(plan.status, plan.startDate, plan.items.stream()
                .filter(i -> i.status != PlanItem.Status.REMOVED)
                .map(i -> new Item(i.id, i.exercise.id, i.name, i.startWeek, i.dose, i.status, i.pausedReason,
                        i.coldReason, i.therapistConfirmed, i.targetRegions, i.exerciseContentVersion,
                        i.noteToPatient))
                .toList(), plan.acute, plan.hydrationTargetLitres);
    }
}
