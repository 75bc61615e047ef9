package care.homeprogram.notifications;

import static care.homeprogram.notifications.TestClockProducer.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import care.homeprogram.notifications.PushServicePeer.Browser;
import care.homeprogram.notifications.PushServicePeer.Received;
import care.homeprogram.notifications.api.PushSubscriptionRequest;
import care.homeprogram.notifications.domain.Recipient;
import care.homeprogram.notifications.domain.Reminder;
import care.homeprogram.notifications.service.PushDispatcher;
import care.homeprogram.notifications.service.PushSubscriptionService;
import care.homeprogram.notifications.service.ReminderDispatcher;
import care.homeprogram.testing.Mailbox;
import care.homeprogram.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Messages in the patient's language (docs/notifications.md, "Languages"), on the real broker, PostgreSQL, SMTP
 * server and a push service that speaks the real protocol ({@link PushServicePeer}, which decrypts each payload as
 * the phone would): a patient whose {@code preferredLanguage} patient-service announces as {@code es}, another as
 * {@code de-AT}, read their new program's notice and their reminder in Spanish and German, in the inbox, the email
 * read from the mailbox and the push on their phone; a change of language takes effect for the next message, and an
 * event from a producer that does not send the language yet keeps it.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "NOTIFICATIONS"))
class MessageLanguageTest {
    private static final Duration WAIT = Duration.ofMinutes(3);
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Inject
    ReminderDispatcher reminders;

    @Inject
    PushDispatcher pushes;

    @Inject
    PushSubscriptionService subscriptions;

    @ConfigProperty(name = "homeprogram.portal-url")
    String portalUrl;

    @Test
    void remindersReachEachPatientInTheirLanguageByEmailAndPushAndFollowAChangeOfLanguage() throws Exception {
        try (PushServicePeer peer = new PushServicePeer(CLOCK::instant)) {
            UUID ana = UUID.randomUUID();
            UUID jonas = UUID.randomUUID();
            Events.patientEvent("PatientRegistered", ana, Events.now(), contact(ana, "es"));
            Events.patientEvent("PatientRegistered", jonas, Events.now(), contact(jonas, "de-AT"));
            await().atMost(WAIT).until(() -> "es".equals(languageOf(ana)) && "de-AT".equals(languageOf(jonas)));
            Browser anaPhone = peer.subscribe();
            subscriptions.subscribe(ana, subscription(anaPhone));
            Browser jonasPhone = peer.subscribe();
            subscriptions.subscribe(jonas, subscription(jonasPhone));

            LocalDate today = LocalDate.now(CLOCK.withZone(BERLIN));
            UUID anasPlan = UUID.randomUUID();
            UUID jonassPlan = UUID.randomUUID();
            Events.planAssigned(anasPlan, ana, today, List.of(Events.item(UUID.randomUUID(), 1)));
            Events.planAssigned(jonassPlan, jonas, today, List.of(Events.item(UUID.randomUUID(), 1)));
            LocalDate tomorrow = today.plusDays(1);
            List<Reminder> anasDay = await().atMost(WAIT).until(() -> Db.remindersOn(anasPlan, tomorrow),
                    r -> r.size() == 2);
            List<Reminder> jonassDay = await().atMost(WAIT).until(() -> Db.remindersOn(jonassPlan, tomorrow),
                    r -> r.size() == 2);
            assertThat(anasDay).extracting(r -> r.kind).containsExactly(Reminder.Kind.REMINDER,
                    Reminder.Kind.CATCH_UP);
            assertThat(jonassDay.get(0).dueAt).isEqualTo(anasDay.get(0).dueAt);
            // The new program's notice, pushed and decrypted on the phones (before the clock moves past its day).
            pushUntil(() -> peer.receivedBy(anaPhone).size() == 1 && peer.receivedBy(jonasPhone).size() == 1);

            CLOCK.advanceTo(anasDay.get(0).dueAt.toInstant());
            remindUntil(() -> Db.reminder(anasDay.get(0).id).state == Reminder.State.SENT
                    && Db.reminder(jonassDay.get(0).id).state == Reminder.State.SENT);

            // The inbox, in each patient's language.
            assertThat(Db.notifications(ana, "PLAN_ASSIGNED")).singleElement()
                    .satisfies(n -> assertThat(n.title).isEqualTo("Su nuevo programa en casa está listo"));
            assertThat(Db.notifications(ana, "REMINDER")).singleElement().satisfies(n -> {
                assertThat(n.title).isEqualTo("Su programa de hoy está listo");
                assertThat(n.body).isEqualTo("Es hora de la sesión de hoy. Abra su programa para ver lo previsto.");
            });
            assertThat(Db.notifications(jonas, "REMINDER")).singleElement().satisfies(n -> {
                assertThat(n.title).isEqualTo("Ihr Programm für heute ist bereit");
                assertThat(n.body).isEqualTo(
                        "Zeit für die heutige Einheit. Öffnen Sie Ihr Programm, um zu sehen, was geplant ist.");
            });

            // The emails, as the patients' mail programs read them.
            String link = portalUrl + "/";
            Mailbox.Mail anasReminder = awaitMail(ana, "Su programa de hoy está listo");
            assertThat(text(anasReminder)).isEqualTo("""
                    Hola:

                    Su programa de hoy está listo.
                    Inicie sesión para verlo: %s

                    Para proteger su privacidad, este correo no contiene datos de salud.
                    Puede cambiar cuándo y cómo le enviamos recordatorios en la configuración de notificaciones.
                    HomeProgram
                    """.formatted(link).strip());
            Mailbox.Mail jonassReminder = awaitMail(jonas, "Ihr Programm für heute ist bereit");
            assertThat(text(jonassReminder)).isEqualTo("""
                    Guten Tag,

                    Ihr Programm für heute ist bereit.
                    Melden Sie sich an, um es zu sehen: %s

                    Zum Schutz Ihrer Privatsphäre enthält diese E-Mail keine Gesundheitsdaten.
                    In Ihren Benachrichtigungseinstellungen können Sie ändern, wann und wie wir Sie erinnern.
                    HomeProgram
                    """.formatted(link).strip());
            awaitMail(ana, "Su nuevo programa en casa está listo");
            awaitMail(jonas, "Ihr neues Heimprogramm ist bereit");

            // The pushes, decrypted on the phones: the new program's notice, then the reminder.
            pushUntil(() -> peer.receivedBy(anaPhone).size() == 2 && peer.receivedBy(jonasPhone).size() == 2);
            assertThat(peer.receivedBy(anaPhone)).extracting(MessageLanguageTest::pushText)
                    .containsExactly("Tiene un mensaje nuevo", "Su programa de hoy está listo");
            assertThat(peer.receivedBy(jonasPhone)).extracting(MessageLanguageTest::pushText)
                    .containsExactly("Sie haben eine neue Nachricht", "Ihr Programm für heute ist bereit");
            assertThat(peer.all()).allSatisfy(push -> {
                assertThat(push.refusal()).isNull();
                assertThat(push.payload().path("title").asText()).isEqualTo("HomeProgram");
                assertThat(push.payload().size()).as("nothing but title, text and link").isEqualTo(3);
            });

            // Ana switches to German: the next message, the afternoon catch-up, is in German everywhere.
            Events.patientEvent("PatientContactChanged", ana, Events.now(), contact(ana, "de"));
            await().atMost(WAIT).until(() -> "de".equals(languageOf(ana)));
            CLOCK.advanceTo(anasDay.get(1).dueAt.toInstant());
            remindUntil(() -> Db.reminder(anasDay.get(1).id).state == Reminder.State.SENT);
            assertThat(Db.notifications(ana, "CATCH_UP")).singleElement()
                    .satisfies(n -> assertThat(n.title).isEqualTo("Für das heutige Programm ist noch Zeit"));
            assertThat(text(awaitMail(ana, "Eine freundliche Erinnerung von HomeProgram")))
                    .startsWith("Guten Tag,\n\nFür das heutige Programm ist noch Zeit.\n")
                    .contains("\nZum Schutz Ihrer Privatsphäre enthält diese E-Mail keine Gesundheitsdaten.\n");
            pushUntil(() -> peer.receivedBy(anaPhone).size() == 3);
            assertThat(pushText(peer.receivedBy(anaPhone).get(2))).isEqualTo("Für das heutige Programm ist noch Zeit");

            // An event from a patient-service that does not announce the language yet keeps the one chosen.
            Map<String, Object> withoutLanguage = contact(ana, null);
            withoutLanguage.remove("preferredLanguage");
            UUID older = Events.publish("patient-events", "PatientContactChanged", ana, Events.now(),
                    withoutLanguage);
            await().atMost(WAIT).until(() -> Db.processed(older));
            assertThat(languageOf(ana)).isEqualTo("de");
        }
    }

    /**
     * A patient without a preference: patient-service leaves the language out of their contact (docs/events.md), and
     * their messages are in English, in the inbox and the email.
     */
    @Test
    void aPatientWithoutALanguagePreferenceReadsTheirMessagesInEnglish() {
        UUID robin = UUID.randomUUID();
        Map<String, Object> withoutLanguage = contact(robin, null);
        withoutLanguage.remove("preferredLanguage");
        UUID registered = Events.publish("patient-events", "PatientRegistered", robin, Events.now(), withoutLanguage);
        await().atMost(WAIT).until(() -> Db.processed(registered));
        assertThat(languageOf(robin)).isEqualTo("en");

        Events.planAssigned(UUID.randomUUID(), robin, LocalDate.now(CLOCK.withZone(BERLIN)),
                List.of(Events.item(UUID.randomUUID(), 1)));
        await().atMost(WAIT).until(() -> Db.notifications(robin, "PLAN_ASSIGNED").size() == 1);
        assertThat(Db.notifications(robin, "PLAN_ASSIGNED")).singleElement()
                .satisfies(n -> assertThat(n.title).isEqualTo("Your new home program is ready"));
        assertThat(text(awaitMail(robin, "Your new home program is ready"))).contains("HomeProgram");
    }

    private static Map<String, Object> contact(UUID patient, String language) {
        Map<String, Object> contact = new LinkedHashMap<>(Events.contact(patient, "Europe/Berlin",
                Events.NO_QUIET_HOURS, true, true, "ACTIVE"));
        contact.put("preferredLanguage", language);
        return contact;
    }

    private static String languageOf(UUID person) {
        return Db.read(() -> {
            Recipient recipient = Recipient.findById(person);
            return recipient == null ? null : recipient.preferredLanguage;
        });
    }

    private static PushSubscriptionRequest subscription(Browser browser) {
        return new PushSubscriptionRequest(browser.endpoint(), new PushSubscriptionRequest.Keys(browser.p256dh(),
                care.homeprogram.notifications.service.P256.base64Url(browser.auth())));
    }

    private static String pushText(Received push) {
        return push.payload().path("body").asText();
    }

    private static Mailbox.Mail awaitMail(UUID person, String subject) {
        return await().atMost(WAIT).until(() -> Mailbox.messagesFor(Events.email(person)).stream()
                .filter(m -> subject.equals(m.subject())).findFirst().orElse(null), java.util.Objects::nonNull);
    }

    /** The mail's text as written, whatever line ends (and final line end) the mail transport kept. */
    private static String text(Mailbox.Mail mail) {
        return mail.body().replace("\r\n", "\n").strip();
    }

    private void remindUntil(BooleanSupplier done) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).until(() -> {
            reminders.dispatchBatch();
            return done.getAsBoolean();
        });
    }

    private void pushUntil(BooleanSupplier done) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).until(() -> {
            pushes.dispatchBatch();
            return done.getAsBoolean();
        });
    }
}
