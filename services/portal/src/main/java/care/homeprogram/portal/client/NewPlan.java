package care.homeprogram.portal.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;

/**
 * POST /api/plans: the items with their dose; ACTIVE assigns it now; {@code acute} when the plan is for the acute phase
 * (built from an acute template), so plan-service caps its static holds.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewPlan(UUID patientId, List<Item> items, String status, Boolean intakeSignOff, Boolean acute) {

    /**
     * {@code id} keeps an existing item's identity on a change (its sessions and status); {@code noteToPatient}: the
     * therapist's words to the patient on the item (sent with every change, or it is cleared).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(UUID id, UUID exerciseId, Integer startWeek, Dose dose, String coldReason,
            Boolean therapistConfirmed, String noteToPatient) {
    }
}
