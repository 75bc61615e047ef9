package care.homeprogram.plans.api;

import care.homeprogram.plans.domain.Dose;
import care.homeprogram.plans.domain.Plan;
import care.homeprogram.plans.safety.Thresholds;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * POST /api/plans: from a template, or from library items with their dose. {@code intakeSignOff} is the therapist's
 * sign-off of the patient's intake flags, needed to activate a plan for a flagged patient. {@code acute: true} marks
 * the plan as acute-phase (static holds capped); a plan from an acute template is acute anyway.
 */
public record CreatePlanRequest(
        @NotNull UUID patientId,
        UUID templateId,
        @Size(min = 1, max = 12) List<@Valid @NotNull NewItem> items,
        Plan.Status status,
        Boolean intakeSignOff,
        Thresholds safetyThresholds,
        Boolean acute) {

    /**
     * One item with its dose. {@code id} keeps an existing item's identity on PATCH (its sessions and status);
     * {@code coldReason} must be ACUTE_FLARE_UP for a cold item; {@code therapistConfirmed} for items that need it;
     * {@code targetRegions} narrows where the item is applied (never the low back for self-release);
     * {@code noteToPatient}: the therapist's words to the patient on this item (blank: none).
     */
    public record NewItem(UUID id, @NotNull UUID exerciseId, @Min(1) @Max(52) Integer startWeek,
            @NotNull @Valid Dose dose, @Size(max = 40) String coldReason, Boolean therapistConfirmed,
            @Size(max = 13) List<care.homeprogram.plans.domain.Exercise.@NotNull BodyRegion> targetRegions,
            @Size(max = 500) String noteToPatient) {
    }
}
