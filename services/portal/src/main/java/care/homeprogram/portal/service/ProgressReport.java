package care.homeprogram.portal.service;

import java.util.List;

/**
 * The progress (or, once the plan is completed, discharge) report for the patient's referrer and the record, as
 * facts already put in words by {@link ProgressReports}: who, which clinic, the period, and one part per subject (plan
 * history, adherence, pain trend, outcome scores, alerts). Rendered as a PDF by {@link PdfReport}, with the printed
 * program's look. A part whose service could not answer says so instead of being left out.
 */
public record ProgressReport(String title, String clinic, String patient, String therapist, String madeOn,
        String period, List<Part> parts) {

    /** One section: its heading, an optional line saying what it shows, and its lines. */
    public record Part(String heading, String intro, List<String> lines) {
    }

    public byte[] pdf() {
        return new PdfReport(title + " — " + patient, clinic, title,
                List.of("Patient: " + patient, "Therapist: " + therapist, "Period: " + period, "Made on " + madeOn),
                parts.stream().map(p -> new PdfReport.Part(p.heading(), p.intro(), p.lines())).toList(),
                "Made from the records of " + clinic + " on " + madeOn
                        + ". Figures are as recorded by the patient and computed by the clinic's system; "
                        + "the clinical judgement is the therapist's.").render();
    }
}
