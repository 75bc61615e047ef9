package care.homeprogram.portal.service;

import care.homeprogram.contract.Language;
import care.homeprogram.portal.client.Adherence;
import care.homeprogram.portal.client.AdherenceLevel;
import care.homeprogram.portal.client.Alert;
import care.homeprogram.portal.client.NotificationsClient;
import care.homeprogram.portal.client.PatientOverview;
import care.homeprogram.portal.client.PatientsClient;
import care.homeprogram.portal.client.Patient;
import care.homeprogram.portal.client.Plan;
import care.homeprogram.portal.client.PlanVersion;
import care.homeprogram.portal.client.PlansClient;
import care.homeprogram.portal.client.ServiceProblem;
import care.homeprogram.portal.client.Session;
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
     * Two calls at once ({@link PageCalls}): the patient at patient-service, and everything plan-service shows on
     * the page in one read ({@code GET /api/plans/overview}: the plans, the open
     * alerts, the scores, the instruments and the leading plan's sessions, adherence, versions and the versions its
     * history compares). A dozen requests, each verifying the token, checking the care team and writing an audit
     * record, were most of the page's time (docs/portal.md, "Render times").
     */
    public PatientPageView patientPage(UUID patientId) {
        PageCalls.Pending<Patient> patientCall = calls.start(() -> patients.patient(patientId));
        PageCalls.Pending<PatientOverview> overviewCall = calls.start(
                () -> plans.overview(patientId, VERSIONS_WITH_CHANGES));
        Section<Patient> patient = Section.load(patientCall::get);
        ZoneId zone = Times.zone(patient.available() ? patient.value().timeZone() : null);
        Section<PatientOverview> read;
        boolean catchingUp = false;
        try {
            read = Section.load(overviewCall::get);
        } catch (ServiceProblem problem) {
            // A patient just created is in the therapist's care at patient-service at once, and at plan-service a
            // moment later (it learns care teams from patient-service's events): no plans yet, not "not found".
            if (!problem.isNotFound() || patient.unavailable()) {
                throw problem;
            }
            read = Section.of(new PatientOverview(patientId, List.of(), List.of(), null, List.of(), null));
            catchingUp = true;
        }
        if (read.unavailable()) {
            return new PatientPageView(patientId, patient, new Section<>(null, read.unavailableService()), List.of(),
                    new Section<>(null, read.unavailableService()), zone.getId(), false, intakeForm(patient),
                    OutcomesView.none(new Section<>(null, read.unavailableService())));
        }
        PatientOverview overview = read.value();
        List<Plan> sorted = overview.plans().stream().sorted(Comparator.comparing(Plan::createdAt).reversed())
                .toList();
        // plan-service chose the plan the page leads with: the one the patient follows, else a draft, else the newest
        Plan current = overview.current() == null ? null : sorted.stream()
                .filter(p -> p.id().equals(overview.current().planId())).findFirst().orElse(null);
        List<Plan> others = sorted.stream().filter(p -> current == null || !p.id().equals(current.id())).toList();
        Map<UUID, String> itemNames = new HashMap<>();
        sorted.forEach(p -> p.items().forEach(i -> itemNames.put(i.id(), i.name())));
        Section<List<PatientPageView.AlertRow>> alertRows = Section.of(overview.openAlerts().stream()
                .filter(a -> patientId.equals(a.patientId()))
                .map(a -> PatientPageView.AlertRow.of(a, zone, a.itemId() == null ? null : itemNames.get(a.itemId())))
                .toList());
        Section<PatientPageView.Current> shown = current == null ? Section.of(null)
                : Section.load(() -> current(current, overview.current(), patient, zone));
        return new PatientPageView(patientId, patient, shown, others, alertRows, zone.getId(), catchingUp,
                intakeForm(patient), outcomes(current, overview, zone));
    }

    /** The outcome-measures section: the scores over time, and the measures of the leading plan while it runs. */
    private static OutcomesView outcomes(Plan current, PatientOverview overview, ZoneId zone) {
        Section<List<OutcomesView.Trend>> trends = Section.of(OutcomesView.trends(overview.scores(),
                overview.instruments(), zone));
        if (current == null || !current.isOpen()) {
            return OutcomesView.none(trends);
        }
        return new OutcomesView(current.id(), Section.of(overview.current().measureSchedules()), trends,
                Section.of(overview.instruments()));
    }

    private static IntakeForm intakeForm(Section<Patient> patient) {
        return IntakeForm.of(patient.available() ? patient.value().intake() : null,
                PageLanguage.of(IntakeMessages.class, Language.EN));
    }

    private PatientPageView.Current current(Plan plan, PatientOverview.Current details, Section<Patient> patient,
            ZoneId zone) {
        List<PatientPageView.ItemRow> items = plan.items().stream().filter(i -> !"REMOVED".equals(i.status()))
                .map(i -> new PatientPageView.ItemRow(i, DoseText.of(i.dose()), "PAUSED".equals(i.status())))
                .toList();
        List<Session> sessions = details.sessions();
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
        Section<Adherence> adherence = Section.of(details.adherence());
        boolean suggested = false;
        String progressionText = null;
        Integer week = null;
        if (adherence.value() != null && adherence.value().progression() != null) {
            Adherence.Progression p = adherence.value().progression();
            week = p.week();
            // plan-service keeps a dismissal (who, why) for the care team: a dismissed week is not offered again.
            suggested = p.suggested() && adherence.value().progressionDismissal() == null;
            progressionText = p.reason();
        }
        return new PatientPageView.Current(plan, items, history(plan, details, patient, zone),
                sessionRows, PainTrend.of(sessions, zone, plan.thresholds()), adherence, suggested, progressionText,
                week);
    }

    private List<PatientPageView.VersionRow> history(Plan plan, PatientOverview.Current details,
            Section<Patient> patient, ZoneId zone) {
        List<PlanVersion> versions = details.versions().stream()
                .sorted(Comparator.comparingInt(PlanVersion::version).reversed()).toList();
        Map<UUID, String> names = people(patient, versions);
        Map<Integer, Plan> snapshots = new HashMap<>();
        details.earlierVersions().forEach(p -> snapshots.put(p.version(), p));
        snapshots.put(plan.version(), plan);
        List<PatientPageView.VersionRow> rows = new ArrayList<>();
        for (int i = 0; i < versions.size(); i++) {
            PlanVersion v = versions.get(i);
            List<String> changes = List.of();
            if (i < VERSIONS_WITH_CHANGES) {
                Plan after = snapshot(plan.id(), v.version(), snapshots);
                Plan before = v.version() > 1 ? snapshot(plan.id(), v.version() - 1, snapshots) : null;
                changes = PlanHistory.changes(before, after);
            }
            rows.add(new PatientPageView.VersionRow(v.version(), Wording.planStatus(v.status()), who(v, names),
                    Times.format(v.changedAt(), zone), v.reason(), changes));
        }
        return rows;
    }

    /**
     * The plan at that version: from the overview, else (versions not numbered 1..current, as plan-service numbers
     * them) one call now.
     */
    private Plan snapshot(UUID planId, int version, Map<Integer, Plan> snapshots) {
        return snapshots.computeIfAbsent(version, v -> plans.plan(planId, v));
    }

    /**
     * Who changed the plan, by id: the patient, the viewer, and the therapists' directory only when a colleague made a
     * change (most plans are changed by the therapist looking at them, who then costs no call to patient-service).
     */
    private Map<UUID, String> people(Section<Patient> patient, List<PlanVersion> versions) {
        Map<UUID, String> names = new HashMap<>();
        if (patient.available()) {
            names.put(patient.value().id(), patient.value().fullName() + " (patient)");
        }
        names.put(viewer.id(), viewer.fullName() + " (you)");
        boolean colleague = versions.stream().map(PlanVersion::changedBy)
                .anyMatch(id -> id != null && !names.containsKey(id));
        if (colleague) {
            Section.load(() -> patients.therapists().items()).orElse(List.of())
                    .forEach(t -> names.putIfAbsent(t.id(), t.fullName()));
        }
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
