package care.homeprogram.plans.config;

import care.homeprogram.plans.safety.HydrationRules;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;
import java.util.Set;

/**
 * The daily drink target (docs/clinical-rules.md, rule 8), under {@code homeprogram.safety.hydration.*}. The guide's
 * 3–4 L is offered as a suggestion, never set for the patient; a target outside the bounds is refused.
 */
public interface HydrationConfig {
    /** The guide's figure, shown to the therapist as a suggestion. */
    @WithDefault("3")
    BigDecimal suggestedMinLitres();

    @WithDefault("4")
    BigDecimal suggestedMaxLitres();

    /** The lowest and highest target a therapist may set; anything outside is a typing error or unsafe. */
    @WithDefault("0.5")
    BigDecimal minLitres();

    @WithDefault("6")
    BigDecimal maxLitres();

    /**
     * Intake flags (from patient-service's IntakeScreened) that mean a fluid or salt restriction: for such a patient
     * the guide's figure is not suggested at all.
     */
    @WithDefault("FLUID_RESTRICTION,SALT_RESTRICTION,HEART_FAILURE,KIDNEY_DISEASE")
    Set<String> restrictionFlags();

    default HydrationRules rules() {
        return new HydrationRules(suggestedMinLitres(), suggestedMaxLitres(), minLitres(), maxLitres(),
                restrictionFlags());
    }
}
