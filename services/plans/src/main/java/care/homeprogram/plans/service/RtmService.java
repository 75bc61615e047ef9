package care.homeprogram.plans.service;

import care.homeprogram.commons.audit.AuditContext;
import care.homeprogram.commons.csv.Csv;
import care.homeprogram.commons.problem.ProblemException;
import care.homeprogram.commons.security.CurrentUser;
import care.homeprogram.plans.api.ManualTimeRequest;
import care.homeprogram.plans.api.RecordConsentRequest;
import care.homeprogram.plans.api.RecordSetupRequest;
import care.homeprogram.plans.api.RtmViews;
import care.homeprogram.plans.api.StopTimerRequest;
import care.homeprogram.plans.config.RtmConfig;
import care.homeprogram.plans.domain.CareTeamMember;
import care.homeprogram.plans.domain.RtmEnrolment;
import care.homeprogram.plans.domain.RtmTimeEntry;
import care.homeprogram.plans.domain.RtmTimer;
import care.homeprogram.plans.domain.SessionLog;
import care.homeprogram.plans.rtm.RtmRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Remote therapeutic monitoring (docs/rtm.md): a patient's consent and set-up, the treatment-management time their
 * therapists record, and what each month qualifies for under the code table ({@link RtmRules}), traced to the
 * sessions and time entries behind it. It proposes codes for a clinician to review; it bills nothing. Whose data:
 * {@link PlanAccess} (the care team; an admin reaches none of it); every call names the patient in the audit trail.
 */
@ApplicationScoped
public class RtmService {
    /** Nothing leaves this service as a claim: said in every summary and ledger. */
    public static final String NOT_BILLED = "Nothing is billed automatically; a clinician reviews each proposal.";
    /** A timer running longer than a manual entry may be was forgotten: its time is entered by hand instead. */
    static final Duration LONGEST_TIMER = Duration.ofMinutes(240);
    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final YearMonth FIRST_MONTH = YearMonth.of(2000, 1);
    private static final YearMonth LAST_MONTH = YearMonth.of(2100, 12);

    private final PlanAccess access;
    private final AuditContext audit;
    private final RtmRules rules;
    private final Clock clock;
    private final ZoneId zone;

    public RtmService(PlanAccess access, AuditContext audit, RtmRules rules, Clock clock, RtmConfig config) {
        this.access = access;
        this.audit = audit;
        this.rules = rules;
        this.clock = clock;
        this.zone = config.zone();
    }

    /** A {@code YYYY-MM} month, or 400 naming the field (for a patient's data: after the access check). */
    public static YearMonth month(String field, String text) {
        if (text == null || !MONTH.matcher(text).matches()) {
            throw ProblemException.invalidField(field, "must be a month YYYY-MM");
        }
        try {
            YearMonth month = YearMonth.parse(text);
            if (month.isBefore(FIRST_MONTH) || month.isAfter(LAST_MONTH)) {
                throw ProblemException.invalidField(field, "must be between " + FIRST_MONTH + " and " + LAST_MONTH);
            }
            return month;
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField(field, "must be a month YYYY-MM");
        }
    }

    // --- consent, set-up, timers and time ---

    /** The patient's RTM state; a patient sees their own consent and set-up, a therapist also their running timer. */
    @Transactional
    public RtmViews.Patient patient(CurrentUser caller, UUID patientId) {
        access.requirePatient(caller, patientId);
        Optional<RtmEnrolment> enrolment = RtmEnrolment.of(patientId);
        RtmViews.Timer timer = caller.isTherapist()
                ? RtmTimer.<RtmTimer>findByIdOptional(new RtmTimer.Key(patientId, caller.id()))
                        .map(t -> new RtmViews.Timer(caller.id(), t.startedAt)).orElse(null)
                : null;
        return new RtmViews.Patient(patientId, enrolment.map(RtmService::consent).orElse(null),
                enrolment.filter(e -> e.setupRecordedAt != null).map(this::setup).orElse(null), timer);
    }

    @Transactional
    public RtmViews.Patient recordConsent(CurrentUser caller, UUID patientId, RecordConsentRequest request) {
        access.requirePatient(caller, patientId);
        RtmEnrolment.ofLocked(patientId).ifPresent(e -> {
            throw ProblemException.conflict("rtm-consent-recorded", "The patient's RTM consent was recorded on "
                    + e.consentRecordedAt + "; it is recorded once");
        });
        RtmEnrolment enrolment = new RtmEnrolment();
        enrolment.patientId = patientId;
        enrolment.consentMethod = request.method();
        enrolment.consentNote = blankToNull(request.note());
        enrolment.consentRecordedBy = caller.id();
        enrolment.consentRecordedAt = OffsetDateTime.now(clock);
        try {
            enrolment.persistAndFlush();
        } catch (PersistenceException e) { // another therapist recorded it at the same moment
            throw ProblemException.conflict("rtm-consent-recorded", "The patient's RTM consent was just recorded");
        }
        return patient(caller, patientId);
    }

    @Transactional
    public RtmViews.Setup recordSetup(CurrentUser caller, UUID patientId, RecordSetupRequest request) {
        access.requirePatient(caller, patientId);
        RtmEnrolment enrolment = RtmEnrolment.ofLocked(patientId).orElseThrow(RtmService::consentMissing);
        if (enrolment.setupRecordedAt != null) {
            throw ProblemException.conflict("rtm-setup-recorded", "The RTM set-up was recorded on "
                    + enrolment.setupRecordedAt + "; it is recorded once");
        }
        enrolment.setupRecordedBy = caller.id();
        enrolment.setupRecordedAt = OffsetDateTime.now(clock);
        enrolment.setupNote = request == null ? null : blankToNull(request.note());
        return setup(enrolment);
    }

    @Transactional
    public RtmViews.Timer startTimer(CurrentUser caller, UUID patientId) {
        access.requirePatient(caller, patientId);
        requireConsent(patientId);
        RtmTimer.running(patientId, caller.id()).ifPresent(t -> {
            throw ProblemException.conflict("rtm-timer-running", "Your timer for this patient runs since "
                    + t.startedAt);
        });
        RtmTimer timer = new RtmTimer();
        timer.key = new RtmTimer.Key(patientId, caller.id());
        timer.startedAt = OffsetDateTime.now(clock);
        try {
            timer.persistAndFlush();
        } catch (PersistenceException e) { // a second start of the same timer at the same moment
            throw ProblemException.conflict("rtm-timer-running", "Your timer for this patient is running");
        }
        return new RtmViews.Timer(caller.id(), timer.startedAt);
    }

    /** Stops the caller's timer: its time becomes an entry of the day it started. */
    @Transactional
    public RtmViews.TimeEntry stopTimer(CurrentUser caller, UUID patientId, StopTimerRequest request) {
        access.requirePatient(caller, patientId);
        RtmTimer timer = RtmTimer.running(patientId, caller.id()).orElseThrow(() -> ProblemException.conflict(
                "rtm-timer-not-running", "You have no timer running for this patient"));
        OffsetDateTime now = OffsetDateTime.now(clock);
        Duration ran = Duration.between(timer.startedAt, now);
        if (ran.compareTo(LONGEST_TIMER) > 0) {
            throw ProblemException.conflict("rtm-timer-too-long", "The timer ran " + ran.toMinutes()
                    + " minutes, longer than " + LONGEST_TIMER.toMinutes() + ": discard it (DELETE .../timer) and "
                    + "enter the time actually spent by hand");
        }
        timer.delete();
        RtmTimeEntry entry = new RtmTimeEntry();
        entry.source = RtmTimeEntry.Source.TIMER;
        entry.day = timer.startedAt.atZoneSameInstant(zone).toLocalDate();
        entry.seconds = Math.toIntExact(Math.max(0, ran.toSeconds()));
        entry.startedAt = timer.startedAt;
        entry.stoppedAt = now;
        return persist(caller, patientId, entry, request.interactive(), request.note());
    }

    /** Discards the caller's running timer without recording its time. */
    @Transactional
    public void discardTimer(CurrentUser caller, UUID patientId) {
        access.requirePatient(caller, patientId);
        RtmTimer.running(patientId, caller.id()).orElseThrow(() -> ProblemException.conflict(
                "rtm-timer-not-running", "You have no timer running for this patient")).delete();
    }

    @Transactional
    public RtmViews.TimeEntry recordTime(CurrentUser caller, UUID patientId, ManualTimeRequest request) {
        access.requirePatient(caller, patientId);
        LocalDate today = today();
        if (request.date().isAfter(today)) {
            throw ProblemException.invalidField("date", "must not be in the future (today is " + today + ")");
        }
        if (request.date().isBefore(today.minusYears(1))) {
            throw ProblemException.invalidField("date", "must be at most a year back");
        }
        requireConsent(patientId);
        RtmTimeEntry entry = new RtmTimeEntry();
        entry.source = RtmTimeEntry.Source.MANUAL;
        entry.day = request.date();
        entry.seconds = request.minutes() * 60;
        return persist(caller, patientId, entry, request.interactive(), request.note());
    }

    @Transactional
    public RtmViews.TimeEntries time(CurrentUser caller, UUID patientId, String monthText) {
        access.requirePatient(caller, patientId);
        YearMonth month = month("month", monthText);
        List<RtmViews.TimeEntry> items = RtmTimeEntry.ofPatient(patientId, month.atDay(1), month.atEndOfMonth())
                .stream().map(RtmService::view).toList();
        return new RtmViews.TimeEntries(items, items.size());
    }

    // --- month summaries and ledgers ---

    @Transactional
    public RtmViews.MonthSummary month(CurrentUser caller, UUID patientId, String month) {
        access.requirePatient(caller, patientId);
        return summary(patientId, RtmEnrolment.of(patientId), month("month", month));
    }

    /** The therapist's care-team patients with RTM consent, each with their month summary; names each in the audit. */
    @Transactional
    public RtmViews.Ledger ledger(CurrentUser caller, YearMonth month) {
        List<RtmEnrolment> enrolled = RtmEnrolment.ofPatients(CareTeamMember.patientsOf(caller.id()));
        audit.concernsPatients(enrolled.stream().map(e -> e.patientId).toList());
        List<RtmViews.MonthSummary> summaries = enrolled.stream()
                .map(e -> summary(e.patientId, Optional.of(e), month)).toList();
        return new RtmViews.Ledger(month.toString(), summaries, rules.table().version());
    }

    /**
     * Every patient of the clinic whose RTM consent was recorded before the month ended, whichever therapists care for
     * them: for billing staff (the role is checked by the resource). The same summaries as a therapist's ledger
     * without the therapists' notes ({@link RtmViews.MonthSummary#withoutNotes}); each patient is named in the audit.
     */
    @Transactional
    public RtmViews.Ledger clinicLedger(YearMonth month) {
        List<RtmEnrolment> enrolled = RtmEnrolment.consentedBefore(
                month.plusMonths(1).atDay(1).atStartOfDay(zone).toOffsetDateTime());
        audit.concernsPatients(enrolled.stream().map(e -> e.patientId).toList());
        List<RtmViews.MonthSummary> summaries = enrolled.stream()
                .map(e -> summary(e.patientId, Optional.of(e), month).withoutNotes()).toList();
        return new RtmViews.Ledger(month.toString(), summaries, rules.table().version());
    }

    /** The patient's month as CSV: one line per proposed code with the evidence behind it. */
    public static String monthCsv(RtmViews.MonthSummary summary) {
        StringBuilder csv = new StringBuilder(Csv.row("month", "patientId", "code", "units", "reason", "dataDays",
                "minutes", "interactive", "evidenceDates", "evidenceIds", "codeTableVersion")).append(Csv.LINE_END);
        for (Row row : rows(summary)) {
            csv.append(Csv.row(summary.month(), summary.patientId(), row.proposal.code(), row.proposal.units(),
                    row.proposal.reason(), row.dataDays, row.minutes, row.interactive, row.dates, row.ids,
                    summary.codeTableVersion())).append(Csv.LINE_END);
        }
        return csv.toString();
    }

    /**
     * The ledger (a therapist's or the clinic's) as CSV: one row per patient and proposed code, with the evidence
     * behind it as in {@link #monthCsv}.
     */
    public static String ledgerCsv(RtmViews.Ledger ledger) {
        StringBuilder csv = new StringBuilder(Csv.row("month", "patientId", "patientName", "code", "reason",
                "dataDays", "minutes", "interactive", "units", "codeTableVersion", "evidenceDates", "evidenceIds"))
                .append(Csv.LINE_END);
        for (RtmViews.MonthSummary summary : ledger.patients()) {
            for (Row row : rows(summary)) {
                csv.append(Csv.row(ledger.month(), summary.patientId(), null, row.proposal.code(),
                        row.proposal.reason(), row.dataDays, row.minutes, row.interactive, row.proposal.units(),
                        ledger.codeTableVersion(), row.dates, row.ids)).append(Csv.LINE_END);
            }
        }
        return csv.toString();
    }

    /** A proposed code and what it rests on: a period's days and sessions, or the month's time entries. */
    private record Row(RtmViews.Proposal proposal, Integer dataDays, Integer minutes, Boolean interactive,
            String dates, String ids) {
    }

    private static List<Row> rows(RtmViews.MonthSummary summary) {
        List<Row> rows = new ArrayList<>();
        for (RtmViews.Proposal proposal : summary.proposed()) {
            Optional<RtmViews.Period> period = summary.periods().stream()
                    .filter(p -> proposal.code().equals(p.code()) && proposal.reason().equals(p.reason())).findFirst();
            if (period.isPresent()) {
                RtmViews.Period p = period.get();
                rows.add(new Row(proposal, p.dataDays(), null, null, join(p.dates()), join(p.sessionIds())));
            } else if (summary.setup() != null && proposal.code().equals(summary.setup().code())) {
                rows.add(new Row(proposal, null, null, null, summary.setup().recordedAt().toString(), null));
            } else {
                rows.add(new Row(proposal, null, summary.minutes(), summary.interactiveCommunication(),
                        join(summary.timeEntries().stream().map(RtmViews.TimeEntry::date).distinct().toList()),
                        join(summary.timeEntries().stream().map(RtmViews.TimeEntry::id).toList())));
            }
        }
        return rows;
    }

    private RtmViews.MonthSummary summary(UUID patientId, Optional<RtmEnrolment> enrolment, YearMonth month) {
        List<RtmViews.TimeEntry> entries = RtmTimeEntry.ofPatient(patientId, month.atDay(1), month.atEndOfMonth())
                .stream().map(RtmService::view).toList();
        RtmRules.TimeOutcome time = rules.time(entries.stream()
                .map(e -> new RtmRules.TimeSpent(e.seconds(), e.interactive())).toList());
        List<RtmViews.Proposal> proposed = new ArrayList<>();
        List<RtmViews.Period> periods = new ArrayList<>();
        RtmViews.Setup setup = null;
        String timeReason = time.reason();
        if (enrolment.isPresent()) {
            RtmEnrolment e = enrolment.get();
            if (e.setupRecordedAt != null && YearMonth.from(e.setupRecordedAt.atZoneSameInstant(zone)).equals(month)) {
                setup = setup(e);
                RtmRules.Proposal p = rules.setup(e.setupRecordedAt.atZoneSameInstant(zone).toLocalDate());
                proposed.add(new RtmViews.Proposal(p.code(), p.units(), p.reason()));
            }
            LocalDate consentDate = e.consentRecordedAt.atZoneSameInstant(zone).toLocalDate();
            for (RtmRules.Period period : rules.periodsEndingIn(consentDate, month)) {
                List<SessionLog> sessions = SessionLog.countedOfPatient(patientId,
                        period.start().atStartOfDay(zone).toOffsetDateTime(),
                        period.end().plusDays(1).atStartOfDay(zone).toOffsetDateTime());
                RtmRules.PeriodOutcome outcome = rules.period(period, sessions.stream()
                        .map(s -> s.performedAt.atZoneSameInstant(zone).toLocalDate()).toList(), today());
                periods.add(new RtmViews.Period(period.start(), period.end(), outcome.dataDays(),
                        List.copyOf(outcome.dates()), sessions.stream().map(s -> s.id).toList(),
                        outcome.code().orElse(null), outcome.reason(), outcome.complete()));
                outcome.code().ifPresent(code -> proposed.add(new RtmViews.Proposal(code, 1, outcome.reason())));
            }
            time.proposed().forEach(p -> proposed.add(new RtmViews.Proposal(p.code(), p.units(), p.reason())));
        } else {
            timeReason = "no RTM consent recorded for this patient: nothing is proposed (" + time.reason() + ")";
        }
        return new RtmViews.MonthSummary(patientId, month.toString(), enrolment.isPresent(), setup,
                List.copyOf(periods), time.minutes(), time.interactiveMinutes(), time.interactiveCommunication(),
                timeReason, entries, List.copyOf(proposed), rules.table().version(), NOT_BILLED);
    }

    private RtmViews.TimeEntry persist(CurrentUser caller, UUID patientId, RtmTimeEntry entry, boolean interactive,
            String note) {
        entry.id = UUID.randomUUID();
        entry.patientId = patientId;
        entry.interactive = interactive;
        entry.note = blankToNull(note);
        entry.recordedBy = caller.id();
        entry.recordedAt = OffsetDateTime.now(clock);
        entry.persist();
        audit.concernsObject(entry.id);
        return view(entry);
    }

    private void requireConsent(UUID patientId) {
        if (RtmEnrolment.of(patientId).isEmpty()) {
            throw consentMissing();
        }
    }

    private static ProblemException consentMissing() {
        return ProblemException.conflict("rtm-consent-missing", "The patient's RTM consent is not recorded yet");
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    private static RtmViews.Consent consent(RtmEnrolment e) {
        return new RtmViews.Consent(e.consentRecordedBy, e.consentRecordedAt, e.consentMethod, e.consentNote);
    }

    private RtmViews.Setup setup(RtmEnrolment e) {
        return new RtmViews.Setup(e.setupRecordedBy, e.setupRecordedAt, e.setupNote, rules.table().setup().code());
    }

    private static RtmViews.TimeEntry view(RtmTimeEntry e) {
        return new RtmViews.TimeEntry(e.id, e.day, e.seconds / 60, e.seconds, e.interactive, e.note, e.source,
                e.recordedBy, e.recordedAt, e.startedAt, e.stoppedAt);
    }

    private static String join(List<?> values) {
        return values.stream().map(Object::toString).collect(Collectors.joining(" "));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
