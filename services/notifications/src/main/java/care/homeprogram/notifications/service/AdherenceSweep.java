package care.homeprogram.notifications.service;

import care.homeprogram.notifications.config.AdherenceConfig;
import care.homeprogram.notifications.domain.Adherence;
import care.homeprogram.notifications.domain.AdherenceLevel;
import care.homeprogram.notifications.domain.Recipient;
import care.homeprogram.notifications.domain.ScheduledPlan;
import care.homeprogram.notifications.domain.SessionActivity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Non-adherence, swept by a singleton job: for each active plan, how long since the patient last logged a session
 * (or since the plan became active). Entering a lapse nudges the patient once; the level (INACTIVE, STALLED,
 * DROPPED) is kept for the care team's adherence list. The therapists are not told from here: plan-service raises
 * acknowledgeable alerts for non-adherence (docs/clinical-rules.md, "Non-adherence"), which reach them as
 * {@code AlertRaised}. A logged session resets the level.
 */
@ApplicationScoped
public class AdherenceSweep {
    private static final Logger LOG = Logger.getLogger(AdherenceSweep.class);
    private static final int PLANS_PER_TRANSACTION = 50;

    private final NotificationService notifications;
    private final AdherenceLevel.Thresholds thresholds;
    private final Clock clock;

    public AdherenceSweep(NotificationService notifications, AdherenceConfig config, Clock clock) {
        this.notifications = notifications;
        this.thresholds = config.thresholds();
        this.clock = clock;
    }

    @Scheduled(identity = "adherence-sweep", every = "${homeprogram.adherence.sweep-every}",
            delayed = "${homeprogram.adherence.sweep-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Leadership.NotLeader.class)
    void sweepJob() {
        sweep();
    }

    /** Every active plan, a few per transaction; returns how many changed level. */
    public int sweep() {
        List<UUID> planIds = QuarkusTransaction.requiringNew().call(ScheduledPlan::activeIds);
        int changed = 0;
        for (int from = 0; from < planIds.size(); from += PLANS_PER_TRANSACTION) {
            List<UUID> chunk = planIds.subList(from, Math.min(planIds.size(), from + PLANS_PER_TRANSACTION));
            changed += QuarkusTransaction.requiringNew().call(() -> (int) chunk.stream().map(this::sweepPlan)
                    .filter(Optional::isPresent).count());
        }
        if (changed > 0) {
            LOG.infof("adherence sweep: %d plan(s) changed level", changed);
        }
        return changed;
    }

    /** One plan: its new level if it changed, and the messages of that level. */
    @Transactional
    public Optional<AdherenceLevel> sweepPlan(UUID planId) {
        ScheduledPlan plan = ScheduledPlan.lockedById(planId).orElse(null);
        if (plan == null || !plan.isActive()) {
            return Optional.empty();
        }
        Recipient patient = Recipient.findById(plan.patientId);
        if (patient == null || !patient.active()) {
            return Optional.empty();
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime lastActivity = Stream.of(SessionActivity.lastSessionOf(planId).orElse(null),
                plan.activeSince, plan.startsAt(patient.zone())).filter(Objects::nonNull)
                .max(OffsetDateTime::compareTo).orElseThrow();
        Duration without = lastActivity.isAfter(now) ? Duration.ZERO : Duration.between(lastActivity, now);
        AdherenceLevel level = AdherenceLevel.after(without, thresholds);

        Adherence adherence = Adherence.findById(planId, LockModeType.PESSIMISTIC_WRITE);
        if (adherence == null) {
            adherence = new Adherence();
            adherence.planId = planId;
            adherence.levelSince = now;
        }
        adherence.patientId = plan.patientId;
        adherence.therapistId = plan.therapistId;
        adherence.lastActivityAt = lastActivity;
        AdherenceLevel before = adherence.level;
        boolean changed = level.compareTo(before) > 0 || (level == AdherenceLevel.ON_TRACK && before != level);
        if (changed) {
            adherence.level = level;
            adherence.levelSince = now;
            if (level.compareTo(before) > 0) {
                tell(plan, before, level, lastActivity);
            }
        }
        adherence.persist();
        return changed ? Optional.of(level) : Optional.empty();
    }

    private void tell(ScheduledPlan plan, AdherenceLevel before, AdherenceLevel level, OffsetDateTime lastActivity) {
        // The same lapse at the same level always has the same source: a second sweep cannot send it again.
        UUID source = UUID.nameUUIDFromBytes(("adherence|" + plan.planId + "|" + level + "|"
                + lastActivity.toInstant()).getBytes(StandardCharsets.UTF_8));
        if (before == AdherenceLevel.ON_TRACK) {
            notifications.notify(plan.patientId, MessageTemplate.INACTIVE_NUDGE, source, plan.planId);
        }
        // The therapists are told by plan-service: its non-adherence alerts (same thresholds and reason codes)
        // reach the care team as AlertRaised, acknowledgeable and escalated like any alert (docs/notifications.md).
        // How well a patient keeps up is health information: the level stays in the database, out of the logs.
        LOG.infof("plan %s: adherence level changed", plan.planId);
    }

    /** A logged session: the patient is on track again. Runs in the consumer's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void sessionLogged(UUID planId, UUID patientId, OffsetDateTime performedAt) {
        SessionActivity activity = SessionActivity.findById(planId, LockModeType.PESSIMISTIC_WRITE);
        if (activity == null) {
            activity = new SessionActivity();
            activity.planId = planId;
            activity.patientId = patientId;
            activity.lastSessionAt = performedAt;
            activity.persist();
        } else if (performedAt.isAfter(activity.lastSessionAt)) {
            activity.lastSessionAt = performedAt;
        }
        Adherence adherence = Adherence.findById(planId, LockModeType.PESSIMISTIC_WRITE);
        if (adherence != null && adherence.level != AdherenceLevel.ON_TRACK) {
            adherence.level = AdherenceLevel.ON_TRACK;
            adherence.levelSince = OffsetDateTime.now(clock);
            adherence.lastActivityAt = activity.lastSessionAt;
        }
    }
}
