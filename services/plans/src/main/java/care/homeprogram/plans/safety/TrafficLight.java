package care.homeprogram.plans.safety;

/** Pain during/after an exercise on the 0–10 scale, in three bands (docs/clinical-rules.md rule 5). */
public enum TrafficLight {
    GREEN, AMBER, RED;

    public static TrafficLight of(int pain, Thresholds thresholds) {
        if (pain <= thresholds.greenMax()) {
            return GREEN;
        }
        return pain <= thresholds.amberMax() ? AMBER : RED;
    }
}
