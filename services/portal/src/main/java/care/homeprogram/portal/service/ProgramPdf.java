package care.homeprogram.portal.service;

import care.homeprogram.contract.Language;
import care.homeprogram.portal.client.Plan;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.ListItem;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The printable program (OpenPDF): the clinic's name, each item with its pictures, dose, instructions and cautions, and
 * the disclaimer that the program comes from the patient's therapist. Plain standard fonts. A raster picture (PNG,
 * JPEG, GIF) is embedded, an SVG drawing drawn ({@link SvgDrawing}), each fitted into a box of
 * {@value #PICTURE_WIDTH} × {@value #PICTURE_HEIGHT} points with its alt text under it; a picture that cannot be
 * drawn (WebP, which OpenPDF cannot decode, or a file that does not read) is never left out silently: its alt text is
 * printed in its place. A video cannot be printed: its caption is, with where to watch it.
 */
public final class ProgramPdf {
    private static final Font TITLE = PdfStyle.TITLE;
    private static final Font HEADING = PdfStyle.HEADING;
    private static final Font LABEL = PdfStyle.LABEL;
    private static final Font BODY = PdfStyle.BODY;
    private static final Font SMALL = PdfStyle.SMALL;
    private static final DateTimeFormatter DATE = PdfStyle.DATE;

    static final float PICTURE_WIDTH = 240;
    static final float PICTURE_HEIGHT = 160;

    /**
     * A picture or the video of an exercise for the PDF: {@code bytes} null when it could not be fetched (then the
     * alt text is printed), and always null for a video.
     */
    public record Picture(String description, String contentType, boolean video, byte[] bytes) {
    }

    private ProgramPdf() {
    }

    /**
     * The program with its fixed words ({@code words}, dates) in {@code language}; the library's words come in the
     * plans, already in it (plan-service's). {@code pictures}: each exercise's pictures and video, by the exercise's id.
     */
    public static byte[] render(PortalMessages words, Language language, String clinicName, String patientName,
            List<Plan> plans, Map<UUID, List<Picture>> pictures) {
        DateTimeFormatter date = language == Language.EN ? DATE
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language.locale());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, PdfStyle.MARGIN, PdfStyle.MARGIN, PdfStyle.MARGIN, PdfStyle.MARGIN);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            document.addTitle(words.pdf_documentTitle() + " — " + clinicName);
            document.addCreator(clinicName);
            document.open();
            document.add(new Paragraph(clinicName, TITLE));
            document.add(new Paragraph(words.pdf_for(patientName), HEADING));
            if (plans.isEmpty()) {
                document.add(new Paragraph(words.pdf_noProgram(), BODY));
            }
            for (Plan plan : plans) {
                addPlan(document, writer, plan, pictures, words, date, language.locale());
            }
            Paragraph disclaimer = new Paragraph(words.pdf_disclaimer(), SMALL);
            disclaimer.setSpacingBefore(18);
            document.add(disclaimer);
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("the program PDF could not be written", e);
        }
        return out.toByteArray();
    }

    private static void addPlan(Document document, PdfWriter writer, Plan plan, Map<UUID, List<Picture>> pictures,
            PortalMessages words, DateTimeFormatter date, java.util.Locale locale) throws DocumentException {
        Paragraph heading = new Paragraph(words.pdf_started(plan.startDate() == null ? "" : date.format(
                plan.startDate())) + (plan.isActive() ? "" : " " + words.pdf_onHold()), HEADING);
        heading.setSpacingBefore(12);
        document.add(heading);
        for (Plan.Item item : plan.items()) {
            if ("REMOVED".equals(item.status())) {
                continue;
            }
            Paragraph name = new Paragraph(item.name() + ("PAUSED".equals(item.status()) ? " " + words.pdf_paused() : ""),
                    LABEL);
            name.setSpacingBefore(10);
            document.add(name);
            document.add(new Paragraph(words.pdf_dose() + " " + DoseText.of(item.dose(), words, locale) + (item.startWeek() > 1
                    ? " · " + words.pdf_fromWeek(item.startWeek()) : ""), BODY));
            if (item.summary() != null) {
                document.add(new Paragraph(item.summary(), BODY));
            }
            if (item.exerciseId() != null) {
                addPictures(document, writer, pictures.getOrDefault(item.exerciseId(), List.of()), words);
            }
            addList(document, words.common_howTo(), item.instructions());
            addList(document, words.common_cautions(), item.cautions());
            if (item.whySafe() != null) {
                document.add(new Paragraph(words.pdf_whySafe() + " " + item.whySafe(), BODY));
            }
        }
    }

    private static void addPictures(Document document, PdfWriter writer, List<Picture> pictures,
            PortalMessages words) throws DocumentException {
        for (Picture picture : pictures) {
            String description = picture.description() == null ? "" : picture.description();
            if (picture.video()) {
                document.add(new Paragraph(words.pdf_video() + " " + description, SMALL));
                continue;
            }
            Image image = image(writer, picture);
            if (image == null) {
                document.add(new Paragraph(words.pdf_pictureUnprintable() + " " + description, SMALL));
                continue;
            }
            image.setAlt(description);
            image.scaleToFit(PICTURE_WIDTH, PICTURE_HEIGHT);
            image.setSpacingBefore(4);
            document.add(image);
            document.add(new Paragraph(words.pdf_picture() + " " + description, SMALL));
        }
    }

    /** The picture as something OpenPDF can place, or null when it cannot be drawn. */
    static Image image(PdfWriter writer, Picture picture) {
        if (picture.bytes() == null || picture.bytes().length == 0) {
            return null;
        }
        try {
            if (picture.contentType() != null && picture.contentType().startsWith("image/svg")) {
                SvgDrawing drawing = SvgDrawing.read(picture.bytes());
                return Image.getInstance(drawing.draw(writer.getDirectContent()));
            }
            return Image.getInstance(picture.bytes());
        } catch (SvgDrawing.Unreadable | IOException | RuntimeException unreadable) {
            return null;
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
