package care.homeprogram.portal.service;

import care.homeprogram.portal.client.NotificationsClient;
import care.homeprogram.portal.client.Patient;
import care.homeprogram.portal.client.PatientsClient;
import care.homeprogram.portal.client.Plan;
import care.homeprogram.portal.client.PlansClient;
import care.homeprogram.portal.client.ServiceProblem;
import care.homeprogram.portal.client.Session;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Composes the patient's pages from patient-, plan- and notification-service, always as the patient themselves. */
@ApplicationScoped
public class PatientPages {
    private final PlansClient plans;
    private final NotificationsClient notifications;
    private final PatientsClient patients;
    private final int greenMax;
    private final int amberMax;

    public PatientPages(PlansClient plans, NotificationsClient notifications, PatientsClient patients,
            @ConfigProperty(name = "homeprogram.portal.pain.green-max", defaultValue = "3") int greenMax,
            @ConfigProperty(name = "homeprogram.portal.pain.amber-max", defaultValue = "5") int amberMax) {
        this.plans = plans;
        this.notifications = notifications;
        this.patients = patients;
        this.greenMax = greenMax;
        this.amberMax = amberMax;
    }

    public TodayView today(TodayView.SessionForm form) {
        Section<List<TodayView.PlanToday>> today = Section.load(() -> plans.mine().items().stream()
                .filter(p -> "ACTIVE".equals(p.status()) || "ON_HOLD".equals(p.status()))
                .sorted(Comparator.comparing(Plan::createdAt).reversed())
                .map(this::planToday).toList());
        Section<Integer> unread = Section.load(() -> (int) notifications.inbox(0, 50).items().stream()
                .filter(n -> n.readAt() == null).count());
        return new TodayView(today, unread, form, intakeDue());
    }

    /**
     * Whether the patient still has to answer the intake screen. When patient-service cannot say, the prompt is left
     * out: the day's exercises matter more than a prompt, and it comes back on the next visit.
     */
    private boolean intakeDue() {
        try {
            Section<Patient.Intake> intake = Section.load(patients::myIntake);
            return intake.available() && intake.value() != null && intake.value().screenedAt() == null;
        } catch (ServiceProblem refused) {
            return false;
        }
    }

    private TodayView.PlanToday planToday(Plan plan) {
        Plan.Today today = plan.today();
        String zoneId = today == null ? "UTC" : today.timeZone();
        ZoneId zone = Times.zone(zoneId);
        LocalDate date = today == null ? LocalDate.now(zone) : today.date();
        boolean onHold = "ON_HOLD".equals(plan.status());
        List<TodayView.Due> due = new ArrayList<>();
        if (!onHold && today != null && !today.items().isEmpty()) {
            Map<UUID, Long> done = new HashMap<>();
            for (Session s : plans.sessions(plan.id()).items()) {
                if (!s.withdrawn() && s.performedAt().atZoneSameInstant(zone).toLocalDate().equals(date)) {
                    done.merge(s.itemId(), 1L, Long::sum);
                }
            }
            for (Plan.Due d : today.items()) {
                Plan.Item item = plan.item(d.itemId()).orElse(null);
                if (item == null || !"ACTIVE".equals(item.status())) {
                    continue;
                }
                int timer = DoseText.timerSeconds(item.dose());
                due.add(new TodayView.Due(plan.id(), item.id(), item.name(), DoseText.amount(item.dose()),
                        item.summary(), item.instructions(), item.cautions(), item.whySafe(), timer,
                        timer == 0 ? "" : DoseText.seconds(timer), item.dose() != null && item.dose().holdSeconds() != null,
                        d.timesPerDay(), done.getOrDefault(item.id(), 0L),
                        d.followUpQuestion()));
            }
        }
        List<TodayView.Paused> paused = plan.items().stream().filter(i -> "PAUSED".equals(i.status()))
                .map(i -> new TodayView.Paused(i.name(), Wording.pausedReason(i.pausedReason()))).toList();
        return new TodayView.PlanToday(plan.id(), Times.longDate(date), zone.getId(),
                today == null ? 0 : today.week(), onHold, due, paused,
                plan.hydrationTargetLitres() == null ? null
                        : plan.hydrationTargetLitres().stripTrailingZeros().toPlainString());
    }

    public HistoryView history() {
        return new HistoryView(Section.load(() -> {
            List<Plan> mine = plans.mine().items();
            Map<UUID, String> names = new HashMap<>();
            mine.forEach(p -> p.items().forEach(i -> names.put(i.id(), i.name())));
            String zoneId = mine.stream().filter(p -> p.today() != null).map(p -> p.today().timeZone()).findFirst()
                    .orElse("UTC");
            ZoneId zone = Times.zone(zoneId);
            List<Session> sessions = new ArrayList<>();
            Map<UUID, UUID> planOf = new HashMap<>();
            for (Plan plan : mine) {
                for (Session s : plans.sessions(plan.id()).items()) {
                    sessions.add(s);
                    planOf.put(s.id(), plan.id());
                }
            }
            Instant now = Instant.now();
            List<PatientPageView.SessionRow> rows = sessions.stream()
                    .sorted(Comparator.comparing(Session::performedAt).reversed())
                    .map(s -> new PatientPageView.SessionRow(Times.format(s.performedAt(), zone),
                            names.getOrDefault(s.itemId(), "—"), s.painBefore(), s.painAfter(),
                            s.trafficLight() == null ? "" : s.trafficLight().toLowerCase(Locale.ROOT),
                            Wording.decisionForPatient(s), s.symptoms().stream().map(Wording::symptom).toList(),
                            s.note(), planOf.get(s.id()), s.id(), s.changeable(now)))
                    .toList();
            return new HistoryView.Sessions(rows, PainTrend.of(sessions, zone, greenMax, amberMax));
        }));
    }

    /**
     * One of the patient's own sessions with the name of its exercise, for the correction pages; empty when it is
     * not among their plans' sessions (someone else's, or made up), which the pages answer with 404.
     */
    public Optional<SessionToChange> session(UUID planId, UUID sessionId) {
        // only the patient's own plans: a plan id from the address is never taken on trust
        Plan plan = plans.mine().items().stream().filter(p -> planId.equals(p.id())).findFirst().orElse(null);
        if (plan == null) {
            return Optional.empty();
        }
        return plans.sessions(planId).items().stream().filter(s -> sessionId.equals(s.id())).findFirst()
                .map(s -> new SessionToChange(planId, s,
                        plan.item(s.itemId()).map(Plan.Item::name).orElse("this exercise"),
                        Times.format(s.performedAt(),
                                Times.zone(plan.today() == null ? "UTC" : plan.today().timeZone()))));
    }

    /** A session the patient is about to correct or withdraw, with its exercise's name. */
    public record SessionToChange(UUID planId, Session session, String item, String when) {
    }

    /** The plans to print: active and on hold, newest first. */
    public List<Plan> printable() {
        return plans.mine().items().stream()
                .filter(p -> "ACTIVE".equals(p.status()) || "ON_HOLD".equals(p.status()))
                .sorted(Comparator.comparing(Plan::createdAt).reversed()).toList();
    }
}
