package care.homeprogram.notifications;

import static care.homeprogram.notifications.TestClockProducer.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import care.homeprogram.notifications.domain.EmailDelivery;
import care.homeprogram.notifications.domain.Recipient;
import care.homeprogram.notifications.domain.Reminder;
import care.homeprogram.notifications.domain.ScheduledPlan;
import care.homeprogram.notifications.service.BatchDispatcher;
import care.homeprogram.notifications.service.EmailDispatcher;
import care.homeprogram.notifications.service.ReminderDispatcher;
import care.homeprogram.testing.RealInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntSupplier;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Throughput of due reminders, dispatched to the in-app channel and to SMTP (the stack's GreenMail), on the real
 * PostgreSQL. Not a test: its name keeps it out of the normal runs; run it with
 * {@code ./mvnw -B -f services/notifications/pom.xml verify -Pbench} (docs/notifications.md has the figures).
 * The scheduled dispatchers are off so the measured workers are the only ones.
 */
@QuarkusTest
@TestProfile(ReminderDispatchBenchmark.Alone.class)
@QuarkusTestResource(value = RealInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "NOTIFICATIONS"))
class ReminderDispatchBenchmark {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final int IN_APP = Integer.getInteger("bench.in-app", 5_000);
    /** Emails of each timed SMTP run: several seconds at 1,000 a second, so steady sending, not its start, counts. */
    private static final int SMTP = Integer.getInteger("bench.smtp", 5_000);
    /**
     * Emails sent before the timed SMTP runs, timed apart and printed as the cold start: the mail client's code runs
     * cold (interpreted, then compiled) and every SMTP connection is opened and greeted in it.
     */
    private static final int SMTP_WARM_UP = Integer.getInteger("bench.smtp-warm-up", 3_000);

    public static class Alone implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("homeprogram.reminders.dispatch-every", "off", "homeprogram.email.poll-interval", "off",
                    "quarkus.log.category.\"care.homeprogram\".level", "WARN");
        }
    }

    @Inject
    BatchDispatcher dispatcher;

    @Inject
    ReminderDispatcher reminders;

    @Inject
    EmailDispatcher emails;

    @Test
    void dueRemindersPerSecond() throws Exception {
        UUID inAppOnly = patient(false);
        UUID withEmail = patient(true);
        UUID inAppPlan = plan(inAppOnly);
        UUID emailPlan = plan(withEmail);

        insertDue(inAppOnly, inAppPlan, 2_000, 0);
        drain(2, () -> reminders.dispatchBatch()); // warm-up

        insertDue(inAppOnly, inAppPlan, IN_APP, 1_000);
        double oneWorker = IN_APP / drain(1, () -> reminders.dispatchBatch());
        insertDue(inAppOnly, inAppPlan, IN_APP, 3_000);
        double twoWorkers = IN_APP / drain(2, () -> reminders.dispatchBatch());

        // One replica as it runs: the dispatcher's drain on homeprogram.reminders.workers workers.
        insertDue(inAppOnly, inAppPlan, IN_APP, 5_000);
        double oneReplica = IN_APP / drain(1, () -> dispatcher.drain(reminders));

        // Warm-up of the email path (the mailer, its connections, the email claim), as above for the in-app path: the
        // first emails run the SMTP client's code cold and open every connection. It is timed and printed apart
        // (the cold start) and left out of the steady figures below.
        insertDue(withEmail, emailPlan, SMTP_WARM_UP, 4_000);
        drain(1, () -> reminders.dispatchBatch());
        double cpuBefore = processCpuSeconds();
        double coldToSmtp = SMTP_WARM_UP / drain(1, () -> dispatcher.drain(emails));
        double cpuPerEmailCold = (processCpuSeconds() - cpuBefore) / SMTP_WARM_UP;

        insertDue(withEmail, emailPlan, SMTP, 0);
        double toQueue = SMTP / drain(1, () -> reminders.dispatchBatch());
        cpuBefore = processCpuSeconds();
        double toSmtp = SMTP / drain(1, emails::dispatchBatch);
        double cpuPerEmail = (processCpuSeconds() - cpuBefore) / SMTP;
        insertDue(withEmail, emailPlan, SMTP, 1_000);
        drain(1, () -> reminders.dispatchBatch());
        cpuBefore = processCpuSeconds();
        double toSmtpOneReplica = SMTP / drain(1, () -> dispatcher.drain(emails));
        double cpuPerEmailOneReplica = (processCpuSeconds() - cpuBefore) / SMTP;
        assertThat(Db.read(() -> EmailDelivery.count("recipientId = ?1 and state = ?2 and subject = ?3", withEmail,
                EmailDelivery.State.SENT, "Your program for today is ready"))).isEqualTo(2L * SMTP + SMTP_WARM_UP);

        System.out.printf("""
                BENCH due reminders → in-app inbox, 1 dispatcher : %8.0f /s (%d reminders, batches of %d)
                BENCH due reminders → in-app inbox, 2 dispatchers: %8.0f /s (%d reminders)
                BENCH due reminders → in-app inbox, 1 replica    : %8.0f /s (%d reminders, %d workers)
                BENCH due reminders → in-app + email queued      : %8.0f /s (%d reminders)
                BENCH queued emails → SMTP server, cold start    : %8.0f /s (the warm-up: the first %d emails, 1 replica; %.2f ms CPU each)
                BENCH queued emails → SMTP server, 1 dispatcher  : %8.0f /s (%d emails, batches of %d; %.2f ms CPU each)
                BENCH queued emails → SMTP server, 1 replica     : %8.0f /s (%d emails, %d workers, %d lanes, %d SMTP connections; %.2f ms CPU each)
                BENCH due reminders → SMTP end to end            : %8.0f /s
                """, oneWorker, IN_APP, config("homeprogram.reminders.batch-size"), twoWorkers, IN_APP, oneReplica,
                IN_APP, config("homeprogram.reminders.workers"), toQueue, SMTP, coldToSmtp, SMTP_WARM_UP,
                cpuPerEmailCold * 1e3, toSmtp, SMTP,
                config("homeprogram.email.batch-size"), cpuPerEmail * 1e3, toSmtpOneReplica, SMTP,
                config("homeprogram.email.workers"), config("homeprogram.email.lanes"),
                config("quarkus.mailer.max-pool-size"), cpuPerEmailOneReplica * 1e3,
                1 / (1 / toQueue + 1 / toSmtp));
    }

    /**
     * CPU time this JVM (the service and the benchmark's driver, not the SMTP server or PostgreSQL) has used: per
     * email, a figure that depends less on how busy the machine is than the rate does.
     */
    private static double processCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    private static int config(String property) {
        return ConfigProvider.getConfig().getOptionalValue(property, Integer.class).orElse(1);
    }

    private static UUID patient(boolean email) {
        UUID patient = UUID.randomUUID();
        Events.patientEvent("PatientRegistered", patient, Events.now(), Events.contact(patient, "Europe/Berlin",
                Events.NO_QUIET_HOURS, email, true, "ACTIVE"));
        await().atMost(Duration.ofMinutes(3)).until(() -> Db.read(() -> Recipient.findById(patient)) != null);
        return patient;
    }

    private static UUID plan(UUID patient) {
        UUID plan = UUID.randomUUID();
        LocalDate today = LocalDate.now(CLOCK.withZone(BERLIN));
        // started long enough ago, and long enough, for every phase's reminders to fall on days something is due
        Events.planAssigned(plan, patient, today.minusDays(7_000),
                List.of(Events.item(UUID.randomUUID(), 6, 1_100)));
        await().atMost(Duration.ofMinutes(3)).until(() -> Db.read(() -> ScheduledPlan.findById(plan)) != null);
        return plan;
    }

    /** {@code count} reminders due a minute ago, on distinct past plan-days (five slots a day) from dayOffset. */
    private static void insertDue(UUID patient, UUID plan, int count, int dayOffset) {
        LocalDate today = LocalDate.now(CLOCK.withZone(BERLIN));
        QuarkusTransaction.requiringNew().run(() -> {
            OffsetDateTime dueAt = OffsetDateTime.now(CLOCK).minusMinutes(1);
            for (int i = 0; i < count; i++) {
                Reminder reminder = new Reminder();
                reminder.id = UUID.randomUUID();
                reminder.recipientId = patient;
                reminder.planId = plan;
                reminder.localDate = today.minusDays(1 + dayOffset + i / 5);
                reminder.slot = i % 5;
                reminder.kind = Reminder.Kind.REMINDER;
                reminder.dueAt = dueAt;
                reminder.createdAt = dueAt;
                reminder.persist();
            }
        });
    }

    /** Runs the workers until none finds anything; returns the elapsed seconds. */
    private static double drain(int workers, IntSupplier batch) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            long start = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < workers; i++) {
                running.add(pool.submit(() -> {
                    while (batch.getAsInt() > 0) {
                        // until nothing is due
                    }
                }));
            }
            for (Future<?> worker : running) {
                worker.get();
            }
            return (System.nanoTime() - start) / 1e9;
        } finally {
            pool.shutdownNow();
        }
    }
}
