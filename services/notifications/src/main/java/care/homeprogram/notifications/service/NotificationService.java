package care.homeprogram.notifications.service;

import care.homeprogram.commons.problem.ProblemException;
import care.homeprogram.commons.rest.Page;
import care.homeprogram.notifications.domain.EmailDelivery;
import care.homeprogram.notifications.domain.Notification;
import care.homeprogram.notifications.domain.Recipient;
import care.homeprogram.notifications.rest.NotificationView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** Creates messages (an inbox entry and, where wanted, an email to deliver) and serves a person's inbox. */
@ApplicationScoped
public class NotificationService {
    private static final Logger LOG = Logger.getLogger(NotificationService.class);

    private final Clock clock;
    private final String portalUrl;

    public NotificationService(Clock clock, @ConfigProperty(name = "homeprogram.portal-url") String portalUrl) {
        this.clock = clock;
        this.portalUrl = portalUrl;
    }

    /** Runs in the consumer's transaction, so the message exists exactly when the event counts as processed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Notification notify(UUID recipientId, MessageTemplate template, UUID sourceEventId) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Notification notification = new Notification();
        notification.id = UUID.randomUUID();
        notification.recipientId = recipientId;
        notification.kind = template.name();
        notification.title = template.title();
        notification.body = template.inAppBody();
        notification.link = portalUrl + "/";
        notification.sourceEventId = sourceEventId;
        notification.createdAt = now;
        notification.persist();

        Recipient recipient = Recipient.findById(recipientId);
        boolean emailWanted = recipient == null || (recipient.emailEnabled && recipient.active());
        if (emailWanted) {
            EmailDelivery email = new EmailDelivery();
            email.id = UUID.randomUUID();
            email.notificationId = notification.id;
            email.recipientId = recipientId;
            email.subject = template.emailSubject();
            email.body = template.emailBody(notification.link);
            email.nextAttemptAt = now;
            email.createdAt = now;
            email.persist();
        }
        LOG.infof("notification %s (%s) for %s, email %s", notification.id, template, recipientId,
                emailWanted ? "queued" : "not wanted");
        return notification;
    }

    @Transactional
    public Page<NotificationView> inbox(UUID recipientId, int page, int size) {
        return new Page<>(Notification.inboxOf(recipientId, page, size).stream().map(NotificationView::of).toList(),
                Notification.countFor(recipientId));
    }

    /** Only the recipient may mark a message read; for anyone else it does not exist. */
    @Transactional
    public NotificationView markRead(UUID recipientId, UUID notificationId) {
        Notification notification = Notification.<Notification>findByIdOptional(notificationId)
                .filter(n -> n.recipientId.equals(recipientId))
                .orElseThrow(() -> ProblemException.notFound("Notification " + notificationId));
        if (notification.readAt == null) {
            notification.readAt = OffsetDateTime.now(clock);
        }
        return NotificationView.of(notification);
    }
}
