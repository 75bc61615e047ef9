package care.homeprogram.plans.safety;

/** What the safety rules tell the patient to do, from least to most urgent. */
public enum Decision {
    CONTINUE, ITEM_PAUSED, SEEK_CARE_TODAY, SEEK_CARE_NOW;

    public Decision mostUrgent(Decision other) {
        return other.ordinal() > ordinal() ? other : this;
    }
}
