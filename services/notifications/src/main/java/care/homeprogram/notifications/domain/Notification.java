package care.homeprogram.notifications.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One message in a person's in-app inbox. */
@Entity
public class Notification extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "recipient_id", nullable = false)
    public UUID recipientId;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String body;

    public String link;

    @Column(name = "source_event_id")
    public UUID sourceEventId;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    @Column(name = "read_at")
    public OffsetDateTime readAt;

    /** Shown in the in-app inbox; false when the person opted out of the in-app channel (the email may still go). */
    @Column(name = "in_app", nullable = false)
    public boolean inApp = true;

    /** LOW, HIGH or CRITICAL for messages to therapists about a patient; null otherwise. */
    public String severity;

    /** What the message is about (the alert, the plan), so a later event can mark it handled. */
    @Column(name = "subject_id")
    public UUID subjectId;

    /** When the matter was dealt with (an alert acknowledged): the inbox shows it as handled. */
    @Column(name = "handled_at")
    public OffsetDateTime handledAt;

    public static List<Notification> inboxOf(UUID recipientId, int page, int size) {
        return find("recipientId = ?1 and inApp = true order by createdAt desc, id", recipientId)
                .page(Page.of(page, size)).list();
    }

    /*
     * The counts are "select count(...)" queries of their own rather than Panache's count(), which derives a count
     * query from the entity query on every call (SqmSelectStatement.createCountQuery) and so translates it to SQL
     * again each time: a fifth of notification-service's CPU under the Today page (docs/deploy.md, "The patient's
     * Today page: counts, not rows"). A plain query's translation is cached.
     */

    /** The person's in-app messages, the inbox's total. */
    public static long countFor(UUID recipientId) {
        return getEntityManager().createQuery("select count(n) from Notification n "
                + "where n.recipientId = :recipient and n.inApp = true", Long.class)
                .setParameter("recipient", recipientId).getSingleResult();
    }

    /** The person's in-app messages not read yet, as the inbox shows them. */
    public static long unreadFor(UUID recipientId) {
        return getEntityManager().createQuery("select count(n) from Notification n "
                + "where n.recipientId = :recipient and n.inApp = true and n.readAt is null", Long.class)
                .setParameter("recipient", recipientId).getSingleResult();
    }
}
