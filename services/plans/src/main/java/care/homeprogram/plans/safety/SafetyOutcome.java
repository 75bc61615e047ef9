package care.homeprogram.plans.safety;

import java.util.List;

/**
 * What the rules decided: the decision, the reasons (codes), the words to show the patient, the alerts to raise,
 * and whether to ask tomorrow if amber pain settled.
 */
public record SafetyOutcome(Decision decision, List<String> reasons, GuidanceText text, List<AlertSpec> alerts,
        TrafficLight trafficLight, boolean askTomorrowIfSettled) {

    /** The words in English, the original (the service renders {@link #text} in the reader's language). */
    public String guidance() {
        return text.in(care.homeprogram.contract.Language.EN);
    }
}
