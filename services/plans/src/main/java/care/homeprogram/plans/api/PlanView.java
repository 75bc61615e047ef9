package care.homeprogram.plans.api;

import care.homeprogram.plans.domain.Dose;
import care.homeprogram.plans.domain.ExerciseContent;
import care.homeprogram.plans.domain.Plan;
import care.homeprogram.plans.domain.PlanItem;
import care.homeprogram.plans.domain.PlanSnapshot;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A plan at one version. {@code today} lists the items due on the patient's current local date (empty for a
 * historical version or a plan that is not active). {@code acute}: acute phase, static holds capped;
 * {@code hydrationTargetLitres}: the patient's daily drink target set by the therapist, null when none;
 * {@code thresholds}: the pain thresholds the safety rules apply to this plan's sessions now (its own, else the
 * clinic's), so a client draws the bands from plan-service's numbers and never keeps its own; {@code clinicThresholds}:
 * the clinic's defaults ({@code homeprogram.safety.*}), which a plan without its own follows.
 */
public record PlanView(UUID id, UUID patientId, UUID therapistId, Plan.Status status, int version, LocalDate startDate,
        OffsetDateTime createdAt, OffsetDateTime updatedAt, List<Item> items, Today today, boolean acute,
        java.math.BigDecimal hydrationTargetLitres, care.homeprogram.plans.safety.Thresholds thresholds,
        care.homeprogram.plans.safety.Thresholds clinicThresholds) {

    /**
     * An item with the library's words for the patient: what to do, when to stop, and why it is safe, as they read in
     * the entry's content version the item was assigned with ({@code exerciseContentVersion}), and the therapist's
     * {@code noteToPatient} on it.
     */
    public record Item(UUID id, UUID exerciseId, String name, PlanItem.Status status, String pausedReason,
            int startWeek, Dose dose, String coldReason, boolean therapistConfirmed, String summary,
            List<String> instructions, List<String> cautions, String whySafe,
            List<care.homeprogram.plans.domain.Exercise.BodyRegion> targetRegions, Integer exerciseContentVersion,
            String noteToPatient) {
    }

    /** The patient's local date and what is due on it. */
    public record Today(LocalDate date, String timeZone, int week, List<Due> items) {
    }

    /** An item due today; {@code followUpQuestion} asks whether the last amber session's pain settled. */
    public record Due(UUID itemId, String name, int timesPerDay, String followUpQuestion) {
    }

    /**
     * @param content the library entry's words as the item was assigned (null if the entry is gone)
     * @param thresholds the thresholds the safety rules apply to the plan ({@code SafetyConfig#thresholdsFor})
     * @param clinicThresholds the clinic's defaults
     */
    public static PlanView of(Plan plan, PlanSnapshot snapshot, int version, Today today,
            java.util.function.Function<PlanSnapshot.Item, ExerciseContent> content,
            care.homeprogram.plans.safety.Thresholds thresholds,
            care.homeprogram.plans.safety.Thresholds clinicThresholds) {
        List<Item> items = snapshot.items().stream().map(i -> {
                    ExerciseContent e = content.apply(i);
                    // A translated entry is named in its translation; otherwise as it was named when assigned.
                    String name = e != null && e.language != null ? e.name : i.name();
                    return new Item(i.id(), i.exerciseId(), name, i.status(), i.pausedReason(), i.startWeek(),
                            i.dose(), i.coldReason(), i.therapistConfirmed(), e == null ? null : e.summary,
                            e == null ? List.of() : e.instructions, e == null ? List.of() : e.cautions,
                            e == null ? null : e.whySafe, i.targetRegions(),
                            e == null ? null : e.key.contentVersion(), i.noteToPatient());
                }).toList();
        java.util.Map<UUID, String> names = new java.util.HashMap<>();
        items.forEach(i -> names.put(i.id(), i.name()));
        Today namedToday = today == null ? null : new Today(today.date(), today.timeZone(), today.week(),
                today.items().stream().map(d -> new Due(d.itemId(), names.getOrDefault(d.itemId(), d.name()),
                        d.timesPerDay(), d.followUpQuestion())).toList());
        return new PlanView(plan.id, plan.patientId, plan.therapistId, snapshot.status(), version,
                snapshot.startDate(), plan.createdAt, plan.updatedAt, items, namedToday, snapshot.acute(), snapshot.hydrationTargetLitres(), thresholds, clinicThresholds);
    }
}
