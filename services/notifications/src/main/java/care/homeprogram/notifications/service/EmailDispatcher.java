package care.homeprogram.notifications.service;

import care.homeprogram.notifications.domain.EmailDelivery;
import care.homeprogram.notifications.domain.QuietWindow;
import care.homeprogram.notifications.domain.Recipient;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends due emails. Each delivery is claimed with FOR UPDATE SKIP LOCKED, so replicas never send the same one at
 * the same time; a failure is retried with exponential backoff until a final, visible FAILED state. Nothing but an
 * urgent (CRITICAL) email goes out in the recipient's quiet hours: the others wait for their end. The emails of a
 * batch go to the SMTP server concurrently (over the mailer's connection pool) and their outcomes are recorded in
 * the batch's transaction.
 */
@ApplicationScoped
public class EmailDispatcher {
    private static final Logger LOG = Logger.getLogger(EmailDispatcher.class);
    private static final int BATCH = 50;
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(60);

    private final EntityManager entityManager;
    private final ReactiveMailer mailer;
    private final Clock clock;
    private final int maxAttempts;

    public EmailDispatcher(EntityManager entityManager, ReactiveMailer mailer, Clock clock,
            @ConfigProperty(name = "homeprogram.email.max-attempts", defaultValue = "8") int maxAttempts) {
        this.entityManager = entityManager;
        this.mailer = mailer;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
    }

    @Scheduled(every = "${homeprogram.email.poll-interval:1s}", delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void dispatchDue() {
        while (dispatchBatch() == BATCH) {
            // a full batch means more may be due
        }
    }

    /** @return how many deliveries were handled (sent, retried, deferred or skipped) */
    public int dispatchBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<EmailDelivery> due = entityManager.createNativeQuery(
                    "SELECT * FROM email_delivery WHERE state = 'PENDING' AND next_attempt_at <= :now "
                            + "ORDER BY urgent DESC, next_attempt_at LIMIT :batch FOR UPDATE SKIP LOCKED",
                    EmailDelivery.class)
                    .setParameter("now", OffsetDateTime.now(clock))
                    .setParameter("batch", BATCH)
                    .getResultList();
            List<EmailDelivery> sending = new ArrayList<>();
            List<Uni<Optional<Throwable>>> sends = new ArrayList<>();
            for (EmailDelivery delivery : due) {
                prepare(delivery).ifPresent(mail -> {
                    sending.add(delivery);
                    sends.add(mailer.send(mail).map(ignored -> Optional.<Throwable>empty())
                            .onFailure().recoverWithItem(Optional::of));
                });
            }
            if (!sends.isEmpty()) {
                List<Optional<Throwable>> outcomes = Uni.join().all(sends).andFailFast().await()
                        .atMost(SEND_TIMEOUT);
                for (int i = 0; i < sending.size(); i++) {
                    record(sending.get(i), outcomes.get(i));
                }
            }
            return due.size();
        });
    }

    /** The email to send now, or nothing when the delivery is skipped, deferred or has no address yet. */
    private Optional<Mail> prepare(EmailDelivery delivery) {
        Recipient recipient = Recipient.findById(delivery.recipientId);
        if (recipient != null && (!recipient.emailEnabled || !recipient.active())) {
            delivery.state = EmailDelivery.State.SKIPPED;
            delivery.lastError = "email opted out or account disabled";
            return Optional.empty();
        }
        if (recipient != null && !delivery.urgent) {
            ZonedDateTime local = ZonedDateTime.now(clock.withZone(recipient.zone()));
            QuietWindow quiet = recipient.quietWindow();
            if (quiet.contains(local)) {
                delivery.nextAttemptAt = quiet.shiftOut(local).toOffsetDateTime();
                delivery.lastError = "waiting for the end of quiet hours";
                return Optional.empty();
            }
        }
        delivery.attempts++;
        if (recipient == null || recipient.email == null) {
            retryLater(delivery, "recipient address not known yet");
            return Optional.empty();
        }
        return Optional.of(Mail.withText(recipient.email, delivery.subject, delivery.body));
    }

    private void record(EmailDelivery delivery, Optional<Throwable> failure) {
        if (failure.isPresent()) {
            retryLater(delivery, failure.get().getMessage());
            return;
        }
        delivery.state = EmailDelivery.State.SENT;
        delivery.sentAt = OffsetDateTime.now(clock);
        delivery.lastError = null;
        LOG.infof("email %s sent to recipient %s after %d attempt(s)", delivery.id, delivery.recipientId,
                delivery.attempts);
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
