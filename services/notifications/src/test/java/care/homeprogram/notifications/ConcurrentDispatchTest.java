package care.homeprogram.notifications;

import static care.homeprogram.notifications.TestClockProducer.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import care.homeprogram.notifications.domain.EmailDelivery;
import care.homeprogram.notifications.domain.Notification;
import care.homeprogram.notifications.domain.Recipient;
import care.homeprogram.notifications.domain.Reminder;
import care.homeprogram.notifications.domain.ScheduledPlan;
import care.homeprogram.notifications.service.BatchDispatcher;
import care.homeprogram.notifications.service.EmailDispatcher;
import care.homeprogram.notifications.service.ReminderDispatcher;
import care.homeprogram.testing.Mailbox;
import care.homeprogram.testing.RealInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;

/**
 * Several dispatchers (as several replicas would run) over the same due reminders, on the real PostgreSQL: each
 * claims rows with FOR UPDATE SKIP LOCKED, so every reminder becomes exactly one message and one email, read back
 * from the real SMTP server over IMAP.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "NOTIFICATIONS"))
class ConcurrentDispatchTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final int DAYS = 30;
    private static final int PER_DAY = 2;

    @Inject
    BatchDispatcher dispatcher;

    @Inject
    ReminderDispatcher reminders;

    @Inject
    EmailDispatcher emails;

    @Test
    void twoDispatchersOverTheSameDueRemindersSendEachExactlyOnce() throws Exception {
        UUID patient = UUID.randomUUID();
        UUID plan = UUID.randomUUID();
        Events.registerPatient(patient, "Europe/Berlin");
        await().atMost(Duration.ofMinutes(3)).until(() -> Db.read(() -> Recipient.findById(patient)) != null);
        LocalDate today = LocalDate.now(CLOCK.withZone(BERLIN));
        Events.planAssigned(plan, patient, today.minusDays(DAYS + 5), List.of(Events.item(UUID.randomUUID(),
                PER_DAY, 52)));
        await().atMost(Duration.ofMinutes(3)).until(() -> Db.read(() -> ScheduledPlan.findById(plan)) != null);

        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> {
            List<UUID> ids = new ArrayList<>();
            OffsetDateTime dueAt = OffsetDateTime.now(CLOCK).minusMinutes(1);
            for (int day = 1; day <= DAYS; day++) {
                for (int slot = 0; slot < PER_DAY; slot++) {
                    Reminder reminder = new Reminder();
                    reminder.id = UUID.randomUUID();
                    reminder.recipientId = patient;
                    reminder.planId = plan;
                    reminder.localDate = today.minusDays(day);
                    reminder.slot = slot;
                    reminder.kind = Reminder.Kind.REMINDER;
                    reminder.dueAt = dueAt;
                    reminder.createdAt = dueAt;
                    reminder.persist();
                    ids.add(reminder.id);
                }
            }
            return ids;
        });

        // Two dispatchers at once, small batches so they interleave, as two replicas would, and beside them one
        // replica's own workers (homeprogram.reminders.workers); the scheduled one may join in too.
        runTogether(() -> reminders.dispatchBatch(4), () -> reminders.dispatchBatch(4),
                () -> dispatcher.drain(reminders));
        await().atMost(Duration.ofMinutes(3)).until(() -> Db.read(() -> Reminder.count(
                "planId = ?1 and state = ?2", plan, Reminder.State.SENT)) == due.size());
        List<Notification> sent = Db.notifications(patient, "REMINDER");
        assertThat(sent).extracting(n -> n.sourceEventId).containsExactlyInAnyOrderElementsOf(due);
        List<EmailDelivery> queued = Db.emails(patient).stream()
                .filter(e -> e.subject.equals("Your program for today is ready")).toList();
        assertThat(queued).hasSize(due.size());

        runTogether(emails::dispatchBatch, emails::dispatchBatch);
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(Mailbox.messagesFor(
                Events.email(patient))).filteredOn(m -> m.subject().equals("Your program for today is ready"))
                .hasSize(due.size()));
        assertThat(Db.emails(patient)).filteredOn(e -> e.subject.equals("Your program for today is ready"))
                .allSatisfy(e -> {
                    assertThat(e.state).isEqualTo(EmailDelivery.State.SENT);
                    assertThat(e.attempts).as("attempts of email %s (last error: %s)", e.id, e.lastError)
                            .isEqualTo(1);
                });
        // Nothing arrives twice later either.
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                Mailbox.messagesFor(Events.email(patient))).filteredOn(m -> m.subject().equals(
                        "Your program for today is ready")).hasSize(due.size()));
    }

    /** Runs each worker on its own thread, all starting at once, each until it finds nothing more to do. */
    private static void runTogether(IntSupplier... workers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers.length);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (IntSupplier worker : workers) {
                Callable<Integer> loop = () -> {
                    start.await();
                    int total = 0;
                    for (int batch = worker.getAsInt(); batch > 0; batch = worker.getAsInt()) {
                        total += batch;
                    }
                    return total;
                };
                results.add(pool.submit(loop));
            }
            start.countDown();
            for (Future<Integer> result : results) {
                result.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
