package care.homeprogram.portal.client;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A plan's drink target as plan-service shows it to the therapist: the target (null until set), the guide's
 * suggestion (null when the intake names a fluid or salt restriction), the bounds and the caution to confirm.
 */
public record Hydration(UUID planId, BigDecimal targetLitres, Suggestion suggestion, List<String> restrictions,
        BigDecimal minLitres, BigDecimal maxLitres, String caution) {

    public Hydration {
        restrictions = restrictions == null ? List.of() : restrictions;
    }

    public record Suggestion(BigDecimal minLitres, BigDecimal maxLitres, String source) {
    }

    /** PUT /api/plans/{id}/hydration. */
    public record Change(BigDecimal targetLitres, Boolean fluidRestrictionChecked, String reason) {
    }
}
