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
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** What a patient did for one item, when, how it felt, and what the safety rules decided. */
@Entity
@Table(name = "session_log")
public class SessionLog extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    @Column(name = "item_id", nullable = false)
    public UUID itemId;

    @Column(name = "patient_id", nullable = false)
    public UUID patientId;

    @Column(name = "performed_at", nullable = false)
    public OffsetDateTime performedAt;

    @Column(name = "sets_done")
    public Integer setsDone;

    @Column(name = "reps_done")
    public Integer repsDone;

    @Column(name = "pain_before", nullable = false)
    public int painBefore;

    @Column(name = "pain_after", nullable = false)
    public int painAfter;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Symptom> symptoms;

    public String note;

    @Column(name = "settled_since_last")
    public Boolean settledSinceLast;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Decision decision;

    @Enumerated(EnumType.STRING)
    @Column(name = "traffic_light", nullable = false)
    public TrafficLight trafficLight;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> reasons;

    /** When the session was logged: the patient may correct or withdraw it for a while after (SessionsConfig). */
    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    /** The latest correction; the values above are the corrected ones, earlier values are in {@link SessionChange}. */
    @Column(name = "corrected_at")
    public OffsetDateTime correctedAt;

    /** Withdrawn by the patient: still shown, marked so, but no longer counted for adherence or pain history. */
    @Column(name = "withdrawn_at")
    public OffsetDateTime withdrawnAt;

    public boolean withdrawn() {
        return withdrawnAt != null;
    }

    /** Every session of the plan, withdrawn ones included, newest first: the history as it was told. */
    public static List<SessionLog> ofPlan(UUID planId) {
        return list("planId = ?1 order by performedAt desc", planId);
    }

    /** The plan's sessions performed in [from, to), withdrawn ones included, newest first (as {@link #ofPlan}). */
    public static List<SessionLog> ofPlanBetween(UUID planId, OffsetDateTime from, OffsetDateTime to) {
        return list("planId = ?1 and performedAt >= ?2 and performedAt < ?3 order by performedAt desc", planId, from,
                to);
    }

    /** The sessions that count (for adherence and pain history): withdrawn ones left out, newest first. */
    public static List<SessionLog> countedOfPlan(UUID planId) {
        return list("planId = ?1 and withdrawnAt is null order by performedAt desc", planId);
    }

    /** The item's latest counted session, if any. */
    public static java.util.Optional<SessionLog> latestCountedOfItem(UUID itemId) {
        return find("itemId = ?1 and withdrawnAt is null order by performedAt desc, createdAt desc", itemId)
                .firstResultOptional();
    }

    /** The patient's counted sessions (withdrawn ones left out) performed in [from, to), oldest first. */
    public static List<SessionLog> countedOfPatient(UUID patientId, OffsetDateTime from, OffsetDateTime to) {
        return list("patientId = ?1 and withdrawnAt is null and performedAt >= ?2 and performedAt < ?3 "
                + "order by performedAt, id", patientId, from, to);
    }
}
