package care.homeprogram.notifications;

import static care.homeprogram.notifications.TestClockProducer.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import care.homeprogram.notifications.domain.QuietWindow;
import care.homeprogram.notifications.domain.Recipient;
import care.homeprogram.notifications.domain.Reminder;
import care.homeprogram.notifications.domain.SessionActivity;
import care.homeprogram.notifications.service.ReminderDispatcher;
import care.homeprogram.testing.Mailbox;
import care.homeprogram.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Reminders on the real broker, PostgreSQL and SMTP server, with time moved by the test clock: materialised in the
 * patient's zone outside quiet hours, sent once, one catch-up at most, none while nothing should be reminded.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class,
        initArgs = @ResourceArg(name = "service", value = "NOTIFICATIONS"))
class ReminderFlowTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Map<String, String> NIGHT = Map.of("start", "21:00", "end", "08:00");
    private static final Duration WAIT = Duration.ofMinutes(3);

    @Inject
    ReminderDispatcher dispatcher;

    @Test
    void aPlanIsRemindedInThePatientsZoneOnceWithOneCatchUpAndNoCatchUpAfterASession() {
        UUID patient = UUID.randomUUID();
        UUID plan = UUID.randomUUID();
        UUID item = UUID.randomUUID();
        Events.patientEvent("PatientRegistered", patient, Events.now(),
                Events.contact(patient, "Europe/Berlin", NIGHT, true, true, "ACTIVE"));
        await().atMost(WAIT).until(() -> Db.read(() -> Recipient.findById(patient)) != null);
        LocalDate today = LocalDate.now(CLOCK.withZone(BERLIN));
        Events.planAssigned(plan, patient, today, List.of(Events.item(item, 2)));

        LocalDate tomorrow = today.plusDays(1);
        List<Reminder> day1 = await().atMost(WAIT).until(() -> Db.remindersOn(plan, tomorrow), r -> r.size() == 3);
        assertThat(day1).extracting(r -> r.dueAt.atZoneSameInstant(BERLIN).toLocalTime())
                .containsExactly(LocalTime.of(9, 0), LocalTime.of(13, 0), LocalTime.of(18, 0));
        assertThat(day1).extracting(r -> r.kind).containsExactly(Reminder.Kind.REMINDER, Reminder.Kind.CATCH_UP,
                Reminder.Kind.REMINDER);
        assertThat(Db.remindersOn(plan, today.plusDays(2))).hasSize(3);
        assertThat(Db.reminders(plan)).noneMatch(r -> QuietWindow.DEFAULT.contains(r.dueAt.atZoneSameInstant(BERLIN)));

        String address = Events.email(patient);
        CLOCK.advanceTo(day1.get(0).dueAt.toInstant());
        dispatchUntil(() -> Db.reminder(day1.get(0).id).state == Reminder.State.SENT);
        await().atMost(WAIT).untilAsserted(() -> assertThat(subjects(address))
                .filteredOn("Your program for today is ready"::equals).hasSize(1));

        CLOCK.advanceTo(day1.get(1).dueAt.toInstant());
        dispatchUntil(() -> Db.reminder(day1.get(1).id).state == Reminder.State.SENT);
        CLOCK.advanceTo(day1.get(2).dueAt.toInstant());
        dispatchUntil(() -> Db.reminder(day1.get(2).id).state == Reminder.State.SENT);
        await().atMost(WAIT).untilAsserted(() -> {
            List<String> subjects = subjects(address);
            assertThat(subjects).filteredOn("Your program for today is ready"::equals).hasSize(2);
            assertThat(subjects).filteredOn("A friendly reminder from HomeProgram"::equals).hasSize(1);
        });
        assertThat(Db.notifications(patient, "REMINDER")).hasSize(2).extracting(n -> n.sourceEventId)
                .containsExactlyInAnyOrder(day1.get(0).id, day1.get(2).id);
        assertThat(Db.notifications(patient, "CATCH_UP")).hasSize(1);
        assertThat(Db.notifications(patient, "REMINDER")).allMatch(n -> n.inApp && plan.equals(n.subjectId));

        // The next day the patient logs a session in the morning: no catch-up that day.
        List<Reminder> day2 = Db.remindersOn(plan, today.plusDays(2));
        var performedAt = today.plusDays(2).atTime(8, 30).atZone(BERLIN).toOffsetDateTime();
        Events.sessionLogged(plan, patient, item, performedAt);
        await().atMost(WAIT).until(() -> Db.read(() -> SessionActivity.lastSessionOf(plan)).isPresent());
        CLOCK.advanceTo(day2.get(0).dueAt.toInstant());
        dispatchUntil(() -> Db.reminder(day2.get(0).id).state == Reminder.State.SENT);
        CLOCK.advanceTo(day2.get(1).dueAt.toInstant());
        dispatchUntil(() -> Db.reminder(day2.get(1).id).state != Reminder.State.PENDING);
        assertThat(Db.reminder(day2.get(1).id)).satisfies(catchUp -> {
            assertThat(catchUp.kind).isEqualTo(Reminder.Kind.CATCH_UP);
            assertThat(catchUp.state).isEqualTo(Reminder.State.SKIPPED);
            assertThat(catchUp.outcome).isEqualTo("a session was logged that day");
        });
        assertThat(Db.notifications(patient, "CATCH_UP")).hasSize(1);
    }

    @Test
    void nothingIsRemindedWhileThePlanIsOnHoldTheItemPausedTheAccountDisabledOrThePlanCompleted() {
        UUID patient = UUID.randomUUID();
        UUID plan = UUID.randomUUID();
        UUID item = UUID.randomUUID();
        Map<String, Object> contact = Events.contact(patient, "Europe/Berlin", NIGHT, true, true, "ACTIVE");
        Events.patientEvent("PatientRegistered", patient, Events.now(), contact);
        await().atMost(WAIT).until(() -> Db.read(() -> Recipient.findById(patient)) != null);
        LocalDate start = LocalDate.now(CLOCK.withZone(BERLIN));
        List<Map<String, Object>> items = List.of(Events.item(item, 1));
        Events.planAssigned(plan, patient, start, items);
        await().atMost(WAIT).until(() -> Db.pendingAhead(plan) > 0);

        Events.planChanged(plan, patient, 2, start, "ON_HOLD", items);
        await().atMost(WAIT).until(() -> Db.pendingAhead(plan) == 0);
        Events.planChanged(plan, patient, 3, start, "ACTIVE", items);
        await().atMost(WAIT).until(() -> Db.pendingAhead(plan) > 0);

        Events.itemPaused(plan, patient, item);
        await().atMost(WAIT).until(() -> Db.pendingAhead(plan) == 0);
        Events.itemResumed(plan, patient, item);
        await().atMost(WAIT).until(() -> Db.pendingAhead(plan) > 0);

        Map<String, Object> disabled = new java.util.HashMap<>(contact);
        disabled.put("status", "DISABLED");
        Events.patientEvent("PatientDeactivated", patient, Events.now(), disabled);
        await().atMost(WAIT).until(() -> Db.pendingAhead(plan) == 0);
        Events.patientEvent("PatientReactivated", patient, Events.now(), contact);
        await().atMost(WAIT).until(() -> Db.pendingAhead(plan) > 0);

        Events.planChanged(plan, patient, 4, start, "COMPLETED", List.of());
        await().atMost(WAIT).until(() -> Db.pendingAhead(plan) == 0);
        // A late copy of an older version changes nothing.
        UUID late = Events.planChanged(plan, patient, 3, start, "ACTIVE", items);
        await().atMost(WAIT).until(() -> Db.processed(late));
        assertThat(Db.pendingAhead(plan)).isZero();

        CLOCK.advance(Duration.ofDays(1));
        dispatcher.dispatchBatch();
        assertThat(Db.notifications(patient, "REMINDER")).isEmpty();
    }

    @Test
    void aNewTimeZonePlansTheRemindersAgainAtNineInTheNewZone() {
        UUID patient = UUID.randomUUID();
        UUID plan = UUID.randomUUID();
        Map<String, Object> contact = Events.contact(patient, "Europe/Berlin", NIGHT, true, true, "ACTIVE");
        Events.patientEvent("PatientRegistered", patient, Events.now(), contact);
        await().atMost(WAIT).until(() -> Db.read(() -> Recipient.findById(patient)) != null);
        LocalDate start = LocalDate.now(CLOCK.withZone(BERLIN));
        Events.planAssigned(plan, patient, start, List.of(Events.item(UUID.randomUUID(), 1)));
        // Tomorrow in Berlin lies within the planning horizon in both zones, whatever the hour: New York's today is
        // Berlin's today or the day before, so Berlin's day after tomorrow can lie beyond New York's horizon.
        LocalDate later = start.plusDays(1);
        await().atMost(WAIT).until(() -> Db.remindersOn(plan, later), r -> r.size() == 2);

        Map<String, Object> moved = new java.util.HashMap<>(contact);
        moved.put("timeZone", "America/New_York");
        Events.patientEvent("PatientContactChanged", patient, Events.now(), moved);
        await().atMost(WAIT).untilAsserted(() -> assertThat(Db.remindersOn(plan, later))
                .filteredOn(r -> r.kind == Reminder.Kind.REMINDER)
                .extracting(r -> r.dueAt.atZoneSameInstant(NEW_YORK).toLocalTime())
                .containsExactly(LocalTime.of(9, 0)));
    }

    private void dispatchUntil(BooleanSupplier done) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).until(() -> {
            dispatcher.dispatchBatch();
            return done.getAsBoolean();
        });
    }

    private static List<String> subjects(String address) {
        return Mailbox.messagesFor(address).stream().map(Mailbox.Mail::subject).toList();
    }
}
