package care.homeprogram.plans.service;

import care.homeprogram.commons.outbox.Outbox;
import care.homeprogram.plans.config.EscalationConfig;
import care.homeprogram.plans.domain.Alert;
import care.homeprogram.plans.domain.AlertEscalation;
import care.homeprogram.contract.events.PlanEvents;
import care.homeprogram.plans.events.PlanEventData;
import care.homeprogram.plans.safety.EscalationPolicy;
import care.homeprogram.plans.safety.EscalationStep;
import care.homeprogram.plans.safety.Severity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Escalates open alerts nobody acknowledged (docs/clinical-rules.md, "Repeats and escalation"): CRITICAL to the care
 * team again, then to the clinic's escalation contact; HIGH a reminder to the care team. Each step happens once per
 * alert, even with several replicas running the job: a batch of due alerts is claimed with FOR UPDATE SKIP LOCKED,
 * and the step's history row, its {@code AlertEscalated} event (outbox) and the alert's raised escalation level
 * commit together. A replica that claims the alert afterwards sees the new level and finds nothing due; the unique
 * (alert, step) constraint refuses a second row should anything else go wrong.
 */
@Startup
@ApplicationScoped
public class AlertEscalator {
    private static final Logger LOG = Logger.getLogger(AlertEscalator.class);
    private static final int BATCH = 50;

    private final EntityManager entityManager;
    private final Outbox outbox;
    private final EscalationPolicy policy;
    private final PlanEvents.EscalationContact contact;
    private final Clock clock;

    public AlertEscalator(EntityManager entityManager, Outbox outbox, EscalationConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.outbox = outbox;
        // Built at start, so thresholds in the wrong order stop the service instead of delaying an escalation.
        this.policy = config.policy();
        this.contact = new PlanEvents.EscalationContact(config.contactEmail().orElse(null), config.contactAdminRole());
        this.clock = clock;
    }

    @Scheduled(identity = "alert-escalation", every = "${homeprogram.escalation.interval:30s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void escalateJob() {
        try {
            escalateDue();
        } catch (RuntimeException e) {
            // The database may be unreachable: nothing was claimed for good, the next run tries again.
            LOG.warnf("alert escalation paused: %s", e.getMessage());
        }
    }

    /**
     * Takes every escalation step due now, a batch per transaction; safe to call from several threads or replicas
     * at once.
     *
     * @return how many steps were taken
     */
    public int escalateDue() {
        int taken = 0;
        while (true) {
            int[] claimedAndTaken = QuarkusTransaction.requiringNew().call(this::escalateBatch);
            taken += claimedAndTaken[1];
            // A full batch means more may be due; a batch without a step would only claim the same alerts again.
            if (claimedAndTaken[0] < BATCH || claimedAndTaken[1] == 0) {
                return taken;
            }
        }
    }

    /** @return {alerts claimed, steps taken} */
    private int[] escalateBatch() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<Alert> due = claimDue(now);
        int taken = 0;
        for (Alert alert : due) {
            List<EscalationStep> steps = policy.dueSteps(alert.severity, Duration.between(alert.createdAt, now),
                    alert.escalationLevel);
            if (steps.isEmpty()) {
                continue;
            }
            List<UUID> careTeam = AlertService.careTeam(alert.patientId);
            for (EscalationStep step : steps) {
                escalate(alert, step, careTeam, now);
                taken++;
            }
        }
        return new int[] { due.size(), taken };
    }

    /**
     * Locks the open alerts whose next rung is due, skipping those another transaction holds (another replica
     * escalating them, or a therapist acknowledging them). The condition is built from the policy's ladders, one
     * clause per (severity, level), so an alert not due yet is never claimed and never crowds out one that is.
     */
    @SuppressWarnings("unchecked")
    private List<Alert> claimDue(OffsetDateTime now) {
        List<String> clauses = new ArrayList<>();
        List<OffsetDateTime> cutoffs = new ArrayList<>();
        for (Severity severity : Severity.values()) {
            List<EscalationPolicy.Rung> ladder = policy.ladder(severity);
            for (int level = 0; level < ladder.size(); level++) {
                cutoffs.add(now.minus(ladder.get(level).after()));
                clauses.add("(severity = '" + severity.name() + "' AND escalation_level = " + level
                        + " AND created_at <= :cutoff" + cutoffs.size() + ")");
            }
        }
        Query query = entityManager.createNativeQuery("SELECT * FROM alert WHERE status = 'OPEN' AND ("
                + String.join(" OR ", clauses) + ") ORDER BY created_at LIMIT " + BATCH + " FOR UPDATE SKIP LOCKED",
                Alert.class);
        for (int i = 0; i < cutoffs.size(); i++) {
            query.setParameter("cutoff" + (i + 1), cutoffs.get(i));
        }
        return query.getResultList();
    }

    private void escalate(Alert alert, EscalationStep step, List<UUID> careTeam, OffsetDateTime now) {
        boolean toContact = step == EscalationStep.ESCALATION_CONTACT;
        AlertEscalation history = new AlertEscalation();
        history.id = UUID.randomUUID();
        history.alertId = alert.id;
        history.step = step;
        history.escalatedAt = now;
        history.recipients = toContact ? new AlertEscalation.Recipients(List.of(), contact.email(), contact.adminRole())
                : new AlertEscalation.Recipients(careTeam, null, null);
        history.persist();
        alert.escalationLevel++;
        outbox.append(PlanEvents.ALERT_ESCALATED, alert.patientId, new PlanEvents.AlertEscalated(
                alert.id, alert.patientId, alert.planId, PlanEventData.severity(alert.severity), alert.reasonCode,
                PlanEventData.step(step),
                careTeam, toContact ? contact : null, now));
        if (!toContact && careTeam.isEmpty()) {
            LOG.warnf("alert %s: patient %s has no care team to tell at step %s", alert.id, alert.patientId, step);
        }
        LOG.infof("alert %s unacknowledged since %s: escalated, step %s", alert.id, alert.createdAt, step);
    }
}
