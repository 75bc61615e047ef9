package care.homeprogram.patients.api;

import care.homeprogram.patients.domain.IntakeScreening;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** PUT …/intake: the intake screen's answers; a missing answer is "no". Only the resulting flags are stored. */
public record IntakeRequest(
        @Min(value = 0, message = "must be an age in years") @Max(value = 120, message = "must be an age in years") Integer ageAtFirstOnset,
        Boolean historyOfCancer, Boolean steroidUse, Boolean trauma, Boolean immunosuppression, Boolean ivDrugUse,
        Boolean recentBacterialInfection, Boolean osteoporosis, Boolean noImprovementAfterAMonth,
        Boolean fluidRestriction, Boolean saltRestriction) {

    public IntakeScreening.Answers answers() {
        return new IntakeScreening.Answers(ageAtFirstOnset, yes(historyOfCancer), yes(steroidUse), yes(trauma),
                yes(immunosuppression), yes(ivDrugUse), yes(recentBacterialInfection), yes(osteoporosis),
                yes(noImprovementAfterAMonth), yes(fluidRestriction), yes(saltRestriction));
    }

    private static boolean yes(Boolean answer) {
        return Boolean.TRUE.equals(answer);
    }
}
