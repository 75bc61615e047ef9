package care.homeprogram.portal.client;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A plan at one version (plan-service's PlanView); {@code today} is what is due on the patient's local date;
 * {@code hydrationTargetLitres} the daily drink target the therapist set, null when none; {@code thresholds} the pain
 * thresholds plan-service's safety rules apply to the plan (null only from a plan-service that does not say).
 */
public record Plan(UUID id, UUID patientId, UUID therapistId, String status, int version, LocalDate startDate,
        OffsetDateTime createdAt, OffsetDateTime updatedAt, List<Item> items, Today today,
        java.math.BigDecimal hydrationTargetLitres, Thresholds thresholds, Thresholds clinicThresholds) {

    public Plan {
        items = items == null ? List.of() : items;
    }

    /**
     * One item. {@code summary}, {@code instructions}, {@code cautions} and {@code whySafe} are read when plan-service
     * includes the exercise's content with the plan (patients cannot read the library itself).
     */
    public record Item(UUID id, UUID exerciseId, String name, String status, String pausedReason, int startWeek,
            Dose dose, String coldReason, boolean therapistConfirmed, String summary, List<String> instructions,
            List<String> cautions, String whySafe, String noteToPatient) {
    }

    public record Today(LocalDate date, String timeZone, int week, List<Due> items) {
        public Today {
            items = items == null ? List.of() : items;
        }
    }

    public record Due(UUID itemId, String name, int timesPerDay, String followUpQuestion) {
    }

    /**
     * Pain up to {@code greenMax} is green, up to {@code amberMax} amber, above red: plan-service's numbers, shown as
     * they are (the portal draws the bands with them and decides no band itself).
     */
    public record Thresholds(int greenMax, int amberMax, int baselineRiseAlert) {
    }

    public boolean isActive() {
        return "ACTIVE".equals(status);
    }

    public boolean isOpen() {
        return "ACTIVE".equals(status) || "ON_HOLD".equals(status) || "DRAFT".equals(status);
    }

    public java.util.Optional<Item> item(UUID itemId) {
        return items.stream().filter(i -> i.id().equals(itemId)).findFirst();
    }
}
