package care.homeprogram.plans.safety;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The red-flag check-in (docs/clinical-rules.md rules 1 and 2): any emergency answer → seek care now (shown whatever the time
 * or quiet hours), plans on hold, CRITICAL alert; otherwise any same-day answer → seek care today, HIGH alert.
 */
public final class CheckInRules {
    private CheckInRules() {
    }

    public static SafetyOutcome evaluate(Map<RedFlag, Boolean> answers) {
        List<RedFlag> yes = answers.entrySet().stream().filter(e -> Boolean.TRUE.equals(e.getValue()))
                .map(Map.Entry::getKey).sorted().toList();
        Decision decision = yes.stream().map(RedFlag::decision).reduce(Decision.CONTINUE, Decision::mostUrgent);
        List<String> reasons = yes.stream().map(Enum::name).toList();
        String described = yes.stream().map(RedFlag::description).collect(Collectors.joining(", "));
        return switch (decision) {
            case SEEK_CARE_NOW -> new SafetyOutcome(decision, reasons, GuidanceText.of(Guidance.EMERGENCY),
                    List.of(new AlertSpec(Severity.CRITICAL, AlertSpec.RED_FLAG_EMERGENCY,
                            "Emergency red flags reported: " + described + "; plans put on hold")),
                    null, false);
            case SEEK_CARE_TODAY -> new SafetyOutcome(decision, reasons, GuidanceText.of(Guidance.SAME_DAY),
                    List.of(new AlertSpec(Severity.HIGH, AlertSpec.RED_FLAG_SAME_DAY,
                            "Same-day red flags reported: " + described)),
                    null, false);
            default -> new SafetyOutcome(Decision.CONTINUE, reasons, GuidanceText.of(Guidance.NO_RED_FLAGS), List.of(), null, false);
        };
    }
}
