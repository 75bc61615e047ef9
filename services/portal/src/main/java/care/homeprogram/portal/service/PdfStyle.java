package care.homeprogram.portal.service;

import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The look shared by the portal's PDFs (the printed program, the progress report): plain standard fonts, long dates. */
final class PdfStyle {
    static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18);
    static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 13);
    static final Font LABEL = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);
    static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 10);
    static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA_OBLIQUE, 9);
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    /** Page margins in points, on A4. */
    static final float MARGIN = 54;

    private PdfStyle() {
    }
}
