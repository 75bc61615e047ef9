package care.homeprogram.portal.service;

import care.homeprogram.portal.client.Adherence;
import care.homeprogram.portal.client.AdherenceLevel;
import care.homeprogram.portal.client.Alert;
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
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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
    private final int greenMax;
    private final int amberMax;

    public TherapistPages(PatientsClient patients, PlansClient plans, NotificationsClient notifications, Viewer viewer,
            @ConfigProperty(name = "homeprogram.portal.pain.green-max", defaultValue = "3") int greenMax,
            @ConfigProperty(name = "homeprogram.portal.pain.amber-max", defaultValue = "5") int amberMax) {
        this.patients = patients;
        this.plans = plans;
        this.notifications = notifications;
        this.viewer = viewer;
        this.greenMax = greenMax;
        this.amberMax = amberMax;
    }

    public PatientListView patientList(String query) {
        String q = query == null || query.isBlank() ? null : query.strip();
        Section<List<Patient>> found = Section.load(() -> patients.patients(q, 0, 100).items());
        if (found.unavailable()) {
            return new PatientListView(q, new Section<>(null, found.unavailableService()), false, false);
        }
        Section<List<Alert>> open = Section.load(() -> plans.alerts("open").items());
        Section<List<AdherenceLevel>> levels = Section.load(() -> notifications.adherence().items());
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

    public PatientPageView patientPage(UUID patientId, Set<String> dismissedProgressions) {
        Section<Patient> patient = Section.load(() -> patients.patient(patientId));
        ZoneId zone = Times.zone(patient.available() ? patient.value().timeZone() : null);
        Section<List<Plan>> all;
        boolean catchingUp = false;
        try {
            all = Section.load(() -> plans.ofPatient(patientId).items());
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
                    new Section<>(null, all.unavailableService()), zone.getId(), false, intakeForm(patient));
        }
        Section<List<Alert>> open = Section.load(() -> plans.alerts("open").items());
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
        Section<PatientPageView.Current> overview = current == null ? Section.of(null)
                : Section.load(() -> overview(current, patient, zone, dismissedProgressions));
        return new PatientPageView(patientId, patient, overview, others, alertRows, zone.getId(), catchingUp,
                intakeForm(patient));
    }

    private static IntakeForm intakeForm(Section<Patient> patient) {
        return IntakeForm.of(patient.available() ? patient.value().intake() : null);
    }

    private PatientPageView.Current overview(Plan plan, Section<Patient> patient, ZoneId zone, Set<String> dismissed) {
        List<PatientPageView.ItemRow> items = plan.items().stream().filter(i -> !"REMOVED".equals(i.status()))
                .map(i -> new PatientPageView.ItemRow(i, DoseText.of(i.dose()), "PAUSED".equals(i.status())))
                .toList();
        List<Session> sessions = plans.sessions(plan.id()).items();
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
        Section<Adherence> adherence = Section.load(() -> plans.adherence(plan.id()));
        boolean suggested = false;
        String progressionText = null;
        Integer week = null;
        if (adherence.available() && adherence.value().progression() != null) {
            Adherence.Progression p = adherence.value().progression();
            week = p.week();
            suggested = p.suggested() && !dismissed.contains(plan.id() + ":" + p.week());
            progressionText = p.reason();
        }
        return new PatientPageView.Current(plan, items, history(plan, patient, zone), sessionRows,
                PainTrend.of(sessions, zone, greenMax, amberMax), adherence, suggested, progressionText, week);
    }

    private List<PatientPageView.VersionRow> history(Plan plan, Section<Patient> patient, ZoneId zone) {
        List<PlanVersion> versions = plans.versions(plan.id()).items().stream()
                .sorted(Comparator.comparingInt(PlanVersion::version).reversed()).toList();
        Map<UUID, String> names = people(patient);
        Map<Integer, Plan> snapshots = new HashMap<>();
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

    private Plan snapshot(UUID planId, int version, Map<Integer, Plan> snapshots) {
        return snapshots.computeIfAbsent(version, v -> plans.plan(planId, v));
    }

    private Map<UUID, String> people(Section<Patient> patient) {
        Map<UUID, String> names = new HashMap<>();
        Section<List<Therapist>> therapists = Section.load(() -> patients.therapists().items());
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
