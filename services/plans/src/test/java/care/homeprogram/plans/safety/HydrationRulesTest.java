package care.homeprogram.plans.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The drink target's rules with the shipped settings: the guide's suggestion, its withholding, the bounds. */
class HydrationRulesTest {
    private static final HydrationRules RULES = PlanContentRulesTest.SHIPPED.hydration().rules();
    private static final BigDecimal CENT = new BigDecimal("0.01");

    @Test
    void theGuidesThreeToFourLitresAreOnlyASuggestionNamingItsSource() {
        HydrationRules.Suggestion suggestion = RULES.suggestion(List.of()).orElseThrow();
        assertThat(suggestion.minLitres()).isEqualByComparingTo("3");
        assertThat(suggestion.maxLitres()).isEqualByComparingTo("4");
        assertThat(suggestion.source()).contains("home-care guide");
        assertThat(RULES.suggestion(List.of("HISTORY_OF_CANCER"))).isPresent();
    }

    @Test
    void noSuggestionForAPatientWithAFluidOrSaltRestriction() {
        for (String flag : List.of("FLUID_RESTRICTION", "SALT_RESTRICTION", "HEART_FAILURE", "KIDNEY_DISEASE")) {
            assertThat(RULES.suggestion(List.of("ONSET_OVER_50", flag))).as(flag).isEmpty();
            assertThat(RULES.restrictions(List.of("ONSET_OVER_50", flag))).containsExactly(flag);
        }
    }

    @Test
    void aTargetNeedsTheConfirmedCautionAndStaysWithinTheBounds() {
        assertThat(RULES.minLitres()).isEqualByComparingTo("0.5");
        assertThat(RULES.maxLitres()).isEqualByComparingTo("6");
        assertThat(RULES.check(new BigDecimal("2.5"), false)).contains(HydrationRules.Problem.CONFIRMATION_MISSING);
        assertThat(RULES.check(RULES.minLitres(), true)).isEmpty();
        assertThat(RULES.check(RULES.maxLitres(), true)).isEmpty();
        assertThat(RULES.check(RULES.minLitres().subtract(CENT), true)).contains(HydrationRules.Problem.OUT_OF_RANGE);
        assertThat(RULES.check(RULES.maxLitres().add(CENT), true)).contains(HydrationRules.Problem.OUT_OF_RANGE);
        assertThat(RULES.check(new BigDecimal("-2"), true)).contains(HydrationRules.Problem.OUT_OF_RANGE);
    }
}
