package care.homeprogram.portal.service;

import care.homeprogram.portal.client.Rtm;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The remote-monitoring ledger of a month: the signed-in therapist's patients, or ({@code clinicWide}) every
 * consenting patient of the clinic for billing staff. One row per patient and proposed code (a patient with none has
 * one row saying so), as plan-service computed them, and the same as a PDF for the record ({@link PdfReport}).
 * Nothing here bills anything: each proposal is for a clinician to review.
 *
 * @param reader who the ledger was made for (the therapist, or the billing staff member)
 * @param namesNotice why the patients' names are missing (patient-service unavailable), else null
 */
public record RtmLedger(YearMonth month, List<Row> rows, String codeTableVersion, String note, String clinic,
        String reader, String madeOn, List<Rtm.Month> patients, List<String> names, boolean clinicWide,
        String namesNotice) {

    /** Plan-service's own words for every proposal; the portal repeats them. */
    public static final String NOTE = "Nothing is billed automatically; a clinician reviews each proposal.";

    /** The clinic's ledger without patient-service: each patient is still there, by their id. */
    public static final String NAMES_UNAVAILABLE = "Patients' names and birth dates are temporarily unavailable, so "
            + "each patient is shown by their id only. Please try again in a few minutes.";

    /** A patient's proposed code ({@code code} null: none this month) with its reason and the month's figures. */
    public record Row(UUID patientId, String patient, String code, int units, String reason, String dataDays,
            int minutes, boolean interactive) {
    }

    public String monthLabel() {
        return RtmPages.monthLabel(month);
    }

    /** The page's address; its CSV and PDF are at the same with {@code .csv} and {@code .pdf}. */
    public String path() {
        return clinicWide ? "/rtm/clinic-ledger" : "/rtm/ledger";
    }

    public MonthChoice monthChoice() {
        return new MonthChoice(month, path(), "");
    }

    /** The ledger as a PDF: a part per patient with the codes proposed, their reasons and the month's evidence. */
    public byte[] pdf() {
        List<PdfReport.Part> parts = new ArrayList<>();
        for (int i = 0; i < patients.size(); i++) {
            Rtm.Month month = patients.get(i);
            List<String> lines = new ArrayList<>();
            if (month.proposed().isEmpty()) {
                lines.add("No code proposed this month.");
            }
            for (Rtm.Proposal proposal : month.proposed()) {
                lines.add(proposal.code() + " × " + proposal.units() + " — " + proposal.reason());
            }
            for (Rtm.Period period : month.periods()) {
                lines.add("Data days " + RtmPages.range(period.start(), period.end()) + ": " + period.dataDays()
                        + (period.code() == null ? ", no code" : ", code " + period.code()) + " (" + period.reason() + ")");
            }
            for (Rtm.TimeEntry entry : month.timeEntries()) {
                lines.add("Time entry " + (entry.date() == null ? "—" : entry.date()) + ": " + RtmPages.minutes(entry.minutes())
                        + (entry.interactive() ? ", with real-time interactive communication" : ""));
            }
            lines.add("Time this month: " + RtmPages.minutes(month.minutes()) + ", of which "
                    + RtmPages.minutes(month.interactiveMinutes()) + " with real-time interactive communication"
                    + (month.interactiveCommunication() ? "" : " (none recorded)")
                    + (month.timeReason() == null || month.timeReason().isBlank() ? "" : " — " + month.timeReason()));
            parts.add(new PdfReport.Part(names.get(i), clinicWide ? "Patient id " + month.patientId() : null, lines));
        }
        if (parts.isEmpty()) {
            parts.add(new PdfReport.Part("No patients", null, List.of(clinicWide
                    ? "No patient of the clinic had consent to remote monitoring recorded by the end of the month."
                    : "None of your patients has consent to remote monitoring recorded.")));
        }
        return new PdfReport("RTM ledger " + month, clinic, (clinicWide ? "Clinic remote monitoring (RTM) ledger — "
                : "Remote monitoring (RTM) ledger — ") + monthLabel(),
                header(), 
                parts, note + " Computed by the clinic's system from the recorded sessions and time.").render();
    }

    private List<String> header() {
        List<String> lines = new ArrayList<>(List.of((clinicWide ? "Prepared for: " : "Therapist: ") + reader,
                "Made on " + madeOn, "Code table: " + (codeTableVersion == null ? "—" : codeTableVersion)));
        if (namesNotice != null) {
            lines.add(namesNotice);
        }
        return lines;
    }
}
