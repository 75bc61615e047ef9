package care.homeprogram.notifications.service;

import care.homeprogram.notifications.domain.EmailDelivery;
import care.homeprogram.notifications.domain.Recipient;
import io.quarkus.mailer.Mail;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The email channel of {@link BatchDispatcher}: sends due emails. Each delivery is claimed with FOR UPDATE SKIP
 * LOCKED, so replicas (and workers) never send the same one at the same time; a failure is retried with exponential backoff until a final, visible FAILED state. Nothing but an
 * urgent (CRITICAL) email goes out in the recipient's quiet hours: the others wait for their end. The emails of a
 * batch go to the SMTP server concurrently (over the mailer's pool of kept-alive connections) and their outcomes
 * are recorded in the batch's transaction, only once the SMTP server answered for every one of them.
 * <p>
 * The sends are spread over the {@link SmtpLanes}, each an event loop with a mailer of its own: a connection is only
 * ever driven by its lane's event loop (docs/notifications.md, "Email").
 */
@ApplicationScoped
public class EmailDispatcher extends OutboundChannel<EmailDelivery> {
    private static final Logger LOG = Logger.getLogger(EmailDispatcher.class);
    private static final Claim<EmailDelivery> CLAIM = new Claim<>(EmailDelivery.class, "email_delivery",
            "next_attempt_at", "urgent DESC, next_attempt_at");
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(60);

    private final SmtpLanes lanes;

    public EmailDispatcher(BatchDispatcher dispatcher, SmtpLanes lanes, Clock clock,
            @ConfigProperty(name = "homeprogram.email.max-attempts", defaultValue = "8") int maxAttempts,
            @ConfigProperty(name = "homeprogram.email.batch-size", defaultValue = "100") int batchSize,
            @ConfigProperty(name = "homeprogram.email.workers", defaultValue = "1") int workers) {
        super("emails", "email", CLAIM, dispatcher, clock, maxAttempts, batchSize, workers);
        this.lanes = lanes;
    }

    @Scheduled(every = "${homeprogram.email.poll-interval:1s}", delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void dispatchDue() {
        dispatcher.drain(this);
    }

    @Override
    public void handle(List<EmailDelivery> due, OffsetDateTime now) {
        Map<UUID, Recipient> recipients = new HashMap<>();
        Recipient.<Recipient>list("id in ?1", due.stream().map(d -> d.recipientId).distinct().toList())
                .forEach(r -> recipients.put(r.id, r));
        List<EmailDelivery> sending = new ArrayList<>();
        List<Mail> mails = new ArrayList<>();
        for (EmailDelivery delivery : due) {
            prepare(delivery, recipients.get(delivery.recipientId)).ifPresent(mail -> {
                sending.add(delivery);
                mails.add(mail);
            });
        }
        if (mails.isEmpty()) {
            return;
        }
        List<CompletableFuture<Optional<Throwable>>> sends = lanes.send(mails);
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending a batch of emails", e);
        } catch (ExecutionException | TimeoutException e) {
            // the batch rolls back and is claimed again; the outcomes already known are not recorded
            throw new IllegalStateException("a batch of emails did not finish sending", e);
        }
        List<UUID> sent = new ArrayList<>(sending.size());
        for (int i = 0; i < sending.size(); i++) {
            EmailDelivery delivery = sending.get(i);
            Optional<Throwable> failure = sends.get(i).join();
            if (failure.isPresent()) {
                retryLater(delivery, failure.get().getMessage(), 0);
            } else {
                sent.add(delivery.id);
            }
        }
        markSent(sending, sent);
    }

    /**
     * Marks the emails the SMTP server accepted as sent, in the batch's transaction (so with their claim), in one
     * statement: the rows are locked by the claim, so {@code attempts + 1} is the attempt {@link #prepare} counted.
     * Their entities leave the persistence context first, or the flush would write every one of them again, a row
     * at a time with every column (the body too).
     */
    private void markSent(List<EmailDelivery> sending, List<UUID> sent) {
        if (sent.isEmpty()) {
            return;
        }
        Set<UUID> accepted = new HashSet<>(sent);
        for (EmailDelivery delivery : sending) {
            if (accepted.contains(delivery.id)) {
                EmailDelivery.getEntityManager().detach(delivery);
                LOG.debugf("email %s sent to recipient %s after %d attempt(s)", delivery.id, delivery.recipientId,
                        delivery.attempts);
            }
        }
        int marked = EmailDelivery.update("state = ?1, sentAt = ?2, lastError = null, attempts = attempts + 1"
                + " where id in ?3 and state = ?4", EmailDelivery.State.SENT, OffsetDateTime.now(clock), sent,
                EmailDelivery.State.PENDING);
        if (marked != sent.size()) {
            // the claim holds these rows locked: anything else is a bug, and the batch must not commit
            throw new IllegalStateException(marked + " of " + sent.size() + " sent emails marked sent");
        }
        // one line a batch: a line an email was a thousand log lines a second at full speed (each its id at DEBUG)
        LOG.infof("%d email(s) sent", sent.size());
    }

    /** The email to send now, or nothing when the delivery is skipped, deferred or has no address yet. */
    private Optional<Mail> prepare(EmailDelivery delivery, Recipient recipient) {
        if (recipient != null && (!recipient.emailEnabled || !recipient.active())) {
            delivery.state = EmailDelivery.State.SKIPPED;
            delivery.lastError = "email opted out or account disabled";
            return Optional.empty();
        }
        if (recipient != null && heldBackByQuietHours(delivery, recipient)) {
            return Optional.empty();
        }
        delivery.attempts++;
        if (recipient == null || recipient.email == null) {
            retryLater(delivery, "recipient address not known yet", 0);
            return Optional.empty();
        }
        return Optional.of(Mail.withText(recipient.email, delivery.subject, delivery.body));
    }

    @Override
    protected String forLog(String reason) {
        return withoutAddresses(reason);
    }

    /** A mail server's refusal often quotes the recipient's address: the log keeps the reason, not the address. */
    static String withoutAddresses(String reason) {
        return reason == null ? null : reason.replaceAll("[^\\s<>\"']+@[^\\s<>\"']+", "<address>");
    }
}
