package care.homeprogram.plans.safety;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The daily drink target (docs/clinical-rules.md, rule 8). The guide's 3–4 L is a suggestion for the therapist,
 * withheld for a patient whose intake shows a fluid or salt restriction; a target is only ever set by a therapist who
 * confirmed the fluid-restriction caution, within sane bounds. Plain Java: settings from configuration.
 */
public record HydrationRules(BigDecimal suggestedMinLitres, BigDecimal suggestedMaxLitres, BigDecimal minLitres,
        BigDecimal maxLitres, Set<String> restrictionFlags) {

    /** Why a target may not be set; {@code field} names the request field. */
    public enum Problem {
        CONFIRMATION_MISSING, OUT_OF_RANGE
    }

    public record Suggestion(BigDecimal minLitres, BigDecimal maxLitres, String source) {
    }

    public HydrationRules {
        if (minLitres.signum() <= 0 || minLitres.compareTo(maxLitres) >= 0) {
            throw new IllegalArgumentException("hydration bounds must satisfy 0 < min-litres < max-litres");
        }
        if (suggestedMinLitres.compareTo(suggestedMaxLitres) > 0) {
            throw new IllegalArgumentException("suggested-min-litres must not exceed suggested-max-litres");
        }
        restrictionFlags = Set.copyOf(restrictionFlags);
    }

    /** The intake flags that mean a fluid or salt restriction, in the order given. */
    public List<String> restrictions(Collection<String> intakeFlags) {
        return intakeFlags.stream().filter(restrictionFlags::contains).toList();
    }

    /** The guide's figure, or nothing for a patient with a fluid or salt restriction. */
    public Optional<Suggestion> suggestion(Collection<String> intakeFlags) {
        if (!restrictions(intakeFlags).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Suggestion(suggestedMinLitres, suggestedMaxLitres,
                "Clinic home-care guide: Safely manage back spasms with proven home treatments (3–4 L a day with "
                        + "electrolytes); a suggestion only, set the patient's own target"));
    }

    /** @return what is wrong with setting this target, first the missing confirmation; empty when it may be set */
    public Optional<Problem> check(BigDecimal litres, boolean cautionConfirmed) {
        if (!cautionConfirmed) {
            return Optional.of(Problem.CONFIRMATION_MISSING);
        }
        if (litres.compareTo(minLitres) < 0 || litres.compareTo(maxLitres) > 0) {
            return Optional.of(Problem.OUT_OF_RANGE);
        }
        return Optional.empty();
    }
}
