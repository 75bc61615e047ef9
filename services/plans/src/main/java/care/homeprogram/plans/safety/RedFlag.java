package care.homeprogram.plans.safety;

/** The check-in questions (docs/api-contract.md) and how urgent a yes is (docs/clinical-rules.md rules 1 and 2; NICE NG59). */
public enum RedFlag {
    SADDLE_NUMBNESS(Decision.SEEK_CARE_NOW, "numbness in the genitals, buttocks or inner thighs"),
    BLADDER_OR_BOWEL_CHANGE(Decision.SEEK_CARE_NOW, "new bladder or bowel trouble"),
    SEXUAL_DYSFUNCTION(Decision.SEEK_CARE_NOW, "new sexual dysfunction"),
    BOTH_LEGS_WEAKNESS_OR_NUMBNESS(Decision.SEEK_CARE_NOW, "weakness or numbness in both legs, or worsening weakness"),
    SERIOUS_ACCIDENT(Decision.SEEK_CARE_NOW, "back pain after a serious accident"),
    FEVER(Decision.SEEK_CARE_TODAY, "fever with back pain"),
    UNEXPLAINED_WEIGHT_LOSS(Decision.SEEK_CARE_TODAY, "unexplained weight loss"),
    NIGHT_PAIN(Decision.SEEK_CARE_TODAY, "night pain not eased by rest");

    private final Decision decision;
    private final String description;

    RedFlag(Decision decision, String description) {
        this.decision = decision;
        this.description = description;
    }

    public Decision decision() {
        return decision;
    }

    public String description() {
        return description;
    }
}
