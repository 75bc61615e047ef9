package care.homeprogram.plans.rest;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A plan's drink target for the therapist: the target (null until set), the guide's suggestion (null for a patient
 * whose intake shows a fluid or salt restriction, named in {@code restrictions}), the bounds a target must keep and
 * the caution to confirm.
 */
public record HydrationView(UUID planId, BigDecimal targetLitres, Suggestion suggestion, List<String> restrictions,
        BigDecimal minLitres, BigDecimal maxLitres, String caution) {

    /** The guide's figure: a starting point to discuss, never set for the patient. */
    public record Suggestion(BigDecimal minLitres, BigDecimal maxLitres, String source) {
    }
}
