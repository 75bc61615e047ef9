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
 * A report the portal prints for the record as facts already put in words: the clinic, a title, a few "Label: value"
 * lines, then parts (a heading, an optional line saying what it shows, bullet lines) and a footer, with the printed
 * program's look ({@link PdfStyle}). The progress report ({@link ProgressReport}) and the RTM ledger ({@link RtmLedger})
 * are this document with their own words.
 */
public record PdfReport(String documentTitle, String clinic, String title, List<String> facts, List<Part> parts,
        String footer) {

    /** One section: its heading, an optional line saying what it shows, and its lines (none: the heading alone). */
    public record Part(String heading, String intro, List<String> lines) {
    }

    public byte[] render() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, PdfStyle.MARGIN, PdfStyle.MARGIN, PdfStyle.MARGIN,
                PdfStyle.MARGIN);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(documentTitle);
            document.addCreator(clinic);
            document.open();
            document.add(new Paragraph(clinic, PdfStyle.TITLE));
            document.add(new Paragraph(title, PdfStyle.HEADING));
            for (String fact : facts) {
                document.add(new Paragraph(fact, PdfStyle.BODY));
            }
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
            Paragraph end = new Paragraph(footer, PdfStyle.SMALL);
            end.setSpacingBefore(18);
            document.add(end);
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("the PDF \"" + documentTitle + "\" could not be written", e);
        }
        return out.toByteArray();
    }
}
