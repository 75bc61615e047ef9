package care.homeprogram.portal.service;

import care.homeprogram.contract.Page;
import care.homeprogram.portal.client.NotificationsClient;
import care.homeprogram.portal.client.Patient;
import care.homeprogram.portal.client.PatientDay;
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

/** Composes the patient's pages from patient-, plan- and notification-service, always as the patient themselves. */
@ApplicationScoped
public class PatientPages {
    private final PlansClient plans;
    private final NotificationsClient notifications;
    private final PatientsClient patients;
    private final PageCalls calls;
    private final PageLanguage language;
    private final ScreenedPatients screened;
    private final Viewer viewer;

    public PatientPages(PlansClient plans, NotificationsClient notifications, PatientsClient patients,
            PageCalls calls, PageLanguage language, ScreenedPatients screened, Viewer viewer) {
        this.plans = plans;
        this.notifications = notifications;
        this.patients = patients;
        this.calls = calls;
        this.language = language;
        this.screened = screened;
        this.viewer = viewer;
    }

    /**
     * Two calls at once ({@link PageCalls}): plan-service's one read of the day ({@code GET /api/plans/mine/today}:
     * the plans, today's sessions of each plan with something due, the pictures of the items due and the
     * questionnaires due) and the count of unread messages ({@code GET /api/notifications/unread}); a third, the
     * intake, only until this portal has seen the patient's screen recorded ({@link ScreenedPatients}). Before, the
     * page made six in two rounds (the plans first, then the sessions, the questionnaires and the pictures), each
     * one a token verification and an audit record more at plan-service (docs/portal.md, "Render times").
     */
    public TodayView today(TodayView.SessionForm form) {
        PageCalls.Pending<PatientDay> dayCall = calls.start(plans::myDay);
        // the count only, not the inbox's first page of messages to count here
        PageCalls.Pending<Integer> unreadCall = calls.start(() -> (int) Math.min(Integer.MAX_VALUE,
                notifications.unread()));
        UUID patient = viewer.id();
        PageCalls.Pending<Patient.Intake> intakeCall = screened.known(patient) ? null
                : calls.start(patients::myIntake);
        int[] questionnaires = { 0 };
        Section<List<TodayView.PlanToday>> today = Section.load(() -> {
            PatientDay day = dayCall.get();
            List<Plan> current = day.plans().items().stream()
                    .filter(p -> "ACTIVE".equals(p.status()) || "ON_HOLD".equals(p.status()))
                    .sorted(Comparator.comparing(Plan::createdAt).reversed()).toList();
            // measures are asked on a current plan only
            questionnaires[0] = current.isEmpty() ? 0 : day.dueMeasures().size();
            return current.stream().map(p -> planToday(p, hasSomethingDue(p)
                    ? day.sessionsToday().getOrDefault(p.id(), List.of()) : null, day.media())).toList();
        });
        Section<Integer> unread = Section.load(unreadCall::get);
        return new TodayView(today, unread, form, intakeCall != null && intakeDue(patient, intakeCall),
                questionnaires[0]);
    }

    /**
     * One item of the patient's current plans with its pictures and video, or empty when no current plan of theirs
     * holds it (plan-service lists only the patient's own plans).
     */
    public Optional<ExerciseDetailView> exercise(UUID planId, UUID itemId) {
        return plans.mine().items().stream().filter(p -> p.id().equals(planId)).findFirst()
                .flatMap(p -> p.item(itemId))
                .map(item -> new ExerciseDetailView(planId, item.id(), item.name(), item.status(),
                        DoseText.of(item.dose(), language.messages(), language.language().locale()), item.summary(),
                        item.instructions(),
                        item.cautions(), item.whySafe(), item.noteToPatient(), mediaOf(item.exerciseId())));
    }

    /** An active plan with items due today: its sessions tell what was done already. */
    private static boolean hasSomethingDue(Plan plan) {
        return !"ON_HOLD".equals(plan.status()) && plan.today() != null && !plan.today().items().isEmpty();
    }

    /**
     * Whether the patient still has to answer the intake screen. When patient-service cannot say, the prompt is left
     * out: the day's exercises matter more than a prompt, and it comes back on the next visit. A screen found
     * recorded is remembered, so the next visits do not ask.
     */
    private boolean intakeDue(UUID patient, PageCalls.Pending<Patient.Intake> intakeCall) {
        try {
            Section<Patient.Intake> intake = Section.load(intakeCall::get);
            if (!intake.available() || intake.value() == null) {
                return false;
            }
            if (intake.value().screenedAt() != null) {
                screened.remember(patient);
                return false;
            }
            return true;
        } catch (ServiceProblem refused) {
            return false;
        }
    }

    /** The questionnaires the patient is asked to answer now, oldest first (plan-service's order). */
    public Section<List<care.homeprogram.portal.client.Measure.Due>> dueMeasures() {
        return Section.load(() -> plans.dueMeasures().items());
    }

    /**
     * One questionnaire the patient is asked to answer now, as a form; empty when it is not among theirs (answered
     * already, someone else's, made up), which the pages answer with 404.
     */
    public Optional<QuestionnaireForm> questionnaire(UUID scheduleId, Map<String, String> values) {
        return plans.dueMeasures().items().stream().filter(d -> scheduleId.equals(d.scheduleId())).findFirst()
                .map(due -> {
                    var instrument = plans.instrument(due.instrument());
                    return QuestionnaireForm.of(scheduleId, due.title(), instrument.questionnaire(), values);
                });
    }

    /**
     * The item's pictures and video; without them the page still shows the words (a picture that cannot be listed
     * now is not a reason to withhold the day's program).
     */
    List<care.homeprogram.portal.client.Media> mediaOf(UUID exerciseId) {
        if (exerciseId == null) {
            return List.of();
        }
        try {
            return plans.media(exerciseId);
        } catch (care.homeprogram.portal.client.ServiceProblem | care.homeprogram.portal.client.ServiceUnavailable e) {
            return List.of();
        }
    }

    /**
     * @param sessions the plan's sessions of today when something is due on it (null when nothing is)
     * @param media    the pictures and video of the entries due, by entry
     */
    private TodayView.PlanToday planToday(Plan plan, List<Session> sessions,
            Map<UUID, List<care.homeprogram.portal.client.Media>> media) {
        Plan.Today today = plan.today();
        String zoneId = today == null ? "UTC" : today.timeZone();
        ZoneId zone = Times.zone(zoneId);
        LocalDate date = today == null ? LocalDate.now(zone) : today.date();
        boolean onHold = "ON_HOLD".equals(plan.status());
        List<TodayView.Due> due = new ArrayList<>();
        if (sessions != null) {
            Map<UUID, Long> done = new HashMap<>();
            for (Session s : sessions) {
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
                due.add(new TodayView.Due(plan.id(), item.id(), item.name(), item.dose() == null ? ""
                        : DoseText.amount(item.dose(), language.messages()), item.summary(), item.instructions(), item.cautions(), item.whySafe(), timer,
                        timer == 0 ? "" : DoseText.seconds(timer), item.dose() != null && item.dose().holdSeconds() != null,
                        d.timesPerDay(), done.getOrDefault(item.id(), 0L),
                        d.followUpQuestion(), item.noteToPatient(),
                        item.exerciseId() == null ? List.of()
                                : media.getOrDefault(item.exerciseId(), List.of())));
            }
        }
        List<TodayView.Paused> paused = plan.items().stream().filter(i -> "PAUSED".equals(i.status()))
                .map(i -> new TodayView.Paused(i.name(), Wording.pausedReason(i.pausedReason()))).toList();
        return new TodayView.PlanToday(plan.id(), Times.longDate(date), zone.getId(),
                today == null ? 0 : today.week(), onHold, due, paused,
                plan.hydrationTargetLitres() == null ? null
                        : plan.hydrationTargetLitres().stripTrailingZeros().toPlainString(), plan.thresholds());
    }

    public HistoryView history() {
        // the current plans and the finished ones at once, then every plan's sessions at once (PageCalls)
        PageCalls.Pending<List<Plan>> currentCall = calls.start(() -> plans.mine().items());
        PageCalls.Pending<List<Plan>> finishedCall = calls.start(() -> plans.myHistory(0, Page.MAX_SIZE).items());
        PortalMessages words = language.messages();
        Locale locale = language.language().locale();
        return new HistoryView(Section.load(() -> {
            List<Plan> mine = new ArrayList<>(currentCall.get());
            mine.addAll(finishedCall.get());
            Map<UUID, String> names = new HashMap<>();
            mine.forEach(p -> p.items().forEach(i -> names.put(i.id(), i.name())));
            String zoneId = mine.stream().filter(p -> p.today() != null).map(p -> p.today().timeZone()).findFirst()
                    .orElse("UTC");
            ZoneId zone = Times.zone(zoneId);
            List<Session> sessions = new ArrayList<>();
            Map<UUID, UUID> planOf = new HashMap<>();
            Map<UUID, PageCalls.Pending<List<Session>>> sessionsOf = new HashMap<>();
            mine.forEach(plan -> sessionsOf.put(plan.id(), calls.start(() -> plans.sessions(plan.id()).items())));
            for (Plan plan : mine) {
                for (Session s : sessionsOf.get(plan.id()).get()) {
                    sessions.add(s);
                    planOf.put(s.id(), plan.id());
                }
            }
            Instant now = Instant.now();
            List<PatientPageView.SessionRow> rows = sessions.stream()
                    .sorted(Comparator.comparing(Session::performedAt).reversed())
                    .map(s -> new PatientPageView.SessionRow(Times.format(s.performedAt(), zone, locale),
                            names.getOrDefault(s.itemId(), "—"), s.painBefore(), s.painAfter(),
                            s.trafficLight() == null ? "" : s.trafficLight().toLowerCase(Locale.ROOT),
                            Wording.decisionForPatient(s, words),
                            s.symptoms().stream().map(code -> Wording.symptom(code, words)).toList(),
                            s.note(), planOf.get(s.id()), s.id(), s.changeable(now)))
                    .toList();
            return new HistoryView.Sessions(rows, PainTrend.of(sessions, zone, followed(mine), words, locale));
        }));
    }

    /**
     * The thresholds of the plan the patient follows (the newest open one, else the newest), for the bands behind the
     * pain trend. Each day's colour is the rules' own decision whatever plan it was under; these only draw the bands.
     */
    private static Plan.Thresholds followed(List<Plan> mine) {
        Comparator<Plan> newest = Comparator.comparing(Plan::createdAt,
                Comparator.nullsFirst(Comparator.naturalOrder()));
        return mine.stream().filter(p -> !"DRAFT".equals(p.status()))
                .max(Comparator.comparing(Plan::isOpen).thenComparing(newest))
                .map(Plan::thresholds).orElse(null);
    }

    /**
     * One of the patient's own sessions with the name of its exercise, for the correction pages; empty when it is
     * not among their plans' sessions (someone else's, or made up), which the pages answer with 404.
     */
    public Optional<SessionToChange> session(UUID planId, UUID sessionId) {
        // only the patient's own plans: a plan id from the address is never taken on trust (current ones first, then
        // the finished: a session logged just before its plan was completed may still be corrected)
        Plan plan = plans.mine().items().stream().filter(p -> planId.equals(p.id())).findFirst()
                .or(() -> plans.myHistory(0, Page.MAX_SIZE).items().stream().filter(p -> planId.equals(p.id()))
                        .findFirst())
                .orElse(null);
        if (plan == null) {
            return Optional.empty();
        }
        return plans.sessions(planId).items().stream().filter(s -> sessionId.equals(s.id())).findFirst()
                .map(s -> new SessionToChange(planId, s,
                        plan.item(s.itemId()).map(Plan.Item::name).orElse("this exercise"),
                        Times.format(s.performedAt(),
                                Times.zone(plan.today() == null ? "UTC" : plan.today().timeZone()),
                                language.language().locale())));
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
