package care.homeprogram.notifications.service;

import care.homeprogram.contract.Language;
import care.homeprogram.commons.problem.ProblemException;
import care.homeprogram.contract.Page;
import care.homeprogram.notifications.domain.EmailDelivery;
import care.homeprogram.notifications.domain.Notification;
import care.homeprogram.notifications.domain.PushDelivery;
import care.homeprogram.notifications.domain.PushSubscription;
import care.homeprogram.notifications.domain.Recipient;
import care.homeprogram.notifications.api.DeliveryView;
import care.homeprogram.notifications.api.NotificationView;
import care.homeprogram.notifications.api.UnreadView;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates messages (an inbox entry and, where wanted, an email to deliver) and serves a person's inbox and
 * delivery log. One message per (source, kind, recipient) whatever the redeliveries: the source is the event, the
 * reminder or the adherence step that caused it.
 */
@ApplicationScoped
public class NotificationService {
    private static final Logger LOG = Logger.getLogger(NotificationService.class);

    private final Clock clock;
    private final String portalUrl;
    private final Vapid vapid;

    public NotificationService(Clock clock, @ConfigProperty(name = "homeprogram.portal-url") String portalUrl,
            Vapid vapid) {
        this.clock = clock;
        this.portalUrl = portalUrl;
        this.vapid = vapid;
    }

    /** Runs in the caller's transaction, so the message exists exactly when its cause counts as handled. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Notification notify(UUID recipientId, MessageTemplate template, UUID sourceId) {
        return notify(recipientId, template, sourceId, null);
    }

    /**
     * @param subjectId what the message is about (an alert, a plan), so a later event can mark it handled
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Notification notify(UUID recipientId, MessageTemplate template, UUID sourceId, UUID subjectId) {
        Notification existing = Notification.<Notification>find("sourceEventId = ?1 and kind = ?2 and recipientId = ?3",
                sourceId, template.name(), recipientId).firstResult();
        if (existing != null) {
            return existing;
        }
        Recipient recipient = Recipient.findById(recipientId);
        Notification notification = create(recipientId, recipient, template, sourceId, subjectId);
        LOG.infof("notification %s (%s) for %s: in-app %s, email %s", notification.id, template, recipientId,
                notification.inApp ? "shown" : "opted out", emailWanted(recipient) ? "queued" : "not wanted");
        return notification;
    }

    /**
     * The messages that already exist for these sources, by source: one query for a whole batch, so a dispatcher
     * can keep the one-message-per-source rule without a query per message.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<UUID, Notification> existingBySource(Collection<UUID> sourceIds, Collection<MessageTemplate> templates) {
        if (sourceIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Notification> existing = new HashMap<>();
        Notification.<Notification>list("sourceEventId in ?1 and kind in ?2", sourceIds,
                templates.stream().map(MessageTemplate::name).toList())
                .forEach(n -> existing.put(n.sourceEventId, n));
        return existing;
    }

    /** The push subscriptions of these recipients, by recipient, in one query (none when push is off). */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<UUID, List<PushSubscription>> pushSubscriptionsOf(Collection<UUID> recipientIds) {
        if (!vapid.enabled() || recipientIds.isEmpty()) {
            return Map.of();
        }
        return PushSubscription.<PushSubscription>list("recipientId in ?1 order by createdAt, id", recipientIds).stream()
                .collect(Collectors.groupingBy(s -> s.recipientId));
    }

    /**
     * A new message (and its email, where wanted) for a source that has none yet; the caller has checked that
     * (notify does, a batch does with existingBySource). The inserts are left to the flush, so a batch of messages
     * goes to the database in JDBC batches.
     *
     * @param recipient the recipient as projected, or null when their registration has not arrived yet
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Notification create(UUID recipientId, Recipient recipient, MessageTemplate template, UUID sourceId,
            UUID subjectId) {
        return create(recipientId, recipient, template, sourceId, subjectId,
                pushWanted(recipient, template) ? PushSubscription.ofRecipient(recipientId) : List.of());
    }

    /**
     * As above, with the recipient's push subscriptions already read (a batch reads those of all its recipients in
     * one query, {@link #pushSubscriptionsOf}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Notification create(UUID recipientId, Recipient recipient, MessageTemplate template, UUID sourceId,
            UUID subjectId, List<PushSubscription> subscriptions) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        // Written once, in the recipient's language as projected now: the inbox, the email and the push say the same.
        Language language = Language.ofTagOrEnglish(recipient == null ? null : recipient.preferredLanguage);
        Notification notification = new Notification();
        notification.id = UUID.randomUUID();
        notification.recipientId = recipientId;
        notification.kind = template.name();
        notification.title = template.title(language);
        notification.body = template.inAppBody(language);
        notification.link = portalUrl + "/";
        notification.sourceEventId = sourceId;
        notification.subjectId = subjectId;
        notification.severity = template.severity();
        notification.inApp = recipient == null || recipient.inAppEnabled || template.urgent();
        notification.createdAt = now;
        notification.persist();

        if (emailWanted(recipient)) {
            EmailDelivery email = new EmailDelivery();
            email.id = UUID.randomUUID();
            email.notificationId = notification.id;
            email.recipientId = recipientId;
            email.subject = template.emailSubject(language);
            email.body = template.emailBody(language, notification.link);
            email.urgent = template.urgent();
            email.nextAttemptAt = now;
            email.createdAt = now;
            email.persist();
        }
        if (pushWanted(recipient, template)) {
            for (PushSubscription subscription : subscriptions) {
                PushDelivery push = new PushDelivery();
                push.id = UUID.randomUUID();
                push.notificationId = notification.id;
                push.subscriptionId = subscription.id;
                push.recipientId = recipientId;
                push.text = template.pushText(language);
                push.urgent = template.urgent();
                push.ttlSeconds = (int) template.pushTimeToLive().toSeconds();
                push.nextAttemptAt = now;
                push.createdAt = now;
                push.persist();
            }
        }
        return notification;
    }

    /**
     * Push goes to the devices a person subscribed (their opt-in), for the messages that have a push text; a
     * recipient not projected yet has subscribed nothing that could be told apart from a stranger's, so waits.
     */
    private boolean pushWanted(Recipient recipient, MessageTemplate template) {
        return vapid.enabled() && recipient != null && recipient.active() && template.pushed();
    }

    /** An unknown recipient (their registration not projected yet) gets the email once their address arrives. */
    private static boolean emailWanted(Recipient recipient) {
        return recipient == null || (recipient.emailEnabled && recipient.active());
    }

    /** Opt-out and disabled accounts take effect at once: emails not sent yet are skipped, visibly. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int skipPendingEmails(UUID recipientId, String reason) {
        int skipped = EmailDelivery.update("state = ?1, lastError = ?2 where recipientId = ?3 and state = ?4",
                EmailDelivery.State.SKIPPED, reason, recipientId, EmailDelivery.State.PENDING);
        if (skipped > 0) {
            LOG.infof("%d pending email(s) of %s skipped: %s", skipped, recipientId, reason);
        }
        return skipped;
    }

    /** The matter is dealt with (an alert acknowledged): its messages show as handled, unsent emails are skipped. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int markHandled(UUID subjectId, OffsetDateTime handledAt, String reason) {
        int handled = Notification.update("handledAt = ?1 where subjectId = ?2 and handledAt is null", handledAt,
                subjectId);
        EmailDelivery.update("state = ?1, lastError = ?2 where state = ?3 and notificationId in "
                + "(select n.id from Notification n where n.subjectId = ?4)", EmailDelivery.State.SKIPPED, reason,
                EmailDelivery.State.PENDING, subjectId);
        PushDelivery.update("state = ?1, lastError = ?2 where state = ?3 and notificationId in "
                + "(select n.id from Notification n where n.subjectId = ?4)", PushDelivery.State.SKIPPED, reason,
                PushDelivery.State.PENDING, subjectId);
        return handled;
    }

    @Transactional
    public Page<NotificationView> inbox(UUID recipientId, int page, int size) {
        return new Page<>(Notification.inboxOf(recipientId, page, size).stream().map(NotificationView::of).toList(),
                Notification.countFor(recipientId));
    }

    /**
     * How many in-app messages the person has not read. One count over the partial index of unread messages (V8):
     * no entity, no transaction, whatever the size of the inbox.
     */
    public UnreadView unread(UUID recipientId) {
        return new UnreadView(Notification.unreadFor(recipientId));
    }

    /**
     * The person's delivery log, emails and push notifications together, newest first: one page is cut from both
     * tables at once in the database (so paging is exact), then the page's rows are read as entities. A push names
     * only its device's push service host, looked up from the subscription; a removed subscription has none.
     */
    @Transactional
    public Page<DeliveryView> deliveries(UUID recipientId, int page, int size) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = Panache.getEntityManager().createNativeQuery("""
                select id, 'EMAIL' as channel, created_at from email_delivery where recipient_id = ?1
                union all
                select id, 'PUSH' as channel, created_at from push_delivery where recipient_id = ?1
                order by created_at desc, id
                """).setParameter(1, recipientId)
                .setFirstResult(page * size).setMaxResults(size).getResultList();
        List<UUID> emailIds = idsOf(rows, "EMAIL");
        List<UUID> pushIds = idsOf(rows, "PUSH");
        Map<UUID, EmailDelivery> emails = emailIds.isEmpty() ? Map.of()
                : EmailDelivery.<EmailDelivery>list("id in ?1", emailIds).stream()
                        .collect(Collectors.toMap(d -> d.id, d -> d));
        Map<UUID, PushDelivery> pushes = pushIds.isEmpty() ? Map.of()
                : PushDelivery.<PushDelivery>list("id in ?1", pushIds).stream()
                        .collect(Collectors.toMap(d -> d.id, d -> d));
        List<UUID> subscriptionIds = pushes.values().stream().map(d -> d.subscriptionId).distinct().toList();
        Map<UUID, PushSubscription> devices = subscriptionIds.isEmpty() ? Map.of()
                : PushSubscription.<PushSubscription>list("id in ?1", subscriptionIds).stream()
                        .collect(Collectors.toMap(d -> d.id, d -> d));
        List<DeliveryView> views = rows.stream().map(row -> {
            UUID id = UUID.fromString(row[0].toString());
            if ("PUSH".equals(row[1])) {
                PushDelivery push = pushes.get(id);
                return DeliveryView.of(push, devices.get(push.subscriptionId));
            }
            return DeliveryView.of(emails.get(id));
        }).toList();
        return new Page<>(views, EmailDelivery.countOfRecipient(recipientId)
                + PushDelivery.count("recipientId", recipientId));
    }

    private static List<UUID> idsOf(List<Object[]> rows, String channel) {
        return rows.stream().filter(row -> channel.equals(row[1])).map(row -> UUID.fromString(row[0].toString()))
                .toList();
    }

    /** Only the recipient may mark a message read; for anyone else it does not exist. */
    @Transactional
    public NotificationView markRead(UUID recipientId, UUID notificationId) {
        Notification notification = Notification.<Notification>findByIdOptional(notificationId)
                .filter(n -> n.recipientId.equals(recipientId) && n.inApp)
                .orElseThrow(() -> ProblemException.notFound("Notification " + notificationId));
        if (notification.readAt == null) {
            notification.readAt = OffsetDateTime.now(clock);
        }
        return NotificationView.of(notification);
    }
}
