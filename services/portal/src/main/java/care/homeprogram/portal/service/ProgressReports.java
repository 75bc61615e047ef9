package care.homeprogram.portal.service;

import care.homeprogram.portal.client.Adherence;
import care.homeprogram.portal.client.Alert;
import care.homeprogram.portal.client.Measure;
import care.homeprogram.portal.client.Patient;
import care.homeprogram.portal.client.PatientsClient;
import care.homeprogram.portal.client.Plan;
import care.homeprogram.portal.client.PlanVersion;
import care.homeprogram.portal.client.PlansClient;
import care.homeprogram.portal.client.ServiceProblem;
import care.homeprogram.portal.client.Session;
import care.homeprogram.portal.client.Therapist;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Puts the progress report together from what the services record, as the signed-in therapist (patient-service and
 * plan-service apply the care-team rule and audit each read). Two rounds of calls, each round's at once
 * ({@link PageCalls}): the patient, their plans, their alerts, the scores and the therapists' names; then the reported
 * plan's versions, adherence and sessions. Without the patient or their plans there is no report (503 page); any
 * other part that cannot be had now says so in the report. Only facts and what the therapist wrote (the reasons given
 * for plan changes): no session notes, nothing inferred.
 */
@ApplicationScoped
public class ProgressReports {
    private final PatientsClient patients;
    private final PlansClient plans;
    private final Viewer viewer;
    private final Clinic clinic;
    private final PageCalls calls;

    public ProgressReports(PatientsClient patients, PlansClient plans, Viewer viewer, Clinic clinic, PageCalls calls) {
        this.patients = patients;
        this.plans = plans;
        this.viewer = viewer;
        this.clinic = clinic;
        this.calls = calls;
    }

    public ProgressReport of(UUID patientId) {
        PageCalls.Pending<Patient> patientCall = calls.start(() -> patients.patient(patientId));
        PageCalls.Pending<List<Plan>> plansCall = calls.start(() -> plans.ofPatient(patientId).items());
        PageCalls.Pending<List<Alert>> alertsCall = calls.start(() -> plans.alerts("all").items());
        PageCalls.Pending<List<Therapist>> therapistsCall = calls.start(() -> patients.therapists().items());
        PageCalls.Pending<Measure.History> scoresCall = calls.start(() -> plans.scores(patientId));
        Patient patient = patientCall.get();
        List<Plan> all = plansCall.get().stream().filter(p -> !"DRAFT".equals(p.status()))
                .sorted(Comparator.comparing(Plan::createdAt, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .reversed())
                .toList();
        ZoneId zone = Times.zone(patient.timeZone());
        // the plan the patient follows (the newest open one), else the newest: the one the report is about
        Plan reported = all.stream().filter(Plan::isOpen).findFirst().orElse(all.isEmpty() ? null : all.get(0));
        PageCalls.Pending<List<PlanVersion>> versionsCall = reported == null ? null
                : calls.start(() -> plans.versions(reported.id()).items());
        PageCalls.Pending<Adherence> adherenceCall = reported == null ? null
                : calls.start(() -> plans.adherence(reported.id()));
        PageCalls.Pending<List<Session>> sessionsCall = reported == null ? null
                : calls.start(() -> plans.sessions(reported.id()).items());

        Map<UUID, String> names = new HashMap<>();
        load(therapistsCall).orElse(List.of()).forEach(t -> names.put(t.id(), t.fullName()));
        names.put(viewer.id(), viewer.fullName());
        names.put(patient.id(), patient.fullName() + " (patient)");

        boolean discharge = reported != null && "COMPLETED".equals(reported.status());
        LocalDate today = LocalDate.now(zone);
        LocalDate from = all.stream().map(Plan::startDate).filter(d -> d != null).min(Comparator.naturalOrder())
                .orElse(null);
        LocalDate to = discharge && reported.updatedAt() != null
                ? reported.updatedAt().atZoneSameInstant(zone).toLocalDate() : today;
        String period = from == null ? "no plan yet, up to " + date(to)
                : date(from) + " to " + date(to);

        List<ProgressReport.Part> parts = new ArrayList<>();
        parts.add(planHistory(all, reported, versionsCall, names, zone));
        parts.add(adherence(adherenceCall));
        parts.add(pain(sessionsCall, reported, zone));
        parts.add(outcomes(scoresCall, zone));
        parts.add(alerts(alertsCall, patientId, names, zone));
        return new ProgressReport(discharge ? "Discharge report" : "Progress report", clinic.name(),
                patient.fullName() + (patient.birthDate() == null ? ""
                        : ", born " + date(patient.birthDate())),
                viewer.fullName(), date(today), period, parts);
    }

    private static ProgressReport.Part planHistory(List<Plan> all, Plan reported,
            PageCalls.Pending<List<PlanVersion>> versionsCall, Map<UUID, String> names, ZoneId zone) {
        String heading = "Plan history";
        if (reported == null) {
            return new ProgressReport.Part(heading, null, List.of("No plan has been given to the patient yet."));
        }
        List<String> lines = new ArrayList<>();
        for (Plan plan : all) {
            lines.add("Plan started " + date(plan.startDate()) + ": " + Wording.planStatus(plan.status())
                    + (plan.id().equals(reported.id()) ? " (reported on below)" : "") + ", "
                    + exercises(plan.items().stream().filter(i -> !"REMOVED".equals(i.status())).count()));
        }
        Section<List<PlanVersion>> versions = load(versionsCall);
        if (versions.unavailable()) {
            lines.add("The plan's versions are temporarily unavailable.");
        } else {
            versions.value().stream().sorted(Comparator.comparingInt(PlanVersion::version))
                    .forEach(v -> lines.add("Version " + v.version() + " — " + Wording.planStatus(v.status()) + ", "
                            + Times.format(v.changedAt(), zone) + ", by "
                            + (v.changedBy() == null ? "the safety rules" : names.getOrDefault(v.changedBy(),
                                    "a colleague"))
                            + (v.reason() == null || v.reason().isBlank() ? "" : ": “" + v.reason() + "”")));
        }
        List<String> current = reported.items().stream().filter(i -> !"REMOVED".equals(i.status()))
                .map(i -> i.name() + " — " + DoseText.of(i.dose()) + ("PAUSED".equals(i.status()) ? " (paused)" : ""))
                .toList();
        lines.add("Exercises now: " + (current.isEmpty() ? "none" : String.join("; ", current)));
        return new ProgressReport.Part(heading, "Reasons in quotation marks are the therapist's own words.", lines);
    }

    /** "1 November 2026", as the printed program dates its plans. */
    private static String date(LocalDate date) {
        return date == null ? "" : PdfStyle.DATE.format(date);
    }

    private static String exercises(long count) {
        return count == 1 ? "1 exercise" : count + " exercises";
    }

    private static ProgressReport.Part adherence(PageCalls.Pending<Adherence> adherenceCall) {
        String heading = "Adherence";
        if (adherenceCall == null) {
            return new ProgressReport.Part(heading, null, List.of("No plan, so nothing prescribed yet."));
        }
        Section<Adherence> adherence = load(adherenceCall);
        if (adherence.unavailable()) {
            return new ProgressReport.Part(heading, null, List.of("Adherence is temporarily unavailable."));
        }
        List<Adherence.Week> weeks = adherence.value().weeks();
        if (weeks.isEmpty()) {
            return new ProgressReport.Part(heading, null, List.of("No program week has ended yet."));
        }
        List<String> lines = new ArrayList<>();
        int prescribed = weeks.stream().mapToInt(Adherence.Week::prescribed).sum();
        int done = weeks.stream().mapToInt(Adherence.Week::done).sum();
        lines.add("Overall: " + done + " of " + prescribed + " prescribed exercise sessions done ("
                + percent(prescribed == 0 ? 0 : (double) done / prescribed) + ")");
        for (Adherence.Week w : weeks) {
            lines.add("Week " + w.week() + " (" + date(w.from()) + " to " + date(w.to()) + "): "
                    + w.done() + " of " + w.prescribed() + " (" + percent(w.adherence()) + ")");
        }
        return new ProgressReport.Part(heading, null, lines);
    }

    private static String percent(double share) {
        return Math.round(share * 100) + " %";
    }

    private static ProgressReport.Part pain(PageCalls.Pending<List<Session>> sessionsCall, Plan reported,
            ZoneId zone) {
        String heading = "Pain trend";
        String intro = "Average pain before and after exercising, per day with sessions, 0–10 as the patient "
                + "reported it (the last 28 such days).";
        if (sessionsCall == null) {
            return new ProgressReport.Part(heading, null, List.of("No sessions recorded."));
        }
        Section<List<Session>> sessions = load(sessionsCall);
        if (sessions.unavailable()) {
            return new ProgressReport.Part(heading, null, List.of("The sessions are temporarily unavailable."));
        }
        PainTrend trend = PainTrend.of(sessions.value(), zone, reported.thresholds());
        if (trend.isEmpty()) {
            return new ProgressReport.Part(heading, null, List.of("No sessions recorded."));
        }
        List<String> lines = new ArrayList<>();
        PainTrend.Day first = trend.days().get(0);
        PainTrend.Day last = trend.days().get(trend.days().size() - 1);
        lines.add("First day: " + date(first.date()) + ", before " + first.beforeText() + ", after "
                + first.afterText() + "; latest day: " + date(last.date()) + ", before "
                + last.beforeText() + ", after " + last.afterText());
        for (PainTrend.Day day : trend.days()) {
            lines.add(date(day.date()) + ": before " + day.beforeText() + ", after " + day.afterText() + ", "
                    + day.sessions() + (day.sessions() == 1 ? " session" : " sessions")
                    + (day.light() == null || day.light().isEmpty() ? "" : ", " + day.light()));
        }
        return new ProgressReport.Part(heading, intro, lines);
    }

    private static ProgressReport.Part outcomes(PageCalls.Pending<Measure.History> scoresCall, ZoneId zone) {
        String heading = "Outcome scores";
        Section<Measure.History> history;
        try {
            history = Section.load(scoresCall::get);
        } catch (ServiceProblem refused) {
            history = Section.of(new Measure.History(null, List.of()));
        }
        if (history.unavailable()) {
            return new ProgressReport.Part(heading, null, List.of("Outcome scores are temporarily unavailable."));
        }
        List<String> lines = new ArrayList<>();
        for (Measure.InstrumentScores instrument : history.value().instruments()) {
            for (Measure.Series series : instrument.scores()) {
                List<Measure.Point> points = series.points().stream().filter(p -> p.value() != null).toList();
                if (points.isEmpty()) {
                    continue;
                }
                Measure.Point first = points.get(0);
                Measure.Point latest = points.get(points.size() - 1);
                StringBuilder line = new StringBuilder(instrument.title() + ", " + series.title() + ": ");
                line.append("at the start ").append(value(first, zone));
                if (points.size() > 1) {
                    line.append("; now ").append(value(latest, zone));
                    if (series.change() != null) {
                        line.append("; change ").append(signed(series.change()));
                    }
                    Double threshold = series.minimalDetectableChange() != null ? series.minimalDetectableChange()
                            : series.minimalImportantChange();
                    if (threshold != null) {
                        String name = series.minimalDetectableChange() != null ? "minimal detectable change"
                                : "minimal important change";
                        line.append(" against a ").append(name).append(" of ")
                                .append(OutcomesView.text(BigDecimal.valueOf(threshold))).append(": ")
                                .append(Boolean.TRUE.equals(series.changeReachesThreshold()) ? "reached"
                                        : "not reached");
                        if (series.changeSource() != null) {
                            line.append(" (").append(series.changeSource()).append(")");
                        }
                    }
                }
                lines.add(line.toString());
                if (series.pathwayNote() != null) {
                    lines.add("For information, not a decision: latest risk group " + OutcomesView.band(
                            series.latestBand()) + " — " + series.pathwayNote()
                            + (series.pathwaySource() == null ? "" : " (" + series.pathwaySource() + ")"));
                }
            }
        }
        if (lines.isEmpty()) {
            lines.add("No outcome measure has been answered yet.");
        }
        return new ProgressReport.Part(heading, null, lines);
    }

    private static String value(Measure.Point point, ZoneId zone) {
        return OutcomesView.text(point.value()) + (point.band() == null ? "" : " (" + OutcomesView.band(point.band())
                + ")") + " on " + date(point.answeredAt() == null ? null
                        : point.answeredAt().atZoneSameInstant(zone).toLocalDate());
    }

    private static String signed(BigDecimal change) {
        String text = change.setScale(Math.max(1, change.stripTrailingZeros().scale()),
                java.math.RoundingMode.HALF_UP).toPlainString();
        return change.signum() > 0 ? "+" + text : text;
    }

    private static ProgressReport.Part alerts(PageCalls.Pending<List<Alert>> alertsCall, UUID patientId,
            Map<UUID, String> names, ZoneId zone) {
        String heading = "Alerts and how they were handled";
        Section<List<Alert>> alerts = load(alertsCall);
        if (alerts.unavailable()) {
            return new ProgressReport.Part(heading, null, List.of("Alerts are temporarily unavailable."));
        }
        List<String> lines = new ArrayList<>();
        alerts.value().stream().filter(a -> patientId.equals(a.patientId()))
                .sorted(Comparator.comparing(Alert::createdAt, Comparator.nullsLast(Comparator.naturalOrder())))
                .forEach(a -> {
                    StringBuilder line = new StringBuilder(Times.format(a.createdAt(), zone) + " — "
                            + (a.severity() == null ? "" : a.severity().toLowerCase(Locale.ROOT) + ": ")
                            + (a.reason() == null ? Wording.reason(a.reasonCode()) : a.reason()));
                    if (a.occurrences() > 1) {
                        line.append(" (reported ").append(a.occurrences()).append(" times)");
                    }
                    for (Alert.Escalation e : a.escalations()) {
                        line.append("; ").append(Wording.escalation(e.step(), Times.format(e.at(), zone),
                                e.at() == null || a.createdAt() == null ? null
                                        : Duration.between(a.createdAt(), e.at())));
                    }
                    line.append(a.acknowledgedAt() == null ? "; not acknowledged yet"
                            : "; acknowledged by " + names.getOrDefault(a.acknowledgedBy(), "a colleague") + " on "
                                    + Times.format(a.acknowledgedAt(), zone));
                    lines.add(line.toString());
                });
        if (lines.isEmpty()) {
            lines.add("No alert was raised.");
        }
        return new ProgressReport.Part(heading, null, lines);
    }

    /**
     * A part of the report: one plan-service (or patient-service) cannot give now, or refuses, is reported as not
     * available rather than stopping the whole report; the patient and their plans were already allowed.
     */
    private static <T> Section<T> load(PageCalls.Pending<T> call) {
        try {
            return Section.load(call::get);
        } catch (ServiceProblem refused) {
            return new Section<>(null, "refused");
        }
    }
}
