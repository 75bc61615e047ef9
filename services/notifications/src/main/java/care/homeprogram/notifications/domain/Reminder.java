package care.homeprogram.notifications.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A reminder materialised from a plan's schedule: one row per plan, local day, slot and kind, so it can exist only
 * once whoever materialises it; claimed by a dispatcher with FOR UPDATE SKIP LOCKED, so it is sent only once.
 */
@Entity
public class Reminder extends PanacheEntityBase {
    public enum Kind {
        REMINDER, CATCH_UP
    }

    public enum State {
        /** waiting for its time */
        PENDING,
        /** the message was created (in-app and, where wanted, an email queued) */
        SENT,
        /** not sent on purpose: plan no longer active, account disabled, session already logged … */
        SKIPPED,
        /** its time passed while nobody could send it (outage), or it would now fall into quiet hours */
        EXPIRED
    }

    @Id
    public UUID id;

    @Column(name = "recipient_id", nullable = false)
    public UUID recipientId;

    @Column(name = "plan_id", nullable = false)
    public UUID planId;

    @Column(name = "local_date", nullable = false)
    public LocalDate localDate;

    @Column(nullable = false)
    public int slot;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(name = "due_at", nullable = false)
    public OffsetDateTime dueAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state = State.PENDING;

    public String outcome;

    @Column(name = "notification_id")
    public UUID notificationId;

    @Column(name = "handled_at")
    public OffsetDateTime handledAt;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;

    public static List<Reminder> ofPlan(UUID planId) {
        return list("planId = ?1 order by dueAt, kind", planId);
    }
}
