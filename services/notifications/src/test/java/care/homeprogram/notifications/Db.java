package care.homeprogram.notifications;

import care.homeprogram.notifications.domain.EmailDelivery;
import care.homeprogram.notifications.domain.Notification;
import care.homeprogram.notifications.domain.PushDelivery;
import care.homeprogram.notifications.domain.Reminder;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

/** Reads of the service's own tables in tests, each in its own transaction. */
final class Db {
    private Db() {
    }

    static <T> T read(Callable<T> query) {
        return QuarkusTransaction.requiringNew().call(query);
    }

    static List<Reminder> reminders(UUID plan) {
        return read(() -> Reminder.ofPlan(plan));
    }

    static List<Reminder> remindersOn(UUID plan, LocalDate day) {
        return read(() -> Reminder.<Reminder>list("planId = ?1 and localDate = ?2 order by dueAt", plan, day));
    }

    static Reminder reminder(UUID id) {
        return read(() -> Reminder.findById(id));
    }

    static long pendingAhead(UUID plan) {
        return read(() -> Reminder.count("planId = ?1 and state = ?2 and dueAt > ?3", plan, Reminder.State.PENDING,
                OffsetDateTime.now(TestClockProducer.CLOCK)));
    }

    static List<Notification> notifications(UUID recipient, String kind) {
        return read(() -> Notification.<Notification>list("recipientId = ?1 and kind = ?2 order by createdAt",
                recipient, kind));
    }

    static List<EmailDelivery> emails(UUID recipient) {
        return read(() -> EmailDelivery.<EmailDelivery>list("recipientId = ?1 order by createdAt", recipient));
    }

    static List<PushDelivery> pushes(UUID recipient) {
        return read(() -> PushDelivery.<PushDelivery>list("recipientId = ?1 order by createdAt, id", recipient));
    }

    static boolean processed(UUID eventId) {
        return read(() -> ((Number) Notification.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM processed_message WHERE message_id = :id")
                .setParameter("id", eventId).getSingleResult()).longValue() > 0);
    }
}
