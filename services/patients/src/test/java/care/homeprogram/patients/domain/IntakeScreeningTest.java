package care.homeprogram.patients.domain;

import static org.assertj.core.api.Assertions.assertThat;

import care.homeprogram.contract.events.IntakeFlag;
import care.homeprogram.patients.domain.IntakeScreening.Answers;
import org.junit.jupiter.api.Test;

class IntakeScreeningTest {
    private static Answers onset(Integer age) {
        return new Answers(age, false, false, false, false, false, false, false, false, false, false);
    }

    @Test
    void noAnswersNoFlagsNoSignOff() {
        assertThat(IntakeScreening.flags(onset(null))).isEmpty();
        assertThat(IntakeScreening.requiresSignOff(IntakeScreening.flags(onset(35)))).isFalse();
    }

    @Test
    void firstOnsetUnder20OrOver50IsFlaggedButNotTheBoundaries() {
        assertThat(IntakeScreening.flags(onset(19))).containsExactly(IntakeFlag.ONSET_UNDER_20);
        assertThat(IntakeScreening.flags(onset(20))).isEmpty();
        assertThat(IntakeScreening.flags(onset(50))).isEmpty();
        assertThat(IntakeScreening.flags(onset(51))).containsExactly(IntakeFlag.ONSET_OVER_50);
    }

    @Test
    void everyYesBecomesItsFlagAndAnyFlagRequiresSignOff() {
        Answers all = new Answers(60, true, true, true, true, true, true, true, true, true, true);
        var flags = IntakeScreening.flags(all);
        assertThat(flags).containsExactlyInAnyOrder(IntakeFlag.ONSET_OVER_50, IntakeFlag.HISTORY_OF_CANCER,
                IntakeFlag.STEROID_USE, IntakeFlag.TRAUMA, IntakeFlag.IMMUNOSUPPRESSION, IntakeFlag.IV_DRUG_USE,
                IntakeFlag.RECENT_BACTERIAL_INFECTION, IntakeFlag.OSTEOPOROSIS,
                IntakeFlag.NO_IMPROVEMENT_AFTER_A_MONTH, IntakeFlag.FLUID_RESTRICTION, IntakeFlag.SALT_RESTRICTION);
        assertThat(IntakeScreening.requiresSignOff(flags)).isTrue();
        assertThat(IntakeScreening.flags(new Answers(30, true, false, false, false, false, false, false, false, false,
                false))).containsExactly(IntakeFlag.HISTORY_OF_CANCER);
    }

    /** The guide's 3–4 L a day is never suggested to someone a doctor limits: the screen asks, and a yes is a flag. */
    @Test
    void aFluidOrSaltRestrictionIsAFlagTheTherapistSignsOff() {
        var fluid = IntakeScreening.flags(new Answers(30, false, false, false, false, false, false, false, false, true,
                false));
        assertThat(fluid).containsExactly(IntakeFlag.FLUID_RESTRICTION);
        assertThat(IntakeScreening.requiresSignOff(fluid)).isTrue();
        assertThat(IntakeScreening.flags(new Answers(30, false, false, false, false, false, false, false, false, false,
                true))).containsExactly(IntakeFlag.SALT_RESTRICTION);
    }
}
