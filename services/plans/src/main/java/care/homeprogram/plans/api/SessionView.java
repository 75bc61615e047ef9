package care.homeprogram.plans.api;

import care.homeprogram.plans.domain.SessionChange;
import care.homeprogram.plans.domain.SessionLog;
import care.homeprogram.plans.safety.Decision;
import care.homeprogram.plans.safety.Symptom;
import care.homeprogram.plans.safety.TrafficLight;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A session as it stands (corrected values, if corrected), its status, and its changes oldest first: each with who,
 * when and why, and the values before it (the first change's are the session as originally logged).
 */
public record SessionView(UUID id, UUID planId, UUID itemId, OffsetDateTime performedAt, Integer setsDone,
        Integer repsDone, int painBefore, int painAfter, List<Symptom> symptoms, String note, Decision decision,
        TrafficLight trafficLight, List<String> reasons, Status status, OffsetDateTime loggedAt,
        OffsetDateTime correctedAt, OffsetDateTime withdrawnAt, List<Change> changes) {

    /** WITHDRAWN: still shown, no longer counted for adherence or pain history. */
    public enum Status {
        LOGGED, CORRECTED, WITHDRAWN
    }

    public record Change(SessionChange.Kind change, UUID changedBy, OffsetDateTime changedAt, String reason,
            SessionChange.Values before) {
    }

    public static SessionView of(SessionLog s, List<SessionChange> changes) {
        Status status = s.withdrawn() ? Status.WITHDRAWN : s.correctedAt != null ? Status.CORRECTED : Status.LOGGED;
        return new SessionView(s.id, s.planId, s.itemId, s.performedAt, s.setsDone, s.repsDone, s.painBefore,
                s.painAfter, s.symptoms, s.note, s.decision, s.trafficLight, s.reasons, status, s.createdAt,
                s.correctedAt, s.withdrawnAt, changes.stream()
                        .map(c -> new Change(c.change, c.changedBy, c.changedAt, c.reason, c.previous)).toList());
    }
}
