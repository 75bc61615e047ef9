package care.homeprogram.patients.domain;

import care.homeprogram.contract.events.IntakeFlag;
import java.util.EnumSet;
import java.util.Set;

/**
 * The intake screen as plain logic: answers in, flags out. Any flag means the therapist must sign off before a plan
 * becomes active. First onset under 20 or over 50 are flags (docs/clinical-rules.md, rule 3; NICE NG59 red flags); 20 and 50 themselves are not.
 */
public final class IntakeScreening {
    public static final int YOUNG_ONSET_BELOW = 20;
    public static final int LATE_ONSET_ABOVE = 50;

    private IntakeScreening() {
    }

    /** What the therapist (or the patient at first login) answered; a missing answer is "no". */
    public record Answers(Integer ageAtFirstOnset, boolean historyOfCancer, boolean steroidUse, boolean trauma,
            boolean immunosuppression, boolean ivDrugUse, boolean recentBacterialInfection, boolean osteoporosis,
            boolean noImprovementAfterAMonth, boolean fluidRestriction, boolean saltRestriction) {
    }

    public static Set<IntakeFlag> flags(Answers answers) {
        Set<IntakeFlag> flags = EnumSet.noneOf(IntakeFlag.class);
        Integer onset = answers.ageAtFirstOnset();
        if (onset != null && onset < YOUNG_ONSET_BELOW) {
            flags.add(IntakeFlag.ONSET_UNDER_20);
        }
        if (onset != null && onset > LATE_ONSET_ABOVE) {
            flags.add(IntakeFlag.ONSET_OVER_50);
        }
        add(flags, answers.historyOfCancer(), IntakeFlag.HISTORY_OF_CANCER);
        add(flags, answers.steroidUse(), IntakeFlag.STEROID_USE);
        add(flags, answers.trauma(), IntakeFlag.TRAUMA);
        add(flags, answers.immunosuppression(), IntakeFlag.IMMUNOSUPPRESSION);
        add(flags, answers.ivDrugUse(), IntakeFlag.IV_DRUG_USE);
        add(flags, answers.recentBacterialInfection(), IntakeFlag.RECENT_BACTERIAL_INFECTION);
        add(flags, answers.osteoporosis(), IntakeFlag.OSTEOPOROSIS);
        add(flags, answers.noImprovementAfterAMonth(), IntakeFlag.NO_IMPROVEMENT_AFTER_A_MONTH);
        add(flags, answers.fluidRestriction(), IntakeFlag.FLUID_RESTRICTION);
        add(flags, answers.saltRestriction(), IntakeFlag.SALT_RESTRICTION);
        return flags;
    }

    public static boolean requiresSignOff(Set<IntakeFlag> flags) {
        return !flags.isEmpty();
    }

    private static void add(Set<IntakeFlag> flags, boolean answer, IntakeFlag flag) {
        if (answer) {
            flags.add(flag);
        }
    }
}
