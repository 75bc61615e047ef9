package care.homeprogram.portal.service;

import care.homeprogram.portal.client.Plan;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.ListItem;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The printable program (OpenPDF): the clinic's name, each item with its dose, instructions and cautions, and the
 * disclaimer that the program comes from the patient's therapist. Plain standard fonts, no images: prints anywhere.
 */
public final class ProgramPdf {
    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18);
    private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 13);
    private static final Font LABEL = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);
    private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 10);
    private static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA_OBLIQUE, 9);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);

    private ProgramPdf() {
    }

    public static byte[] render(String clinicName, String patientName, List<Plan> plans) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 54, 54, 54, 54);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle("Home program — " + clinicName);
            document.addCreator(clinicName);
            document.open();
            document.add(new Paragraph(clinicName, TITLE));
            document.add(new Paragraph("Home program for " + patientName, HEADING));
            if (plans.isEmpty()) {
                document.add(new Paragraph("You have no active program at the moment.", BODY));
            }
            for (Plan plan : plans) {
                addPlan(document, plan);
            }
            Paragraph disclaimer = new Paragraph(Clinic.DISCLAIMER, SMALL);
            disclaimer.setSpacingBefore(18);
            document.add(disclaimer);
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("the program PDF could not be written", e);
        }
        return out.toByteArray();
    }

    private static void addPlan(Document document, Plan plan) throws DocumentException {
        Paragraph heading = new Paragraph("Program started " + (plan.startDate() == null ? "" : DATE.format(
                plan.startDate())) + (plan.isActive() ? "" : " (on hold: do not continue until your therapist says so)"),
                HEADING);
        heading.setSpacingBefore(12);
        document.add(heading);
        for (Plan.Item item : plan.items()) {
            if ("REMOVED".equals(item.status())) {
                continue;
            }
            Paragraph name = new Paragraph(item.name() + ("PAUSED".equals(item.status()) ? " (paused)" : ""), LABEL);
            name.setSpacingBefore(10);
            document.add(name);
            document.add(new Paragraph("Dose: " + DoseText.of(item.dose()) + (item.startWeek() > 1
                    ? " · from week " + item.startWeek() : ""), BODY));
            if (item.summary() != null) {
                document.add(new Paragraph(item.summary(), BODY));
            }
            addList(document, "How to do it", item.instructions());
            addList(document, "Cautions", item.cautions());
            if (item.whySafe() != null) {
                document.add(new Paragraph("Why it is safe: " + item.whySafe(), BODY));
            }
        }
    }

    private static void addList(Document document, String title, List<String> lines) throws DocumentException {
        if (lines == null || lines.isEmpty()) {
            return;
        }
        document.add(new Paragraph(title + ":", LABEL));
        com.lowagie.text.List list = new com.lowagie.text.List(com.lowagie.text.List.UNORDERED);
        list.setListSymbol("•  ");
        for (String line : lines) {
            ListItem entry = new ListItem(line, BODY);
            entry.setAlignment(Element.ALIGN_LEFT);
            list.add(entry);
        }
        document.add(list);
    }
}
