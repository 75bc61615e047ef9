package care.homeprogram.plans.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class SessionRulesTest {
    private static final Set<Symptom> NONE = Set.of();

    private static SafetyOutcome pain(int painAfter, Integer baseline) {
        return SessionRules.evaluate(painAfter, NONE, baseline, null, Thresholds.DEFAULT);
    }

    @ParameterizedTest(name = "pain {0} → {1}, {2}")
    @CsvSource({ "0, GREEN, CONTINUE", "3, GREEN, CONTINUE", "4, AMBER, CONTINUE", "5, AMBER, CONTINUE",
            "6, RED, ITEM_PAUSED", "10, RED, ITEM_PAUSED" })
    void trafficLightBoundaries(int painAfter, TrafficLight light, Decision decision) {
        SafetyOutcome outcome = pain(painAfter, null);
        assertThat(outcome.trafficLight()).isEqualTo(light);
        assertThat(outcome.decision()).isEqualTo(decision);
    }

    @Test
    void greenNeedsNoAlertAndNoFollowUp() {
        SafetyOutcome outcome = pain(3, 3);
        assertThat(outcome.alerts()).isEmpty();
        assertThat(outcome.askTomorrowIfSettled()).isFalse();
        assertThat(outcome.guidance()).contains("keep going");
    }

    @Test
    void amberContinuesAndAsksTomorrowWithoutAlerting() {
        SafetyOutcome outcome = pain(4, 4);
        assertThat(outcome.alerts()).isEmpty();
        assertThat(outcome.askTomorrowIfSettled()).isTrue();
        assertThat(outcome.guidance()).contains("settles within 24 hours");
    }

    @Test
    void redPausesTheItemWithAHighAlert() {
        SafetyOutcome outcome = pain(7, null);
        assertThat(outcome.alerts()).singleElement().satisfies(alert -> {
            assertThat(alert.severity()).isEqualTo(Severity.HIGH);
            assertThat(alert.reasonCode()).isEqualTo(AlertSpec.PAIN_RED);
        });
        assertThat(outcome.guidance()).contains("paused");
    }

    @Test
    void aRiseOfOneOverBaselineDoesNotAlertButTwoDoes() {
        assertThat(pain(3, 2).alerts()).isEmpty();
        SafetyOutcome two = pain(4, 2);
        assertThat(two.alerts()).extracting(AlertSpec::reasonCode).containsExactly(AlertSpec.PAIN_RISE_OVER_BASELINE);
        assertThat(two.decision()).isEqualTo(Decision.CONTINUE);
    }

    @Test
    void aRedSessionThatAlsoRoseAlertsOnceNotTwice() {
        SafetyOutcome outcome = pain(8, 2);
        assertThat(outcome.alerts()).extracting(AlertSpec::reasonCode).containsExactly(AlertSpec.PAIN_RED);
        assertThat(outcome.reasons()).contains(AlertSpec.PAIN_RED, AlertSpec.PAIN_RISE_OVER_BASELINE);
    }

    @ParameterizedTest
    @EnumSource(Symptom.class)
    void everyStopSymptomPausesTheItemEvenWithLowPain(Symptom symptom) {
        SafetyOutcome outcome = SessionRules.evaluate(1, Set.of(symptom), 1, null, Thresholds.DEFAULT);
        assertThat(outcome.decision()).isEqualTo(Decision.ITEM_PAUSED);
        assertThat(outcome.alerts()).extracting(AlertSpec::reasonCode).containsExactly(AlertSpec.STOP_RULE);
        assertThat(outcome.alerts().get(0).severity()).isEqualTo(Severity.HIGH);
        assertThat(outcome.guidance()).startsWith("Stop this exercise").contains("emergency help");
    }

    @Test
    void painRisingWithEachRepetitionStopsTheExerciseWhileTheScoreIsStillGreen() {
        SafetyOutcome outcome = SessionRules.evaluate(2, Set.of(Symptom.PAIN_RISING_WITH_REPETITIONS), 2, null,
                Thresholds.DEFAULT);
        assertThat(outcome.trafficLight()).isEqualTo(TrafficLight.GREEN);
        assertThat(outcome.decision()).isEqualTo(Decision.ITEM_PAUSED);
        assertThat(outcome.reasons()).contains("STOP_RULE:PAIN_RISING_WITH_REPETITIONS");
        assertThat(outcome.alerts().get(0).reason()).contains("PAIN_RISING_WITH_REPETITIONS");
        assertThat(outcome.guidance()).contains("rises with each repetition");
    }

    @Test
    void symptomsAndRedPainTogetherRaiseBothAlerts() {
        SafetyOutcome outcome = SessionRules.evaluate(9, EnumSet.allOf(Symptom.class), 2, null, Thresholds.DEFAULT);
        assertThat(outcome.decision()).isEqualTo(Decision.ITEM_PAUSED);
        assertThat(outcome.alerts()).extracting(AlertSpec::reasonCode)
                .containsExactly(AlertSpec.STOP_RULE, AlertSpec.PAIN_RED);
        assertThat(outcome.askTomorrowIfSettled()).isFalse();
    }

    @Test
    void amberThatDidNotSettleAlertsAtTheNextSession() {
        SafetyOutcome outcome = SessionRules.evaluate(2, NONE, 2, false, Thresholds.DEFAULT);
        assertThat(outcome.alerts()).extracting(AlertSpec::reasonCode).containsExactly(AlertSpec.PAIN_AMBER_NOT_SETTLED);
        assertThat(SessionRules.evaluate(2, NONE, 2, true, Thresholds.DEFAULT).alerts()).isEmpty();
    }

    @Test
    void thresholdsComeFromConfigurationOrThePlan() {
        Thresholds stricter = new Thresholds(2, 4, 1);
        assertThat(SessionRules.evaluate(3, NONE, null, null, stricter).trafficLight()).isEqualTo(TrafficLight.AMBER);
        assertThat(SessionRules.evaluate(5, NONE, null, null, stricter).decision()).isEqualTo(Decision.ITEM_PAUSED);
        assertThat(SessionRules.evaluate(3, NONE, 2, null, stricter).alerts()).isNotEmpty();
    }

    @Test
    void patientWordsNeverSayPainIsProgressOrPrescribeBedRest() {
        for (int pain = 0; pain <= 10; pain++) {
            for (Symptom symptom : Symptom.values()) {
                String guidance = SessionRules.evaluate(pain, Set.of(symptom), 0, false, Thresholds.DEFAULT).guidance()
                        + SessionRules.evaluate(pain, NONE, 0, null, Thresholds.DEFAULT).guidance();
                assertThat(guidance.toLowerCase()).doesNotContain("pain is progress", "no pain, no gain");
                PlanContentRules shipped = new PlanContentRules(PlanContentRulesTest.SHIPPED.content().settings());
                assertThat(shipped.prescribesBedRest(guidance)).isFalse();
                assertThat(shipped.saysPainIsProgress(guidance)).isFalse();
            }
        }
    }
}
