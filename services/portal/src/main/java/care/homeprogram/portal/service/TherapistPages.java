package care.homeprogram.portal.service;

import care.homeprogram.contract.Language;
import care.homeprogram.portal.client.Adherence;
import care.homeprogram.portal.client.AdherenceLevel;
import care.homeprogram.portal.client.Alert;
import care.homeprogram.portal.client.Instrument;
import care.homeprogram.portal.client.Measure;
import care.homeprogram.portal.client.NotificationsClient;
import care.homeprogram.portal.client.PatientsClient;
import care.homeprogram.portal.client.Patient;
import care.homeprogram.portal.client.Plan;
import care.homeprogram.portal.client.PlanVersion;
import care.homeprogram.portal.client.PlansClient;
import care.homeprogram.portal.client.ServiceProblem;
import care.homeprogram.portal.client.Session;
import care.homeprogram.portal.client.Therapist;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Composes the therapist's pages from patient-, plan- and notification-service. */
@ApplicationScoped
public class TherapistPages {
    /** Versions shown with their changes; older ones are listed without. */
    private static final int VERSIONS_WITH_CHANGES = 6;
    private static final List<String> SEVERITY_ORDER = List.of("LOW", "HIGH", "CRITICAL");

    private final PatientsClient patients;
    private final PlansClient plans;
    private final NotificationsClient notifications;
    private final Viewer viewer;
    private final PageCalls calls;

    public TherapistPages(PatientsClient patients, PlansClient plans, NotificationsClient notifications,
            Viewer viewer, PageCalls calls) {
        this.patients = patients;
        this.plans = plans;
        this.notifications = notifications;
        this.viewer = viewer;
        this.calls = calls;
    }

    public PatientListView patientList(String query) {
        String q = query == null || query.isBlank() ? null : query.strip();
        // the three calls at once (PageCalls); alerts and levels are only shown if the patients came
        PageCalls.Pending<List<Patient>> patientsCall = calls.start(() -> patients.patients(q, 0, 100).items());
        PageCalls.Pending<List<Alert>> alertsCall = calls.start(() -> plans.alerts("open").items());
        PageCalls.Pending<List<AdherenceLevel>> levelsCall = calls.start(() -> notifications.adherence().items());
        Section<List<Patient>> found = Section.load(patientsCall::get);
        if (found.unavailable()) {
            return new PatientListView(q, new Section<>(null, found.unavailableService()), false, false);
        }
        Section<List<Alert>> open = Section.load(alertsCall::get);
        Section<List<AdherenceLevel>> levels = Section.load(levelsCall::get);
        Map<UUID, List<Alert>> alertsByPatient = open.orElse(List.of()).stream()
                .collect(Collectors.groupingBy(Alert::patientId));
        Map<UUID, String> levelByPatient = new HashMap<>();
        for (AdherenceLevel level : levels.orElse(List.of())) {
            levelByPatient.merge(level.patientId(), level.level(), TherapistPages::worseLevel);
        }
        List<PatientListView.Row> rows = found.value().stream().map(p -> {
            List<Alert> alerts = alertsByPatient.getOrDefault(p.id(), List.of());
            String top = alerts.stream().map(Alert::severity)
                    .max(Comparator.comparingInt(SEVERITY_ORDER::indexOf)).orElse(null);
            return new PatientListView.Row(p, alerts.size(), top, levelByPatient.get(p.id()));
        }).toList();
        return new PatientListView(q, Section.of(rows), open.unavailable(), levels.unavailable());
    }

    /**
     * Two rounds of calls, each round's calls at once ({@link PageCalls}): the patient, their plans, the open alerts
     * and the therapists' names; then, for the plan shown, its sessions, adherence, versions and the versions the
     * history compares.
     */
    public PatientPageView patientPage(UUID patientId) {
        PageCalls.Pending<Patient> patientCall = calls.start(() -> patients.patient(patientId));
        PageCalls.Pending<List<Plan>> plansCall = calls.start(() -> plans.ofPatient(patientId).items());
        PageCalls.Pending<List<Alert>> alertsCall = calls.start(() -> plans.alerts("open").items());
        PageCalls.Pending<List<Therapist>> therapistsCall = calls.start(() -> patients.therapists().items());
        PageCalls.Pending<Measure.History> scoresCall = calls.start(() -> plans.scores(patientId));
        PageCalls.Pending<List<Instrument>> instrumentsCall = calls.start(() -> plans.instruments().items());
        Section<Patient> patient = Section.load(patientCall::get);
        ZoneId zone = Times.zone(patient.available() ? patient.value().timeZone() : null);
        Section<List<Plan>> all;
        boolean catchingUp = false;
        try {
            all = Section.load(plansCall::get);
        } catch (ServiceProblem problem) {
            // A patient just created is in the therapist's care at patient-service at once, and at plan-service a
            // moment later (it learns care teams from patient-service's events): no plans yet, not "not found".
            if (!problem.isNotFound() || patient.unavailable()) {
                throw problem;
            }
            all = Section.of(List.of());
            catchingUp = true;
        }
        if (all.unavailable()) {
            return new PatientPageView(patientId, patient, new Section<>(null, all.unavailableService()), List.of(),
                    new Section<>(null, all.unavailableService()), zone.getId(), false, intakeForm(patient),
                    OutcomesView.none(new Section<>(null, all.unavailableService())));
        }
        Section<List<Alert>> open = Section.load(alertsCall::get);
        List<Plan> sorted = all.value().stream().sorted(Comparator.comparing(Plan::createdAt).reversed()).toList();
        // The plan the patient follows comes first; a draft (not yet theirs) only when nothing else is open.
        Plan current = sorted.stream().filter(p -> p.isOpen() && !"DRAFT".equals(p.status())).findFirst()
                .or(() -> sorted.stream().filter(Plan::isOpen).findFirst())
                .orElse(sorted.isEmpty() ? null : sorted.get(0));
        List<Plan> others = sorted.stream().filter(p -> current == null || !p.id().equals(current.id())).toList();
        Map<UUID, String> itemNames = new HashMap<>();
        sorted.forEach(p -> p.items().forEach(i -> itemNames.put(i.id(), i.name())));
        Section<List<PatientPageView.AlertRow>> alertRows = open.available()
                ? Section.of(open.value().stream().filter(a -> patientId.equals(a.patientId()))
                        .map(a -> PatientPageView.AlertRow.of(a, zone,
                                a.itemId() == null ? null : itemNames.get(a.itemId())))
                        .toList())
                : new Section<>(null, open.unavailableService());
        // the current plan's measures start now, in the round of the plan's own calls
        PageCalls.Pending<List<Measure.Schedule>> schedulesCall = current == null || !current.isOpen() ? null
                : calls.start(() -> plans.measureSchedules(current.id()).items());
        Section<PatientPageView.Current> overview = current == null ? Section.of(null)
                : Section.load(() -> overview(current, patient, zone, therapistsCall));
        return new PatientPageView(patientId, patient, overview, others, alertRows, zone.getId(), catchingUp,
                intakeForm(patient), outcomes(current, schedulesCall, scoresCall, instrumentsCall, zone));
    }

    /**
     * The outcome-measures section. A part plan-service refuses (a patient it does not know yet) shows as empty, one it
     * cannot give now as unavailable: the rest of the page does not depend on it.
     */
    private static OutcomesView outcomes(Plan current, PageCalls.Pending<List<Measure.Schedule>> schedulesCall,
            PageCalls.Pending<Measure.History> scoresCall, PageCalls.Pending<List<Instrument>> instrumentsCall,
            ZoneId zone) {
        Section<List<Instrument>> instruments = orEmpty(instrumentsCall, List.of());
        Section<Measure.History> history = orEmpty(scoresCall, new Measure.History(null, List.of()));
        Section<List<OutcomesView.Trend>> trends = history.available()
                ? Section.of(OutcomesView.trends(history.value(), instruments.orElse(List.of()), zone))
                : new Section<>(null, history.unavailableService());
        if (schedulesCall == null) {
            return OutcomesView.none(trends);
        }
        return new OutcomesView(current.id(), orEmpty(schedulesCall, List.of()), trends, instruments);
    }

    private static <T> Section<T> orEmpty(PageCalls.Pending<T> call, T empty) {
        try {
            return Section.load(call::get);
        } catch (ServiceProblem refused) {
            return Section.of(empty);
        }
    }

    private static IntakeForm intakeForm(Section<Patient> patient) {
        return IntakeForm.of(patient.available() ? patient.value().intake() : null,
                PageLanguage.of(IntakeMessages.class, Language.EN));
    }

    private PatientPageView.Current overview(Plan plan, Section<Patient> patient, ZoneId zone,
            PageCalls.Pending<List<Therapist>> therapistsCall) {
        PageCalls.Pending<List<Session>> sessionsCall = calls.start(() -> plans.sessions(plan.id()).items());
        PageCalls.Pending<Adherence> adherenceCall = calls.start(() -> plans.adherence(plan.id()));
        PageCalls.Pending<List<PlanVersion>> versionsCall = calls.start(() -> plans.versions(plan.id()).items());
        // The versions the history compares, when versions are numbered 1..current as plan-service numbers them:
        // the newest VERSIONS_WITH_CHANGES and the one before each. Any other version it needs is fetched then.
        Map<Integer, PageCalls.Pending<Plan>> earlier = new HashMap<>();
        for (int v = Math.max(1, plan.version() - VERSIONS_WITH_CHANGES); v < plan.version(); v++) {
            int version = v;
            earlier.put(version, calls.start(() -> plans.plan(plan.id(), version)));
        }
        List<PatientPageView.ItemRow> items = plan.items().stream().filter(i -> !"REMOVED".equals(i.status()))
                .map(i -> new PatientPageView.ItemRow(i, DoseText.of(i.dose()), "PAUSED".equals(i.status())))
                .toList();
        List<Session> sessions = sessionsCall.get();
        Map<UUID, String> itemNames = plan.items().stream()
                .collect(Collectors.toMap(Plan.Item::id, Plan.Item::name, (a, b) -> a));
        List<PatientPageView.SessionRow> sessionRows = sessions.stream()
                .sorted(Comparator.comparing(Session::performedAt).reversed())
                .map(s -> new PatientPageView.SessionRow(Times.format(s.performedAt(), zone),
                        itemNames.getOrDefault(s.itemId(), "—"), s.painBefore(), s.painAfter(),
                        s.trafficLight() == null ? "" : s.trafficLight().toLowerCase(java.util.Locale.ROOT),
                        Wording.decision(s), s.symptoms().stream().map(Wording::symptom).toList(), s.note(),
                        s.planId(), s.id(), false))
                .toList();
        Section<Adherence> adherence = Section.load(adherenceCall::get);
        boolean suggested = false;
        String progressionText = null;
        Integer week = null;
        if (adherence.available() && adherence.value().progression() != null) {
            Adherence.Progression p = adherence.value().progression();
            week = p.week();
            // plan-service keeps a dismissal (who, why) for the care team: a dismissed week is not offered again.
            suggested = p.suggested() && adherence.value().progressionDismissal() == null;
            progressionText = p.reason();
        }
        return new PatientPageView.Current(plan, items, history(plan, patient, zone, versionsCall, earlier,
                therapistsCall), sessionRows,
                PainTrend.of(sessions, zone, plan.thresholds()), adherence, suggested, progressionText, week);
    }

    private List<PatientPageView.VersionRow> history(Plan plan, Section<Patient> patient, ZoneId zone,
            PageCalls.Pending<List<PlanVersion>> versionsCall, Map<Integer, PageCalls.Pending<Plan>> earlier,
            PageCalls.Pending<List<Therapist>> therapistsCall) {
        List<PlanVersion> versions = versionsCall.get().stream()
                .sorted(Comparator.comparingInt(PlanVersion::version).reversed()).toList();
        Map<UUID, String> names = people(patient, therapistsCall);
        Map<Integer, Plan> snapshots = new HashMap<>();
        snapshots.put(plan.version(), plan);
        List<PatientPageView.VersionRow> rows = new ArrayList<>();
        for (int i = 0; i < versions.size(); i++) {
            PlanVersion v = versions.get(i);
            List<String> changes = List.of();
            if (i < VERSIONS_WITH_CHANGES) {
                Plan after = snapshot(plan.id(), v.version(), snapshots, earlier);
                Plan before = v.version() > 1 ? snapshot(plan.id(), v.version() - 1, snapshots, earlier) : null;
                changes = PlanHistory.changes(before, after);
            }
            rows.add(new PatientPageView.VersionRow(v.version(), Wording.planStatus(v.status()), who(v, names),
                    Times.format(v.changedAt(), zone), v.reason(), changes));
        }
        return rows;
    }

    /** The plan at that version: the call started for it, else one made now. */
    private Plan snapshot(UUID planId, int version, Map<Integer, Plan> snapshots,
            Map<Integer, PageCalls.Pending<Plan>> earlier) {
        Plan known = snapshots.get(version);
        if (known != null) {
            return known;
        }
        PageCalls.Pending<Plan> started = earlier.get(version);
        Plan fetched = started != null ? started.get() : plans.plan(planId, version);
        snapshots.put(version, fetched);
        return fetched;
    }

    private Map<UUID, String> people(Section<Patient> patient, PageCalls.Pending<List<Therapist>> therapistsCall) {
        Map<UUID, String> names = new HashMap<>();
        Section<List<Therapist>> therapists = Section.load(therapistsCall::get);
        therapists.orElse(List.of()).forEach(t -> names.put(t.id(), t.fullName()));
        if (patient.available()) {
            names.put(patient.value().id(), patient.value().fullName() + " (patient)");
        }
        names.put(viewer.id(), viewer.fullName() + " (you)");
        return names;
    }

    private static String who(PlanVersion v, Map<UUID, String> names) {
        if (v.changedBy() == null) {
            return "the safety rules";
        }
        return names.getOrDefault(v.changedBy(), "a colleague");
    }

    private static String worseLevel(String a, String b) {
        List<String> order = List.of("ON_TRACK", "INACTIVE", "STALLED", "DROPPED");
        return order.indexOf(a) >= order.indexOf(b) ? a : b;
    }
}
