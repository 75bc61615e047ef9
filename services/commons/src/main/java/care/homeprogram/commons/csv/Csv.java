package care.homeprogram.commons.csv;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * CSV as spreadsheets read it (RFC 4180): cells with a comma, quote or line break are quoted, and a cell starting
 * with a formula character gets a leading quote so a spreadsheet shows it rather than running it (CSV injection).
 * Lines end in CRLF.
 */
public final class Csv {
    public static final String MEDIA_TYPE = "text/csv";
    public static final String LINE_END = "\r\n";

    private Csv() {
    }

    /** One cell; null is empty. */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            text = "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    /** One line of cells, without its line end. */
    public static String row(Object... values) {
        return Arrays.stream(values).map(Csv::cell).collect(Collectors.joining(","));
    }
}
