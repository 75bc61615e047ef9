package care.homeprogram.plans.domain;

import care.homeprogram.plans.safety.Decision;
import care.homeprogram.plans.safety.Symptom;
import care.homeprogram.plans.safety.TrafficLight;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A correction or withdrawal of a session by the patient who logged it: the values as they were before, with who,
 * when and why. The first change of a session holds the values as originally logged. Never changed once written.
 */
@Entity
@Table(name = "session_change")
public class SessionChange extends PanacheEntityBase {
    public enum Kind {
        CORRECTED, WITHDRAWN
    }

    /** A session's values and what the safety rules decided on them. */
    public record Values(Integer setsDone, Integer repsDone, int painBefore, int painAfter, List<Symptom> symptoms,
            String note, Decision decision, TrafficLight trafficLight, List<String> reasons) {

        public static Values of(SessionLog s) {
            return new Values(s.setsDone, s.repsDone, s.painBefore, s.painAfter, s.symptoms, s.note, s.decision,
                    s.trafficLight, s.reasons);
        }
    }

    @Id
    public UUID id;

    @Column(name = "session_id", nullable = false)
    public UUID sessionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind change;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Values previous;

    @Column(name = "changed_by", nullable = false)
    public UUID changedBy;

    @Column(name = "changed_at", nullable = false)
    public OffsetDateTime changedAt;

    @Column(nullable = false)
    public String reason;

    /** The changes of these sessions, oldest first. */
    /**
     * The changes of the plan's sessions performed in [from, to), oldest first ({@link SessionLog#ofPlanBetween}'s
     * sessions): single-valued parameters, so Hibernate keeps the query's translation, unlike an "in" list.
     */
    public static List<SessionChange> ofPlanBetween(UUID planId, OffsetDateTime from, OffsetDateTime to) {
        return list("sessionId in (select s.id from SessionLog s where s.planId = ?1 and s.performedAt >= ?2 "
                + "and s.performedAt < ?3) order by changedAt, id", planId, from, to);
    }

    public static List<SessionChange> ofSessions(Collection<UUID> sessionIds) {
        return sessionIds.isEmpty() ? List.of()
                : list("sessionId in ?1 order by changedAt, id", List.copyOf(sessionIds));
    }
}
