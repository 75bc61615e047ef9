package care.homeprogram.portal.service;

import care.homeprogram.portal.client.BillingIdentity;
import care.homeprogram.portal.client.Patient;
import care.homeprogram.portal.client.PatientsClient;
import care.homeprogram.portal.client.Rtm;
import care.homeprogram.portal.client.RtmClient;
import care.homeprogram.portal.client.ServiceProblem;
import care.homeprogram.portal.client.Therapist;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Composes the therapist's remote-monitoring pages (RTM) from plan-service (what is recorded, the month's summary, the
 * ledger) and patient-service (the patient's name and zone, the therapists' names), each page's calls at once
 * ({@link PageCalls}). plan-service decides who may see what (the care team) and computes every figure and proposal;
 * a patient outside the care team is its 404, the portal's "not found" page.
 */
@ApplicationScoped
public class RtmPages {
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private final RtmClient rtm;
    private final PatientsClient patients;
    private final Viewer viewer;
    private final Clinic clinic;
    private final PageCalls calls;

    public RtmPages(RtmClient rtm, PatientsClient patients, Viewer viewer, Clinic clinic, PageCalls calls) {
        this.rtm = rtm;
        this.patients = patients;
        this.viewer = viewer;
        this.clinic = clinic;
        this.calls = calls;
    }

    /** The month plan-service counts as "this month": the clinic's. */
    public YearMonth currentMonth() {
        return YearMonth.now(clinic.zone());
    }

    public RtmView page(UUID patientId, YearMonth month, String notice) {
        PageCalls.Pending<Rtm.Status> statusCall = calls.start(() -> rtm.status(patientId));
        PageCalls.Pending<Rtm.Month> monthCall = calls.start(() -> rtm.month(patientId, month));
        PageCalls.Pending<Patient> patientCall = calls.start(() -> patients.patient(patientId));
        PageCalls.Pending<List<Therapist>> therapistsCall = calls.start(() -> patients.therapists().items());
        // plan-service first: its refusal (not in the care team: 404) is the page's answer, whatever else came
        Rtm.Status status = statusCall.get();
        Section<Patient> patient = optional(patientCall);
        ZoneId zone = Times.zone(patient.available() && patient.value() != null ? patient.value().timeZone() : null);
        Map<UUID, String> names = names(therapistsCall);
        String name = patient.available() && patient.value() != null ? patient.value().fullName() : "The patient";
        Section<RtmView.Summary> summary = Section.load(() -> summary(monthCall.get(), names, zone));

        String consentText = status.consent() == null ? null
                : RtmView.methodWords(status.consent().method()) + " consent recorded on "
                        + Times.format(status.consent().recordedAt(), zone) + " by "
                        + who(status.consent().recordedBy(), names)
                        + note(status.consent().note());
        String setupText = status.setup() == null ? null
                : "Setup and education (" + (status.setup().code() == null ? "98975" : status.setup().code())
                        + ") recorded on " + Times.format(status.setup().recordedAt(), zone) + " by "
                        + who(status.setup().recordedBy(), names) + note(status.setup().note());
        String timerSince = status.timer() == null ? null : Times.format(status.timer().startedAt(), zone);
        LocalDate today = LocalDate.now(clinic.zone());
        return new RtmView(patientId, name, zone.getId(), month, status, consentText, setupText, timerSince, summary,
                Forms.of(Map.of("method", "", "consentNote", "")), Forms.of(Map.of("setupNote", "")),
                Forms.of(Map.of("interactive", "", "stopNote", "")),
                Forms.of(Map.of("date", today.toString(), "minutes", "", "timeInteractive", "", "timeNote", "")),
                null, notice);
    }

    private RtmView.Summary summary(Rtm.Month month, Map<UUID, String> names, ZoneId zone) {
        List<RtmView.PeriodRow> periods = month.periods().stream()
                .map(p -> new RtmView.PeriodRow(range(p.start(), p.end()), p.dataDays(),
                        p.dates().stream().sorted().map(SHORT_DAY::format).collect(Collectors.joining(", ")),
                        p.code(), p.reason()))
                .toList();
        List<RtmView.EntryRow> entries = month.timeEntries().stream()
                .sorted(Comparator.comparing(Rtm.TimeEntry::date, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Rtm.TimeEntry::recordedAt, Comparator.nullsLast(Comparator.naturalOrder())))
                .map(e -> new RtmView.EntryRow(e.date() == null ? "" : DAY.format(e.date()), e.minutes(),
                        e.interactive(), "TIMER".equals(e.source()) ? "Timer" : "Entered", e.note(),
                        who(e.recordedBy(), names)))
                .toList();
        return new RtmView.Summary(periods, entries, month.proposed(), month.minutes(), month.interactiveMinutes(),
                month.interactiveCommunication(), month.timeReason(), month.codeTableVersion(),
                month.note() == null || month.note().isBlank() ? RtmLedger.NOTE : month.note());
    }

    /**
     * The ledger of the month: plan-service's summaries of the therapist's patients with consent, named from
     * patient-service (the therapist's patients; a name plan-service sends is used first). Without the ledger there is
     * no page (503); without the names the rows say "Patient" and the id's start.
     */
    public RtmLedger ledger(YearMonth month) {
        PageCalls.Pending<Rtm.Ledger> ledgerCall = calls.start(() -> rtm.ledger(month));
        PageCalls.Pending<List<Patient>> patientsCall = calls.start(() -> patients.patients(null, 0, 100).items());
        Rtm.Ledger ledger = ledgerCall.get();
        Map<UUID, String> known = new HashMap<>();
        optional(patientsCall).orElse(List.of()).forEach(p -> known.put(p.id(), p.fullName()));
        List<Rtm.Month> months = new ArrayList<>(ledger.patients());
        // a patient beyond the list's first page is asked for on their own, all at once
        Map<UUID, PageCalls.Pending<Patient>> missing = new HashMap<>();
        for (Rtm.Month m : months) {
            if (m.patientId() != null && !known.containsKey(m.patientId()) && !missing.containsKey(m.patientId())
                    && (m.patientName() == null || m.patientName().isBlank())) {
                missing.put(m.patientId(), calls.start(() -> patients.patient(m.patientId())));
            }
        }
        missing.forEach((id, call) -> {
            Section<Patient> patient = optional(call);
            if (patient.available() && patient.value() != null) {
                known.put(id, patient.value().fullName());
            }
        });
        List<String> names = new ArrayList<>();
        for (Rtm.Month m : months) {
            names.add(m.patientName() != null && !m.patientName().isBlank() ? m.patientName()
                    : known.getOrDefault(m.patientId(), "Patient " + String.valueOf(m.patientId()).substring(0, 8)));
        }
        return ledger(month, ledger, names, false, null);
    }

    /**
     * The clinic-wide ledger of the month for billing staff: every consenting patient, as plan-service gives it to
     * them, each named by the name and birth date patient-service gives billing staff (docs/rtm.md, "The clinic's
     * ledger"): one lookup with the page's ids. Without it the ledger still shows,
     * each patient by their id, with a notice.
     */
    public RtmLedger clinicLedger(YearMonth month) {
        Rtm.Ledger ledger = rtm.clinicLedger(month);
        Identities identities = identities(ledger.patients().stream().map(Rtm.Month::patientId)
                .filter(Objects::nonNull).distinct().toList());
        List<String> names = new ArrayList<>();
        for (Rtm.Month m : ledger.patients()) {
            names.add(identityLabel(identities.known().get(m.patientId()), identities.lookupFailed()));
        }
        return ledger(month, ledger, names, true, identities.lookupFailed() ? RtmLedger.NAMES_UNAVAILABLE : null);
    }

    /**
     * plan-service's CSV of the clinic's ledger with each patient's name and birth date ({@link ClinicLedgerCsv});
     * without patient-service they stay empty, the ids are there.
     */
    public byte[] clinicLedgerCsv(YearMonth month) {
        byte[] planServiceCsv = rtm.clinicLedgerCsv(month);
        String csv = new String(planServiceCsv, StandardCharsets.UTF_8);
        if (!ClinicLedgerCsv.isLedger(csv)) {
            return planServiceCsv;
        }
        Identities identities = identities(ClinicLedgerCsv.patientIds(csv));
        return ClinicLedgerCsv.withIdentities(csv, identities.known()).getBytes(StandardCharsets.UTF_8);
    }

    /** What patient-service told billing staff of these patients, and whether a lookup failed. */
    private record Identities(Map<UUID, BillingIdentity> known, boolean lookupFailed) {
    }

    /** One lookup per 500 patients (a month of most clinics: one), all at once. */
    private Identities identities(List<UUID> ids) {
        List<PageCalls.Pending<List<BillingIdentity>>> lookups = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += BillingIdentity.MAX_PER_REQUEST) {
            List<UUID> some = ids.subList(from, Math.min(ids.size(), from + BillingIdentity.MAX_PER_REQUEST));
            lookups.add(calls.start(() -> patients.billingIdentities(some)));
        }
        Map<UUID, BillingIdentity> known = new HashMap<>();
        boolean lookupFailed = false;
        for (PageCalls.Pending<List<BillingIdentity>> lookup : lookups) {
            Section<List<BillingIdentity>> found = optional(lookup);
            if (found.available() && found.value() != null) {
                found.value().forEach(identity -> known.put(identity.id(), identity));
            } else {
                lookupFailed = true;
            }
        }
        return new Identities(known, lookupFailed);
    }

    /** "Pat Morgan, born 1984-03-02": how a claim identifies the patient; the id is shown beside it. */
    private static String identityLabel(BillingIdentity identity, boolean lookupFailed) {
        if (identity == null) {
            return lookupFailed ? "Name unavailable" : "No patient record";
        }
        return identity.fullName() + ", born " + (identity.birthDate() == null ? "—" : identity.birthDate());
    }

    private RtmLedger ledger(YearMonth month, Rtm.Ledger ledger, List<String> names, boolean clinicWide,
            String namesNotice) {
        List<Rtm.Month> months = ledger.patients();
        List<RtmLedger.Row> rows = new ArrayList<>();
        for (int i = 0; i < months.size(); i++) {
            Rtm.Month m = months.get(i);
            String dataDays = m.periods().isEmpty() ? "—"
                    : m.periods().stream().map(p -> p.dataDays() + " (" + range(p.start(), p.end()) + ")")
                            .collect(Collectors.joining("; "));
            if (m.proposed().isEmpty()) {
                rows.add(new RtmLedger.Row(m.patientId(), names.get(i), null, 0, "Nothing proposed this month",
                        dataDays, m.minutes(), m.interactiveCommunication()));
            }
            for (Rtm.Proposal p : m.proposed()) {
                rows.add(new RtmLedger.Row(m.patientId(), names.get(i), p.code(), p.units(), p.reason(), dataDays,
                        m.minutes(), m.interactiveCommunication()));
            }
        }
        String note = months.stream().map(Rtm.Month::note).filter(n -> n != null && !n.isBlank()).findFirst()
                .orElse(RtmLedger.NOTE);
        return new RtmLedger(month, rows, ledger.codeTableVersion(), note, clinic.name(), viewer.fullName(),
                PdfStyle.DATE.format(LocalDate.now(clinic.zone())), months, names, clinicWide, namesNotice);
    }

    /** "December 2026". */
    public static String monthLabel(YearMonth month) {
        return MONTH.format(month);
    }

    /** "2 Nov – 1 Dec 2026". */
    static String range(LocalDate start, LocalDate end) {
        if (start == null || end == null) {
            return "";
        }
        return (start.getYear() == end.getYear() ? SHORT_DAY.format(start) : DAY.format(start)) + " – "
                + DAY.format(end);
    }

    static String minutes(int minutes) {
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }

    private Map<UUID, String> names(PageCalls.Pending<List<Therapist>> therapistsCall) {
        Map<UUID, String> names = new HashMap<>();
        optional(therapistsCall).orElse(List.of()).forEach(t -> names.put(t.id(), t.fullName()));
        names.put(viewer.id(), viewer.fullName() + " (you)");
        return names;
    }

    private static String who(UUID id, Map<UUID, String> names) {
        return id == null ? "—" : names.getOrDefault(id, "a colleague");
    }

    private static String note(String note) {
        return note == null || note.isBlank() ? "" : ": “" + note + "”";
    }

    /** A part of the page that only adds words (names, the zone): refused or unavailable, the page goes on. */
    private static <T> Section<T> optional(PageCalls.Pending<T> call) {
        try {
            return Section.load(call::get);
        } catch (ServiceProblem refused) {
            return new Section<>(null, "refused");
        }
    }
}
