package care.homeprogram.plans.rest;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * PUT /api/plans/{id}/hydration: the patient's daily drink target in litres (at most two decimals). Setting it needs
 * {@code fluidRestrictionChecked: true}: the therapist confirms they checked for a fluid or salt restriction (heart or
 * kidney disease, a doctor's advice), else 400. A reason goes into the plan's version history.
 */
public record HydrationRequest(
        @NotNull @Digits(integer = 2, fraction = 2, message = "must be litres with at most two decimals")
        BigDecimal targetLitres,
        Boolean fluidRestrictionChecked,
        @NotBlank @Size(max = 500) String reason) {
}
