package care.homeprogram.plans.service;

import care.homeprogram.commons.outbox.Outbox;
import care.homeprogram.commons.problem.ProblemException;
import care.homeprogram.commons.security.CurrentUser;
import care.homeprogram.plans.domain.Alert;
import care.homeprogram.plans.domain.CareTeamMember;
import care.homeprogram.plans.events.PlanEvents;
import care.homeprogram.plans.rest.AlertView;
import care.homeprogram.plans.safety.AlertSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Alerts for therapists: raised by the rules, announced on plan-events, acknowledged by a named therapist. */
@ApplicationScoped
public class AlertService {
    private static final Logger LOG = Logger.getLogger(AlertService.class);

    private final Outbox outbox;
    private final Clock clock;

    public AlertService(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Alert raise(UUID patientId, UUID planId, UUID itemId, AlertSpec spec) {
        Alert alert = new Alert();
        alert.id = UUID.randomUUID();
        alert.patientId = patientId;
        alert.planId = planId;
        alert.itemId = itemId;
        alert.severity = spec.severity();
        alert.reasonCode = spec.reasonCode();
        alert.reason = spec.reason().length() > 500 ? spec.reason().substring(0, 500) : spec.reason();
        alert.status = Alert.Status.OPEN;
        alert.createdAt = OffsetDateTime.now(clock);
        alert.persist();
        List<UUID> therapists = CareTeamMember.<CareTeamMember>list("key.patientId", patientId).stream()
                .map(m -> m.key.therapistId()).sorted().toList();
        outbox.append(PlanEvents.TOPIC, PlanEvents.ALERT_RAISED, patientId, new PlanEvents.AlertRaised(alert.id,
                patientId, planId, itemId, therapists, alert.severity.name(), alert.reasonCode));
        LOG.infof("alert %s %s %s raised for patient %s", alert.id, alert.severity, alert.reasonCode, patientId);
        return alert;
    }

    @Transactional
    public List<AlertView> forTherapist(CurrentUser therapist, Alert.Status status) {
        return Alert.forTherapist(therapist.id(), status).stream().map(AlertView::of).toList();
    }

    /** Idempotent: acknowledging twice keeps the first acknowledgement (who and when). */
    @Transactional
    public AlertView acknowledge(CurrentUser therapist, UUID alertId) {
        Alert alert = Alert.<Alert>findByIdOptional(alertId)
                .filter(a -> CareTeamMember.inCare(a.patientId, therapist.id()))
                .orElseThrow(() -> ProblemException.notFound("Alert " + alertId));
        if (alert.status == Alert.Status.OPEN) {
            alert.status = Alert.Status.ACKNOWLEDGED;
            alert.acknowledgedBy = therapist.id();
            alert.acknowledgedAt = OffsetDateTime.now(clock);
            outbox.append(PlanEvents.TOPIC, PlanEvents.ALERT_ACKNOWLEDGED, alert.patientId,
                    new PlanEvents.AlertAcknowledged(alert.id, alert.patientId, therapist.id(), alert.acknowledgedAt));
            LOG.infof("alert %s acknowledged by %s", alert.id, therapist.id());
        }
        return AlertView.of(alert);
    }
}
