package care.homeprogram.plans.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PlanContentRulesTest {

    private static PlanContentRules.Item item(String name, boolean cold, boolean confirm, String coldReason,
            boolean confirmed) {
        return new PlanContentRules.Item(name, "", cold, confirm, coldReason, confirmed);
    }

    @Test
    void bedRestIsNeverPrescribed() {
        assertThat(PlanContentRules.violations(List.of(new PlanContentRules.Item("Full bed rest", "3 days", false,
                false, null, false)))).singleElement().asString().contains("never prescribes bed rest");
        assertThat(PlanContentRules.violations(List.of(new PlanContentRules.Item("Rest", "stay in bed all day",
                false, false, null, false)))).hasSize(1);
        assertThat(PlanContentRules.prescribesBedRest("Bird-dog: a bedside routine")).isFalse();
    }

    @Test
    void coldNeedsAnAcuteFlareUpReason() {
        assertThat(PlanContentRules.violations(List.of(item("Contrast heat/cold", true, false, null, false))))
                .singleElement().asString().contains("acute flare-up");
        assertThat(PlanContentRules.violations(List.of(item("Contrast heat/cold", true, false,
                PlanContentRules.ACUTE_FLARE_UP, false)))).isEmpty();
    }

    @Test
    void hydrationTargetsNeedTheTherapistsConfirmation() {
        assertThat(PlanContentRules.violations(List.of(item("Electrolyte hydration", false, true, null, false))))
                .hasSize(1);
        assertThat(PlanContentRules.violations(List.of(item("Electrolyte hydration", false, true, null, true))))
                .isEmpty();
    }
}
