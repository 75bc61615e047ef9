package care.homeprogram.portal.client;

/**
 * PUT /api/patients/{id}/intake and /api/patients/me/intake: the intake screen's answers (patient-service's
 * IntakeRequest). The portal always sends every answer, so "no" is said, not assumed.
 */
public record IntakeAnswers(Integer ageAtFirstOnset, Boolean historyOfCancer, Boolean steroidUse, Boolean trauma,
        Boolean immunosuppression, Boolean ivDrugUse, Boolean recentBacterialInfection, Boolean osteoporosis,
        Boolean noImprovementAfterAMonth, Boolean fluidRestriction, Boolean saltRestriction) {
}
