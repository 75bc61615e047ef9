package care.homeprogram.portal.rest;

import care.homeprogram.portal.service.IntakeForm;
import care.homeprogram.portal.service.IntakeMessages;
import java.util.HashMap;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/** The posted intake screen (the therapist's and the patient's forms have the same fields). */
public class IntakePost {
    @RestForm String ageAtFirstOnset;
    @RestForm String historyOfCancer;
    @RestForm String steroidUse;
    @RestForm String trauma;
    @RestForm String immunosuppression;
    @RestForm String ivDrugUse;
    @RestForm String recentBacterialInfection;
    @RestForm String osteoporosis;
    @RestForm String noImprovementAfterAMonth;
    @RestForm String fluidRestriction;
    @RestForm String saltRestriction;

    /** The form as typed, already checked, its errors in {@code words}. */
    IntakeForm form(IntakeMessages words) {
        Map<String, String> answers = new HashMap<>();
        answers.put("historyOfCancer", historyOfCancer);
        answers.put("steroidUse", steroidUse);
        answers.put("trauma", trauma);
        answers.put("immunosuppression", immunosuppression);
        answers.put("ivDrugUse", ivDrugUse);
        answers.put("recentBacterialInfection", recentBacterialInfection);
        answers.put("osteoporosis", osteoporosis);
        answers.put("noImprovementAfterAMonth", noImprovementAfterAMonth);
        answers.put("fluidRestriction", fluidRestriction);
        answers.put("saltRestriction", saltRestriction);
        return IntakeForm.posted(ageAtFirstOnset, answers, words);
    }
}
