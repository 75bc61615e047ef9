package care.homeprogram.plans.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CheckInRulesTest {

    @ParameterizedTest
    @EnumSource(value = RedFlag.class, names = { "SADDLE_NUMBNESS", "BLADDER_OR_BOWEL_CHANGE", "SEXUAL_DYSFUNCTION",
            "BOTH_LEGS_WEAKNESS_OR_NUMBNESS", "SERIOUS_ACCIDENT" })
    void everyEmergencyAnswerMeansSeekCareNowWithACriticalAlert(RedFlag flag) {
        SafetyOutcome outcome = CheckInRules.evaluate(Map.of(flag, true));
        assertThat(outcome.decision()).isEqualTo(Decision.SEEK_CARE_NOW);
        assertThat(outcome.guidance()).contains("emergency");
        assertThat(outcome.alerts()).singleElement().satisfies(a -> {
            assertThat(a.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(a.reasonCode()).isEqualTo(AlertSpec.RED_FLAG_EMERGENCY);
        });
    }

    @ParameterizedTest
    @EnumSource(value = RedFlag.class, names = { "FEVER", "UNEXPLAINED_WEIGHT_LOSS", "NIGHT_PAIN" })
    void everySameDayAnswerMeansSeekCareTodayWithAHighAlert(RedFlag flag) {
        SafetyOutcome outcome = CheckInRules.evaluate(Map.of(flag, true));
        assertThat(outcome.decision()).isEqualTo(Decision.SEEK_CARE_TODAY);
        assertThat(outcome.alerts()).extracting(AlertSpec::severity).containsExactly(Severity.HIGH);
    }

    @Test
    void anEmergencyOutranksSameDayAnswers() {
        SafetyOutcome outcome = CheckInRules.evaluate(Map.of(RedFlag.FEVER, true, RedFlag.SADDLE_NUMBNESS, true));
        assertThat(outcome.decision()).isEqualTo(Decision.SEEK_CARE_NOW);
        assertThat(outcome.reasons()).containsExactly("SADDLE_NUMBNESS", "FEVER");
        assertThat(outcome.alerts()).hasSize(1);
    }

    @Test
    void allNoOrMissingAnswersMeanContinueWithoutAlert() {
        Map<RedFlag, Boolean> allNo = new EnumMap<>(RedFlag.class);
        for (RedFlag flag : RedFlag.values()) {
            allNo.put(flag, false);
        }
        assertThat(CheckInRules.evaluate(allNo).decision()).isEqualTo(Decision.CONTINUE);
        assertThat(CheckInRules.evaluate(Map.of()).alerts()).isEmpty();
    }
}
