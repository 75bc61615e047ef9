package care.homeprogram.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.nio.charset.StandardCharsets;

/**
 * Reads back what a PDF the portal made says, so a test asserts on the text a reader sees (the portal's tests and the
 * browser journeys, which download the PDFs).
 */
public final class PdfText {
    private PdfText() {
    }

    /** The text of every page, whitespace folded to single spaces; fails unless the bytes are a PDF. */
    public static String of(byte[] pdf) throws Exception {
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        PdfReader reader = new PdfReader(pdf);
        try {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return text.toString().replaceAll("\\s+", " ");
        } finally {
            reader.close();
        }
    }
}
