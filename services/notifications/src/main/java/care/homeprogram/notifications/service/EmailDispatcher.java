package care.homeprogram.notifications.service;

import care.homeprogram.notifications.domain.EmailDelivery;
import care.homeprogram.notifications.domain.Recipient;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends due emails. Each delivery is claimed with FOR UPDATE SKIP LOCKED, so replicas never send the same one at
 * the same time; a failure is retried with exponential backoff until a final, visible FAILED state.
 */
@ApplicationScoped
public class EmailDispatcher {
    private static final Logger LOG = Logger.getLogger(EmailDispatcher.class);
    private static final int BATCH = 50;

    private final EntityManager entityManager;
    private final Mailer mailer;
    private final Clock clock;
    private final int maxAttempts;

    public EmailDispatcher(EntityManager entityManager, Mailer mailer, Clock clock,
            @ConfigProperty(name = "homeprogram.email.max-attempts", defaultValue = "8") int maxAttempts) {
        this.entityManager = entityManager;
        this.mailer = mailer;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
    }

    @Scheduled(every = "${homeprogram.email.poll-interval:1s}", delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void dispatchDue() {
        while (dispatchBatch() == BATCH) {
            // a full batch means more may be due
        }
    }

    /** @return how many deliveries were attempted */
    public int dispatchBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<EmailDelivery> due = entityManager.createNativeQuery(
                    "SELECT * FROM email_delivery WHERE state = 'PENDING' AND next_attempt_at <= :now "
                            + "ORDER BY next_attempt_at LIMIT :batch FOR UPDATE SKIP LOCKED", EmailDelivery.class)
                    .setParameter("now", OffsetDateTime.now(clock))
                    .setParameter("batch", BATCH)
                    .getResultList();
            due.forEach(this::attempt);
            return due.size();
        });
    }

    private void attempt(EmailDelivery delivery) {
        delivery.attempts++;
        Recipient recipient = Recipient.findById(delivery.recipientId);
        if (recipient == null || recipient.email == null) {
            retryLater(delivery, "recipient address not known yet");
            return;
        }
        if (!recipient.emailEnabled || !recipient.active()) {
            delivery.state = EmailDelivery.State.SKIPPED;
            delivery.lastError = "email opted out or account disabled";
            return;
        }
        try {
            mailer.send(Mail.withText(recipient.email, delivery.subject, delivery.body));
            delivery.state = EmailDelivery.State.SENT;
            delivery.sentAt = OffsetDateTime.now(clock);
            LOG.infof("email %s sent to recipient %s after %d attempt(s)", delivery.id, delivery.recipientId,
                    delivery.attempts);
        } catch (RuntimeException e) {
            retryLater(delivery, e.getMessage());
        }
    }

    private void retryLater(EmailDelivery delivery, String reason) {
        delivery.lastError = reason == null ? "unknown" : reason.substring(0, Math.min(reason.length(), 1000));
        if (delivery.attempts >= maxAttempts) {
            delivery.state = EmailDelivery.State.FAILED;
            LOG.warnf("email %s failed for good after %d attempts: %s", delivery.id, delivery.attempts, reason);
            return;
        }
        long backoffSeconds = Math.min(300, 1L << Math.min(delivery.attempts, 9));
        delivery.nextAttemptAt = OffsetDateTime.now(clock).plus(Duration.ofSeconds(backoffSeconds));
        LOG.infof("email %s attempt %d failed (%s); next try in %d s", delivery.id, delivery.attempts, reason,
                backoffSeconds);
    }
}
