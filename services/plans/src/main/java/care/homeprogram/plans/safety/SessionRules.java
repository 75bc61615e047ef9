package care.homeprogram.plans.safety;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules applied to every logged session (docs/clinical-rules.md rules 4 and 5, stop and traffic-light rules):
 * <ol>
 * <li>stop rule: any reported symptom pauses the item, HIGH alert;</li>
 * <li>traffic light on the pain during/after: green continue; amber continue and ask tomorrow whether it settled;
 * red pauses the item, HIGH alert;</li>
 * <li>a rise over the patient's baseline by the configured points alerts HIGH (once: not on top of a red alert);</li>
 * <li>amber pain that did not settle by the next session alerts HIGH.</li>
 * </ol>
 */
public final class SessionRules {
    private SessionRules() {
    }

    /**
     * @param painAfter         pain during/after the exercise, 0–10
     * @param baseline          the patient's usual pain, or null while unknown (the first session sets it)
     * @param previousAmberSettled null unless the last session was amber: whether it settled since
     */
    public static SafetyOutcome evaluate(int painAfter, Set<Symptom> symptoms, Integer baseline,
            Boolean previousAmberSettled, Thresholds thresholds) {
        List<String> reasons = new ArrayList<>();
        List<AlertSpec> alerts = new ArrayList<>();
        TrafficLight light = TrafficLight.of(painAfter, thresholds);
        Decision decision = Decision.CONTINUE;
        GuidanceText guidance;

        if (!symptoms.isEmpty()) {
            decision = Decision.ITEM_PAUSED;
            List<Symptom> ordered = symptoms.stream().sorted().toList();
            ordered.forEach(s -> reasons.add(AlertSpec.STOP_RULE + ":" + s));
            alerts.add(new AlertSpec(Severity.HIGH, AlertSpec.STOP_RULE, "Stop rule: patient reported "
                    + ordered.stream().map(Enum::name).collect(Collectors.joining(", ")) + "; item paused"));
            guidance = GuidanceText.of(Guidance.STOP, GuidanceText.all(ordered.stream().map(Guidance::why).toList()));
        } else if (light == TrafficLight.RED) {
            decision = Decision.ITEM_PAUSED;
            guidance = GuidanceText.of(Guidance.RED, painAfter);
        } else if (light == TrafficLight.AMBER) {
            guidance = GuidanceText.of(Guidance.AMBER, painAfter);
        } else {
            guidance = GuidanceText.of(Guidance.GREEN, painAfter);
        }

        if (light == TrafficLight.RED) {
            reasons.add(AlertSpec.PAIN_RED);
            alerts.add(new AlertSpec(Severity.HIGH, AlertSpec.PAIN_RED,
                    "Pain " + painAfter + "/10 is in the red band (≥ " + (thresholds.amberMax() + 1) + "); item paused"));
        } else if (light == TrafficLight.AMBER) {
            reasons.add("PAIN_AMBER");
        }

        boolean rose = baseline != null && painAfter - baseline >= thresholds.baselineRiseAlert();
        if (rose) {
            reasons.add(AlertSpec.PAIN_RISE_OVER_BASELINE);
            if (light != TrafficLight.RED) {
                alerts.add(new AlertSpec(Severity.HIGH, AlertSpec.PAIN_RISE_OVER_BASELINE, "Pain " + painAfter
                        + "/10 is " + (painAfter - baseline) + " above the patient's baseline of " + baseline));
                guidance = guidance.then(Guidance.RISE);
            }
        }

        if (Boolean.FALSE.equals(previousAmberSettled)) {
            reasons.add(AlertSpec.PAIN_AMBER_NOT_SETTLED);
            alerts.add(new AlertSpec(Severity.HIGH, AlertSpec.PAIN_AMBER_NOT_SETTLED,
                    "Amber pain after the previous session had not settled within 24 hours"));
        }
        if (reasons.isEmpty()) {
            reasons.add("PAIN_GREEN");
        }
        return new SafetyOutcome(decision, List.copyOf(reasons), guidance, List.copyOf(alerts), light,
                light == TrafficLight.AMBER && decision == Decision.CONTINUE);
    }
}
