package care.homeprogram.plans.service;

import care.homeprogram.commons.outbox.Outbox;
import care.homeprogram.commons.security.CurrentUser;
import care.homeprogram.plans.api.AlertView;
import care.homeprogram.plans.domain.Alert;
import care.homeprogram.plans.domain.AlertEscalation;
import care.homeprogram.plans.domain.CareTeamMember;
import care.homeprogram.contract.events.PlanEvents;
import care.homeprogram.plans.events.PlanEventData;
import care.homeprogram.plans.safety.AlertSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.hibernate.query.NativeQuery;
import org.jboss.logging.Logger;

/**
 * Alerts for therapists: raised by the rules, announced on plan-events, acknowledged by a named therapist. A repeat
 * of an open alert's signal counts on that alert and notifies no one again; unacknowledged alerts escalate
 * ({@link AlertEscalator}).
 */
@ApplicationScoped
public class AlertService {
    private static final Logger LOG = Logger.getLogger(AlertService.class);

    /**
     * One statement, so two identical reports at the same moment cannot both insert: the second waits for the first
     * on the unique index of open alerts (V3 migration, alert_open_identity) and then counts on it.
     */
    private static final String RAISE_OR_REPEAT = """
            INSERT INTO alert (id, patient_id, plan_id, item_id, severity, reason_code, reason, status, created_at,
                               occurrences, last_seen_at, escalation_level)
            VALUES (:id, :patientId, :planId, :itemId, :severity, :reasonCode, :reason, 'OPEN', :now, 1, :now, 0)
            ON CONFLICT (patient_id, COALESCE(plan_id, '00000000-0000-0000-0000-000000000000'::uuid),
                         COALESCE(item_id, '00000000-0000-0000-0000-000000000000'::uuid), reason_code)
                WHERE status = 'OPEN'
            DO UPDATE SET occurrences = alert.occurrences + 1,
                          last_seen_at = GREATEST(alert.last_seen_at, EXCLUDED.last_seen_at),
                          reason = EXCLUDED.reason
            RETURNING CAST(id AS text), occurrences
            """;

    private final EntityManager entityManager;
    private final Outbox outbox;
    private final Clock clock;

    /** Whose alerts the caller may see and acknowledge (field-injected: the constructor stays as it is). */
    @Inject
    PlanAccess access;

    public AlertService(EntityManager entityManager, Outbox outbox, Clock clock) {
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Raises the alert, or, while an alert of the same patient, plan, item and reason code is open, counts this report
     * on it (the reason then reads as the latest report). Only a new alert is announced with {@code AlertRaised},
     * which notifies the care team; a repeat is announced with {@code AlertRepeated}, which names no one to notify.
     *
     * @return the id of the alert raised or repeated
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID raise(UUID patientId, UUID planId, UUID itemId, AlertSpec spec) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        String reason = spec.reason().length() > 500 ? spec.reason().substring(0, 500) : spec.reason();
        // Typed parameters: a null plan or item must still bind as uuid.
        NativeQuery<?> upsert = entityManager.createNativeQuery(RAISE_OR_REPEAT).unwrap(NativeQuery.class);
        Object[] row = (Object[]) upsert.setParameter("id", UUID.randomUUID(), UUID.class)
                .setParameter("patientId", patientId, UUID.class)
                .setParameter("planId", planId, UUID.class)
                .setParameter("itemId", itemId, UUID.class)
                .setParameter("severity", spec.severity().name(), String.class)
                .setParameter("reasonCode", spec.reasonCode(), String.class)
                .setParameter("reason", reason, String.class)
                .setParameter("now", now, OffsetDateTime.class)
                .getSingleResult();
        UUID alertId = UUID.fromString((String) row[0]);
        int occurrences = ((Number) row[1]).intValue();
        if (occurrences == 1) {
            outbox.append(PlanEvents.ALERT_RAISED, patientId, new PlanEvents.AlertRaised(alertId, patientId, planId,
                    itemId, careTeam(patientId), PlanEventData.severity(spec.severity()), spec.reasonCode()));
            // Severity and reason code (a red flag) stay in the database and the event, out of the logs.
            LOG.infof("alert %s raised for patient %s", alertId, patientId);
        } else {
            outbox.append(PlanEvents.ALERT_REPEATED, patientId, new PlanEvents.AlertRepeated(
                    alertId, patientId, planId, itemId, PlanEventData.severity(spec.severity()), spec.reasonCode(),
                    occurrences, now));
            LOG.infof("alert %s repeated for patient %s: %d reports", alertId, patientId, occurrences);
        }
        return alertId;
    }

    /** The therapists caring for the patient now, in a stable order. */
    static List<UUID> careTeam(UUID patientId) {
        return CareTeamMember.<CareTeamMember>list("key.patientId", patientId).stream()
                .map(m -> m.key.therapistId()).sorted().toList();
    }

    @Transactional
    public List<AlertView> forTherapist(CurrentUser therapist, Alert.Status status) {
        return views(access.alerts(therapist, status));
    }

    /** The alerts as therapists see them, each with its escalation steps (one query for all of them). */
    static List<AlertView> views(List<Alert> alerts) {
        Map<UUID, List<AlertEscalation>> history = AlertEscalation.ofAlerts(alerts.stream().map(a -> a.id).toList())
                .stream().collect(Collectors.groupingBy(e -> e.alertId));
        return alerts.stream().map(a -> AlertView.of(a, history.getOrDefault(a.id, List.of()))).toList();
    }

    /**
     * Idempotent: acknowledging twice keeps the first acknowledgement (who and when). The row is locked, so an
     * escalation step running at the same moment either finishes first or finds the alert acknowledged.
     */
    @Transactional
    public AlertView acknowledge(CurrentUser therapist, UUID alertId) {
        Alert alert = access.alertToChange(therapist, alertId);
        if (alert.status == Alert.Status.MERGED) {
            // A duplicate from before repeats were counted: acknowledging it acknowledges the alert that counts it.
            alert = access.alertToChange(therapist, alert.mergedInto);
        }
        if (alert.status == Alert.Status.OPEN) {
            alert.status = Alert.Status.ACKNOWLEDGED;
            alert.acknowledgedBy = therapist.id();
            alert.acknowledgedAt = OffsetDateTime.now(clock);
            outbox.append(PlanEvents.ALERT_ACKNOWLEDGED, alert.patientId,
                    new PlanEvents.AlertAcknowledged(alert.id, alert.patientId, therapist.id(), alert.acknowledgedAt));
            LOG.infof("alert %s acknowledged by %s", alert.id, therapist.id());
        }
        return AlertView.of(alert, AlertEscalation.ofAlerts(List.of(alert.id)));
    }
}
