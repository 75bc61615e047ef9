package care.homeprogram.notifications;

import static care.homeprogram.notifications.TestClockProducer.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import care.homeprogram.notifications.domain.EmailDelivery;
import care.homeprogram.notifications.domain.Recipient;
import care.homeprogram.notifications.domain.Reminder;
import care.homeprogram.notifications.domain.ScheduledPlan;
import care.homeprogram.notifications.service.EmailDispatcher;
import care.homeprogram.notifications.service.ReminderDispatcher;
import care.homeprogram.notifications.service.SmtpLanes;
import care.homeprogram.testing.RealInfrastructure;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every SMTP lane speaks to the mail server as {@code quarkus.mailer.*} says: over TLS, logged in with the configured
 * user and password. The server here is a GreenMail of the test's own that only speaks TLS (SMTPS) and checks
 * passwords; the stack's shared one asks for neither. While the server refuses the configured password, no email of a
 * batch spread over all lanes is accepted or marked sent: each stays PENDING for a later attempt. Once the password
 * is right, the next attempt delivers each email exactly once.
 */
@QuarkusTest
@TestProfile(SmtpLanesTest.SecuredMailServer.class)
@QuarkusTestResource(value = RealInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "NOTIFICATIONS"))
class SmtpLanesTest {
    private static final String PORT_PROPERTY = "homeprogram.test.secured-smtp-port";
    private static final String USER = "homeprogram-relay";
    private static final String PASSWORD = "the-configured-password";
    private static final int LANES = 3;
    private static final int EMAILS = 3 * LANES;
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static GreenMail server;

    /** The mailer pointed at the secured server, over TLS, logging in; the scheduled dispatchers off. */
    public static class SecuredMailServer implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(Map.entry("quarkus.mailer.host", "127.0.0.1"),
                    Map.entry("quarkus.mailer.port", Integer.toString(port())),
                    Map.entry("quarkus.mailer.tls", "true"),
                    // GreenMail's own self-signed certificate; what is checked here is that TLS is spoken at all
                    Map.entry("quarkus.mailer.trust-all", "true"),
                    Map.entry("quarkus.mailer.login", "REQUIRED"),
                    Map.entry("quarkus.mailer.username", USER),
                    Map.entry("quarkus.mailer.password", PASSWORD),
                    Map.entry("homeprogram.email.lanes", Integer.toString(LANES)),
                    Map.entry("homeprogram.email.poll-interval", "off"),
                    Map.entry("homeprogram.reminders.dispatch-every", "off"));
        }
    }

    /**
     * A free port, the same for the profile (read when Quarkus starts, before any mail is sent) and the server
     * (started in {@link #startServer()}): the mailer connects only when it first sends.
     */
    private static synchronized int port() {
        Integer chosen = Integer.getInteger(PORT_PROPERTY);
        if (chosen == null) {
            try (ServerSocket socket = new ServerSocket(0)) {
                chosen = socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            System.setProperty(PORT_PROPERTY, chosen.toString());
        }
        return chosen;
    }

    @Inject
    ReminderDispatcher reminders;

    @Inject
    EmailDispatcher emails;

    @Inject
    SmtpLanes lanes;

    @BeforeAll
    static void startServer() {
        server = new GreenMail(new ServerSetup(port(), "127.0.0.1", ServerSetup.PROTOCOL_SMTPS));
        // the relay's account, but with another password than the service was given
        server.withConfiguration(GreenMailConfiguration.aConfig().withUser(USER, "not-" + PASSWORD));
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @Test
    void everyLaneLogsInOverTlsAndAnEmailIsMarkedSentOnlyOnceTheServerAcceptedIt() throws Exception {
        assertThat(lanes.size()).isEqualTo(LANES);
        UUID patient = queueEmails();
        int queued = Db.emails(patient).size(); // the reminders' and the new program's
        assertThat(queued).isGreaterThan(LANES);

        // Wrong password: the server refuses the login on every lane; nothing is accepted, nothing marked sent.
        assertThat(emails.dispatchBatch()).isEqualTo(queued);
        assertThat(server.getReceivedMessages()).isEmpty();
        assertThat(Db.emails(patient)).hasSize(queued).allSatisfy(email -> {
            assertThat(email.state).isEqualTo(EmailDelivery.State.PENDING);
            assertThat(email.sentAt).isNull();
            assertThat(email.attempts).isEqualTo(1);
            assertThat(email.lastError).isNotBlank();
            assertThat(email.nextAttemptAt).isAfter(OffsetDateTime.now(CLOCK));
        });

        // The relay's password now matches the configured one; the next attempt delivers each email once.
        server.getUserManager().getUserByEmail(USER).setPassword(PASSWORD);
        CLOCK.advance(Duration.ofSeconds(5));
        assertThat(emails.dispatchBatch()).isEqualTo(queued);
        assertThat(Db.emails(patient)).hasSize(queued).allSatisfy(email -> {
            assertThat(email.state).isEqualTo(EmailDelivery.State.SENT);
            assertThat(email.attempts).as("attempts (last error: %s)", email.lastError).isEqualTo(2);
        });
        assertThat(emails.dispatchBatch()).isZero();
        assertThat(recipientsOfReceived()).hasSize(queued).containsOnly(Events.email(patient));
    }

    /** A patient with a new program and {@link #EMAILS} due reminders, dispatched: their emails queued. */
    private UUID queueEmails() {
        UUID patient = UUID.randomUUID();
        UUID plan = UUID.randomUUID();
        Events.registerPatient(patient, "Europe/Berlin");
        await().atMost(Duration.ofMinutes(3)).until(() -> Db.read(() -> Recipient.findById(patient)) != null);
        LocalDate today = LocalDate.now(CLOCK.withZone(BERLIN));
        Events.planAssigned(plan, patient, today.minusDays(EMAILS + 5),
                List.of(Events.item(UUID.randomUUID(), 1, 52)));
        await().atMost(Duration.ofMinutes(3)).until(() -> Db.read(() -> ScheduledPlan.findById(plan)) != null);
        QuarkusTransaction.requiringNew().run(() -> {
            OffsetDateTime dueAt = OffsetDateTime.now(CLOCK).minusMinutes(1);
            for (int day = 1; day <= EMAILS; day++) {
                Reminder reminder = new Reminder();
                reminder.id = UUID.randomUUID();
                reminder.recipientId = patient;
                reminder.planId = plan;
                reminder.localDate = today.minusDays(day);
                reminder.slot = 0;
                reminder.kind = Reminder.Kind.REMINDER;
                reminder.dueAt = dueAt;
                reminder.createdAt = dueAt;
                reminder.persist();
            }
        });
        while (reminders.dispatchBatch() > 0) {
            // until every due reminder became a message and an email
        }
        assertThat(reminderEmails(patient)).hasSize(EMAILS);
        return patient;
    }

    private static List<EmailDelivery> reminderEmails(UUID patient) {
        return Db.emails(patient).stream().filter(e -> e.subject.equals("Your program for today is ready")).toList();
    }

    private static List<String> recipientsOfReceived() {
        return Arrays.stream(server.getReceivedMessages()).map(SmtpLanesTest::recipient).toList();
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
