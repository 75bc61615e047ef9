package care.homeprogram.plans.safety;

import static org.assertj.core.api.Assertions.assertThat;

import care.homeprogram.plans.config.SafetyConfig;
import care.homeprogram.plans.domain.Exercise.BodyRegion;
import care.homeprogram.plans.domain.Exercise.Category;
import care.homeprogram.plans.domain.Exercise.Temperature;
import care.homeprogram.plans.safety.PlanContentRules.Rule;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The content rules with the settings the service ships (the configuration's defaults), at their boundaries. */
class PlanContentRulesTest {
    /** What plan-service runs with when nothing is configured. */
    static final SafetyConfig SHIPPED = new SmallRyeConfigBuilder().withMapping(SafetyConfig.class).build()
            .getConfigMapping(SafetyConfig.class);
    private static final PlanContentRules RULES = new PlanContentRules(SHIPPED.content().settings());
    private static final int MAX_HOLD = RULES.settings().acuteMaxHoldSeconds();

    private static PlanContentRules.Item item(String name, Category category, Temperature temperature,
            Set<BodyRegion> regions, boolean neverOnLowBack, Integer hold, String coldReason) {
        return new PlanContentRules.Item("items[0]", name, "", category, temperature, regions, neverOnLowBack, hold,
                false, coldReason, false);
    }

    private static PlanContentRules.Item movement(Integer hold) {
        return item("Plank", Category.MOVEMENT, null, Set.of(), false, hold, null);
    }

    private static PlanContentRules.Item temperature(String name, Temperature temperature, String coldReason) {
        return item(name, Category.TEMPERATURE, temperature, Set.of(BodyRegion.LOW_BACK), false, null, coldReason);
    }

    private static PlanContentRules.Item release(Set<BodyRegion> regions) {
        return item("Foam roller release", Category.MYOFASCIAL_RELEASE, null, regions, true, 30, null);
    }

    private static List<Rule> plan(boolean acute, PlanContentRules.Item item) {
        return RULES.planViolations(acute, List.of(item)).stream().map(PlanContentRules.Violation::rule).toList();
    }

    private static PlanContentRules.Entry entry(Category category, Temperature temperature, Set<BodyRegion> regions,
            String prescription, String allText) {
        return new PlanContentRules.Entry("Own exercise", category, temperature, regions, false, prescription,
                prescription + " " + allText);
    }

    private static List<Rule> exercise(PlanContentRules.Entry entry) {
        return RULES.exerciseViolations(entry).stream().map(PlanContentRules.Violation::rule).toList();
    }

    // --- static holds in an acute plan ---

    @Test
    void theShippedCapOnStaticHoldsInTheAcutePhaseIsTenSeconds() {
        assertThat(MAX_HOLD).isEqualTo(10);
    }

    @Test
    void anAcutePlanHoldsAtMostTheCapAndOneSecondMoreIsRefusedOnTheHoldField() {
        assertThat(plan(true, movement(MAX_HOLD))).isEmpty();
        List<PlanContentRules.Violation> refused = RULES.planViolations(true, List.of(movement(MAX_HOLD + 1)));
        assertThat(refused).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo(Rule.STATIC_HOLD_IN_ACUTE_PLAN);
            assertThat(v.field()).isEqualTo("items[0].dose.holdSeconds");
            assertThat(v.message()).contains((MAX_HOLD + 1) + " s").contains("at most " + MAX_HOLD + " s");
        });
    }

    @Test
    void holdsOutsideTheAcutePhaseAndWithoutAHoldAreLeftToTheTherapist() {
        assertThat(plan(false, movement(120))).isEmpty();
        assertThat(plan(true, movement(null))).isEmpty();
    }

    @Test
    void aSelfReleasePauseOnATenderSpotIsNotAStaticHold() {
        assertThat(plan(true, release(Set.of(BodyRegion.GLUTES)))).isEmpty();
    }

    @Test
    void theCapAndTheCategoriesAreConfigurable() {
        PlanContentRules fifteen = new PlanContentRules(new PlanContentRules.Settings(15,
                Set.of(Category.MOVEMENT, Category.MYOFASCIAL_RELEASE), List.of(), List.of(), Set.of()));
        assertThat(fifteen.planViolations(true, List.of(movement(15)))).isEmpty();
        assertThat(fifteen.planViolations(true, List.of(movement(16)))).hasSize(1);
        assertThat(fifteen.planViolations(true, List.of(release(Set.of(BodyRegion.GLUTES))))).hasSize(1);
    }

    // --- cold only for an acute flare-up ---

    @Test
    void everyColdTemperatureItemNeedsTheAcuteFlareUpReasonWhateverItsFlags() {
        // An own "ice pack" item declares no COLD_THERAPY flag: what it is decides, not what it says of itself.
        assertThat(plan(false, temperature("Ice pack", Temperature.COLD, null)))
                .containsExactly(Rule.COLD_WITHOUT_ACUTE_FLARE_UP);
        assertThat(plan(false, temperature("Contrast heat and cold", Temperature.HEAT_AND_COLD, "CHRONIC")))
                .containsExactly(Rule.COLD_WITHOUT_ACUTE_FLARE_UP);
        assertThat(plan(false, temperature("Ice pack", Temperature.COLD, PlanContentRules.ACUTE_FLARE_UP))).isEmpty();
        assertThat(plan(false, temperature("Heat wrap", Temperature.HEAT, null))).isEmpty();
    }

    @Test
    void aTemperatureItemThatDoesNotSayWhatItAppliesIsTreatedAsCold() {
        assertThat(plan(false, temperature("Old own item", null, null))).containsExactly(Rule.COLD_WITHOUT_ACUTE_FLARE_UP);
        assertThat(plan(false, item("Ice massage", Category.MOVEMENT, Temperature.COLD, Set.of(), false, null, null)))
                .containsExactly(Rule.COLD_WITHOUT_ACUTE_FLARE_UP);
        assertThat(plan(false, movement(5))).isEmpty();
    }

    // --- no full bed rest, in any likely wording ---

    @ParameterizedTest
    @ValueSource(strings = { "Full bed rest for three days", "BED-REST!", "bedrest", "Complete rest.",
            "Take complete  rest for a week", "Stay in bed all day", "stay\nin   bed", "Rest in bed all day",
            "Don't get out of bed", "Don\u2019t get out of bed until Monday", "dont get out of bed",
            "Do not get out of bed", "Total rest", "Remain in bed", "Lie down all day", "Avoid all activity" })
    void fullBedRestIsRefusedInAnyWording(String text) {
        assertThat(RULES.prescribesBedRest(text)).as(text).isTrue();
        assertThat(plan(false, new PlanContentRules.Item("items[0]", "Recovery", text, Category.RELAXATION, null,
                Set.of(), false, null, false, null, false))).containsExactly(Rule.BED_REST);
    }

    @ParameterizedTest
    @ValueSource(strings = { "Rest between sets", "Rest for 30 seconds between sides", "A bedside routine",
            "Get out of bed slowly by rolling onto your side", "Complete the rest of the set tomorrow",
            "Stand up and stay active", "Restful breathing in a chair" })
    void ordinaryWordsAboutRestPass(String text) {
        assertThat(RULES.prescribesBedRest(text)).as(text).isFalse();
    }

    @Test
    void aClinicAddsItsOwnWordingsNormalisedLikeTheText() {
        PlanContentRules german = new PlanContentRules(new PlanContentRules.Settings(10, Set.of(),
                List.of("Bettruhe", "im Bett bleiben"), List.of(), Set.of()));
        assertThat(german.prescribesBedRest("Strikte BETTRUHE!")).isTrue();
        assertThat(german.prescribesBedRest("Den ganzen Tag im  Bett bleiben.")).isTrue();
        assertThat(german.prescribesBedRest("Bettkante: langsam aufstehen")).isFalse();
    }

    // --- self-release never on the low back ---

    @Test
    void selfReleaseOnTheLowBackIsRefusedOnTheRegionsField() {
        List<PlanContentRules.Violation> refused = RULES.planViolations(false,
                List.of(release(Set.of(BodyRegion.GLUTES, BodyRegion.LOW_BACK))));
        assertThat(refused).singleElement().satisfies(v -> {
            assertThat(v.rule()).isEqualTo(Rule.RELEASE_ON_FORBIDDEN_REGION);
            assertThat(v.field()).isEqualTo("items[0].targetRegions");
            assertThat(v.message()).contains("low back");
        });
        assertThat(plan(false, release(Set.of(BodyRegion.GLUTES, BodyRegion.HIPS, BodyRegion.UPPER_BACK)))).isEmpty();
    }

    @Test
    void theNeverOnLowBackFlagHoldsWhateverTheCategoryAndOtherItemsMayBeOnTheLowBack() {
        assertThat(plan(false, item("Massage ball", Category.MOVEMENT, null, Set.of(BodyRegion.LOW_BACK), true, null,
                null))).containsExactly(Rule.RELEASE_ON_FORBIDDEN_REGION);
        assertThat(plan(false, temperature("Heat wrap", Temperature.HEAT, null))).isEmpty();
    }

    @Test
    void aSelfReleaseItemMustSayWhereItGoes() {
        assertThat(plan(false, release(Set.of()))).containsExactly(Rule.REGIONS_MISSING);
    }

    // --- own exercises ---

    @Test
    void anOwnExerciseIsCheckedForBedRestAndThePainIsProgressSayingsAnywhereThePatientReadsThem() {
        assertThat(exercise(entry(Category.MOVEMENT, null, Set.of(), "Complete rest for two days", "")))
                .containsExactly(Rule.BED_REST);
        assertThat(exercise(entry(Category.MOVEMENT, null, Set.of(), "Knee rocking", "No pain, no gain!")))
                .containsExactly(Rule.PAIN_IS_PROGRESS);
        assertThat(exercise(entry(Category.MOVEMENT, null, Set.of(), "Knee rocking", "Remember: pain is progress.")))
                .containsExactly(Rule.PAIN_IS_PROGRESS);
        assertThat(exercise(entry(Category.MOVEMENT, null, Set.of(), "Knee rocking",
                "Push through the pain to get results"))).containsExactly(Rule.PAIN_IS_PROGRESS);
        // Saying the opposite is what the guide asks for.
        assertThat(exercise(entry(Category.MOVEMENT, null, Set.of(), "Knee rocking",
                "Pain is not progress: stop if it hurts. Avoid bed rest."))).isEmpty();
    }

    @Test
    void anOwnTemperatureExerciseSaysWhatItAppliesAndAnOwnReleaseWhereAndNeverTheLowBack() {
        assertThat(exercise(entry(Category.TEMPERATURE, null, Set.of(), "Ice pack", "")))
                .containsExactly(Rule.TEMPERATURE_MISSING);
        assertThat(exercise(entry(Category.TEMPERATURE, Temperature.COLD, Set.of(), "Ice pack", ""))).isEmpty();
        assertThat(exercise(entry(Category.MYOFASCIAL_RELEASE, null, Set.of(), "Ball release", "")))
                .containsExactly(Rule.REGIONS_MISSING);
        assertThat(exercise(entry(Category.MYOFASCIAL_RELEASE, null, Set.of(BodyRegion.LOW_BACK), "Ball release", "")))
                .containsExactly(Rule.RELEASE_ON_FORBIDDEN_REGION);
        assertThat(exercise(entry(Category.MYOFASCIAL_RELEASE, null, Set.of(BodyRegion.HIPS), "Ball release", "")))
                .isEmpty();
    }

    // --- confirmation ---

    @Test
    void hydrationNeedsTheTherapistsConfirmation() {
        PlanContentRules.Item unconfirmed = new PlanContentRules.Item("items[0]", "Electrolyte hydration", "",
                Category.HYDRATION, null, Set.of(), false, null, true, null, false);
        assertThat(plan(false, unconfirmed)).containsExactly(Rule.NEEDS_CONFIRMATION);
        PlanContentRules.Item confirmed = new PlanContentRules.Item("items[0]", "Electrolyte hydration", "",
                Category.HYDRATION, null, Set.of(), false, null, true, null, true);
        assertThat(plan(false, confirmed)).isEmpty();
    }
}
