package care.homeprogram.plans.rest;

import care.homeprogram.plans.domain.SessionLog;
import care.homeprogram.plans.safety.Decision;
import care.homeprogram.plans.safety.Symptom;
import care.homeprogram.plans.safety.TrafficLight;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

public record SessionView(UUID id, UUID planId, UUID itemId, OffsetDateTime performedAt, Integer setsDone,
        Integer repsDone, int painBefore, int painAfter, List<Symptom> symptoms, String note, Decision decision,
        TrafficLight trafficLight, List<String> reasons) {

    public static SessionView of(SessionLog s) {
        return new SessionView(s.id, s.planId, s.itemId, s.performedAt, s.setsDone, s.repsDone, s.painBefore,
                s.painAfter, s.symptoms, s.note, s.decision, s.trafficLight, s.reasons);
    }
}
