package care.homeprogram.portal.service;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.ListItem;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * The progress (or, once the plan is completed, discharge) report for the patient's referrer and the record, as
 * facts already put in words by {@link ProgressReports}: who, which clinic, the period, and one part per subject (plan
 * history, adherence, pain trend, outcome scores, alerts). Rendered as a PDF with the printed program's look
 * ({@link PdfStyle}). A part whose service could not answer says so instead of being left out.
 */
public record ProgressReport(String title, String clinic, String patient, String therapist, String madeOn,
        String period, List<Part> parts) {

    /** One section: its heading, an optional line saying what it shows, and its lines. */
    public record Part(String heading, String intro, List<String> lines) {
    }

    public byte[] pdf() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, PdfStyle.MARGIN, PdfStyle.MARGIN, PdfStyle.MARGIN,
                PdfStyle.MARGIN);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(title + " — " + patient);
            document.addCreator(clinic);
            document.open();
            document.add(new Paragraph(clinic, PdfStyle.TITLE));
            document.add(new Paragraph(title, PdfStyle.HEADING));
            document.add(new Paragraph("Patient: " + patient, PdfStyle.BODY));
            document.add(new Paragraph("Therapist: " + therapist, PdfStyle.BODY));
            document.add(new Paragraph("Period: " + period, PdfStyle.BODY));
            document.add(new Paragraph("Made on " + madeOn, PdfStyle.BODY));
            for (Part part : parts) {
                Paragraph heading = new Paragraph(part.heading(), PdfStyle.HEADING);
                heading.setSpacingBefore(14);
                document.add(heading);
                if (part.intro() != null) {
                    document.add(new Paragraph(part.intro(), PdfStyle.SMALL));
                }
                com.lowagie.text.List list = new com.lowagie.text.List(com.lowagie.text.List.UNORDERED);
                list.setListSymbol("•  ");
                for (String line : part.lines()) {
                    ListItem entry = new ListItem(line, PdfStyle.BODY);
                    entry.setAlignment(Element.ALIGN_LEFT);
                    list.add(entry);
                }
                if (!part.lines().isEmpty()) {
                    document.add(list);
                }
            }
            Paragraph footer = new Paragraph("Made from the records of " + clinic + " on " + madeOn
                    + ". Figures are as recorded by the patient and computed by the clinic's system; "
                    + "the clinical judgement is the therapist's.", PdfStyle.SMALL);
            footer.setSpacingBefore(18);
            document.add(footer);
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("the progress report PDF could not be written", e);
        }
        return out.toByteArray();
    }
}
