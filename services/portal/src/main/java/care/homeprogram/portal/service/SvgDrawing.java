package care.homeprogram.portal.service;

import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfGState;
import com.lowagie.text.pdf.PdfTemplate;
import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Draws an exercise's SVG line drawing onto a PDF template (OpenPDF has no SVG support), for the printed program. It
 * knows the part of SVG the pictures use — what plan-service's sanitiser lets through minus gradients, patterns,
 * masks, clipping and {@code <use>}: {@code g}, {@code path} (every command, arcs as Bézier curves), {@code line},
 * {@code polyline}, {@code polygon}, {@code rect} (rounded too), {@code circle}, {@code ellipse} and plain
 * {@code text}; presentation attributes (and a {@code style} attribute's declarations) for fill, stroke, their
 * opacities, width, caps, joins and dashes; {@code transform}. Whatever it does not know it leaves out; a drawing it
 * cannot read at all is {@link Unreadable}, and the PDF prints the picture's alt text instead.
 */
public final class SvgDrawing {
    /** The SVG could not be read, or is not a drawing this class can make. */
    public static final class Unreadable extends Exception {
        Unreadable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final Pattern NUMBER = Pattern.compile("[-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?");
    private static final Pattern TRANSFORM = Pattern.compile("(matrix|translate|scale|rotate|skewX|skewY)\\s*\\(([^)]*)\\)");
    private static final Map<String, Color> NAMED = Map.of("black", Color.BLACK, "white", Color.WHITE, "red", Color.RED,
            "green", new Color(0, 128, 0), "blue", Color.BLUE, "gray", Color.GRAY, "grey", Color.GRAY,
            "orange", new Color(255, 165, 0), "yellow", Color.YELLOW);

    private final float width;
    private final float height;
    private final Element root;
    private final float[] viewBox;

    private SvgDrawing(Element root, float[] viewBox, float width, float height) {
        this.root = root;
        this.viewBox = viewBox;
        this.width = width;
        this.height = height;
    }

    /** Reads the SVG (no DTD, no external entities: the bytes are a patient's download, not a document to trust). */
    public static SvgDrawing read(byte[] svg) throws Unreadable {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            Element root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg)).getDocumentElement();
            if (!"svg".equals(root.getLocalName())) {
                throw new Unreadable("not an SVG document", null);
            }
            float[] box = numbers(root.getAttribute("viewBox"));
            float w = length(root.getAttribute("width"), box.length == 4 ? box[2] : 0);
            float h = length(root.getAttribute("height"), box.length == 4 ? box[3] : 0);
            if (box.length != 4) {
                box = new float[] {0, 0, w, h};
            }
            if (!(w > 0 && h > 0 && box[2] > 0 && box[3] > 0)) {
                throw new Unreadable("the SVG has no size", null);
            }
            return new SvgDrawing(root, box, w, h);
        } catch (Unreadable e) {
            throw e;
        } catch (Exception e) {
            throw new Unreadable("the SVG cannot be read: " + e.getMessage(), e);
        }
    }

    public float width() {
        return width;
    }

    public float height() {
        return height;
    }

    /** A template of the drawing's own size, in points; scale the image made from it to fit the page. */
    public PdfTemplate draw(PdfContentByte canvas) {
        PdfTemplate template = canvas.createTemplate(width, height);
        // SVG's y axis points down, PDF's up; then the viewBox onto the drawing's size
        template.concatCTM(1, 0, 0, -1, 0, height);
        template.concatCTM(width / viewBox[2], 0, 0, height / viewBox[3], -viewBox[0] * width / viewBox[2],
                -viewBox[1] * height / viewBox[3]);
        Style style = new Style();
        group(template, root, style.with(root));
        return template;
    }

    private void group(PdfTemplate out, Element parent, Style style) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                element(out, element, style.with(element));
            }
        }
    }

    private void element(PdfTemplate out, Element e, Style style) {
        String name = e.getLocalName();
        if (name == null || "none".equals(e.getAttribute("display"))) {
            return;
        }
        out.saveState();
        try {
            transform(out, e.getAttribute("transform"));
            switch (name) {
                case "g", "svg" -> group(out, e, style);
                case "path" -> shape(out, style, () -> path(out, e.getAttribute("d")));
                case "line" -> shape(out, style.noFill(), () -> {
                    out.moveTo(f(e, "x1"), f(e, "y1"));
                    out.lineTo(f(e, "x2"), f(e, "y2"));
                });
                case "polyline", "polygon" -> shape(out, style, () -> {
                    float[] p = numbers(e.getAttribute("points"));
                    for (int i = 0; i + 1 < p.length; i += 2) {
                        if (i == 0) {
                            out.moveTo(p[i], p[i + 1]);
                        } else {
                            out.lineTo(p[i], p[i + 1]);
                        }
                    }
                    if ("polygon".equals(name) && p.length >= 2) {
                        out.closePath();
                    }
                });
                case "rect" -> shape(out, style, () -> {
                    float rx = Math.max(f(e, "rx"), f(e, "ry"));
                    if (rx > 0) {
                        out.roundRectangle(f(e, "x"), f(e, "y"), f(e, "width"), f(e, "height"), rx);
                    } else {
                        out.rectangle(f(e, "x"), f(e, "y"), f(e, "width"), f(e, "height"));
                    }
                });
                case "circle" -> shape(out, style, () -> out.circle(f(e, "cx"), f(e, "cy"), f(e, "r")));
                case "ellipse" -> shape(out, style, () -> out.ellipse(f(e, "cx") - f(e, "rx"), f(e, "cy") - f(e, "ry"),
                        f(e, "cx") + f(e, "rx"), f(e, "cy") + f(e, "ry")));
                case "text" -> text(out, e, style);
                default -> {
                    // title, desc, defs and what the drawings do not use: nothing to draw
                }
            }
        } finally {
            out.restoreState();
        }
    }

    private static void shape(PdfTemplate out, Style style, Runnable outline) {
        boolean fill = style.fill != null;
        boolean stroke = style.stroke != null && style.strokeWidth > 0;
        if (!fill && !stroke) {
            return;
        }
        PdfGState opacity = new PdfGState();
        opacity.setFillOpacity(style.opacity * style.fillOpacity);
        opacity.setStrokeOpacity(style.opacity * style.strokeOpacity);
        out.setGState(opacity);
        if (fill) {
            out.setColorFill(style.fill);
        }
        if (stroke) {
            out.setColorStroke(style.stroke);
            out.setLineWidth(style.strokeWidth);
            out.setLineCap(style.lineCap);
            out.setLineJoin(style.lineJoin);
            if (style.dashes.length > 0) {
                out.setLineDash(style.dashes, 0);
            }
        }
        outline.run();
        if (fill && stroke) {
            out.fillStroke();
        } else if (fill) {
            out.fill();
        } else {
            out.stroke();
        }
    }

    private static void text(PdfTemplate out, Element e, Style style) {
        String words = e.getTextContent() == null ? "" : e.getTextContent().strip();
        if (words.isEmpty() || (style.fill == null && style.stroke == null)) {
            return;
        }
        BaseFont font;
        try {
            font = BaseFont.createFont(style.bold ? BaseFont.HELVETICA_BOLD : BaseFont.HELVETICA, BaseFont.WINANSI,
                    BaseFont.NOT_EMBEDDED);
        } catch (Exception unavailable) {
            return; // the standard fonts are built in; without them the words are in the alt text anyway
        }
        float x = f(e, "x");
        float wide = font.getWidthPoint(words, style.fontSize);
        if ("middle".equals(style.anchor)) {
            x -= wide / 2;
        } else if ("end".equals(style.anchor)) {
            x -= wide;
        }
        PdfGState opacity = new PdfGState();
        opacity.setFillOpacity(style.opacity * style.fillOpacity);
        out.setGState(opacity);
        out.setColorFill(style.fill != null ? style.fill : style.stroke);
        out.beginText();
        out.setFontAndSize(font, style.fontSize);
        out.setTextMatrix(1, 0, 0, -1, x, f(e, "y")); // upright again in the flipped drawing
        out.showText(words);
        out.endText();
    }

    /** The path's commands, absolute and relative; arcs become Bézier curves, quadratics cubics. */
    static void path(PdfContentByte out, String d) {
        List<String> tokens = new ArrayList<>();
        Matcher m = Pattern.compile("[MmLlHhVvCcSsQqTtAaZz]|" + NUMBER.pattern()).matcher(d == null ? "" : d);
        while (m.find()) {
            tokens.add(m.group());
        }
        float x = 0;
        float y = 0;
        float startX = 0;
        float startY = 0;
        float ctrlX = 0;
        float ctrlY = 0;
        char command = ' ';
        char previous = ' ';
        int i = 0;
        while (i < tokens.size()) {
            String token = tokens.get(i);
            if (Character.isLetter(token.charAt(0))) {
                command = token.charAt(0);
                i++;
                if (command == 'Z' || command == 'z') {
                    out.closePath();
                    x = startX;
                    y = startY;
                    previous = command;
                    continue;
                }
            }
            boolean relative = Character.isLowerCase(command);
            float ox = relative ? x : 0;
            float oy = relative ? y : 0;
            int needs = switch (Character.toUpperCase(command)) {
                case 'M', 'L', 'T' -> 2;
                case 'H', 'V' -> 1;
                case 'C' -> 6;
                case 'S', 'Q' -> 4;
                case 'A' -> 7;
                default -> -1;
            };
            if (needs < 0 || i + needs > tokens.size()) {
                return; // a path that does not parse is drawn up to where it stops making sense, as browsers do
            }
            float[] a = new float[needs];
            for (int k = 0; k < needs; k++) {
                String n = tokens.get(i + k);
                if (Character.isLetter(n.charAt(0))) {
                    return;
                }
                a[k] = Float.parseFloat(n);
            }
            i += needs;
            switch (Character.toUpperCase(command)) {
                case 'M' -> {
                    x = ox + a[0];
                    y = oy + a[1];
                    out.moveTo(x, y);
                    startX = x;
                    startY = y;
                    command = relative ? 'l' : 'L'; // further pairs are lines
                }
                case 'L' -> {
                    x = ox + a[0];
                    y = oy + a[1];
                    out.lineTo(x, y);
                }
                case 'H' -> {
                    x = ox + a[0];
                    out.lineTo(x, y);
                }
                case 'V' -> {
                    y = oy + a[0];
                    out.lineTo(x, y);
                }
                case 'C' -> {
                    out.curveTo(ox + a[0], oy + a[1], ox + a[2], oy + a[3], ox + a[4], oy + a[5]);
                    ctrlX = ox + a[2];
                    ctrlY = oy + a[3];
                    x = ox + a[4];
                    y = oy + a[5];
                }
                case 'S' -> {
                    boolean after = "CcSs".indexOf(previous) >= 0;
                    float c1x = after ? 2 * x - ctrlX : x;
                    float c1y = after ? 2 * y - ctrlY : y;
                    out.curveTo(c1x, c1y, ox + a[0], oy + a[1], ox + a[2], oy + a[3]);
                    ctrlX = ox + a[0];
                    ctrlY = oy + a[1];
                    x = ox + a[2];
                    y = oy + a[3];
                }
                case 'Q', 'T' -> {
                    float qx;
                    float qy;
                    float ex;
                    float ey;
                    if (Character.toUpperCase(command) == 'Q') {
                        qx = ox + a[0];
                        qy = oy + a[1];
                        ex = ox + a[2];
                        ey = oy + a[3];
                    } else {
                        boolean after = "QqTt".indexOf(previous) >= 0;
                        qx = after ? 2 * x - ctrlX : x;
                        qy = after ? 2 * y - ctrlY : y;
                        ex = ox + a[0];
                        ey = oy + a[1];
                    }
                    out.curveTo(x + 2f / 3 * (qx - x), y + 2f / 3 * (qy - y), ex + 2f / 3 * (qx - ex),
                            ey + 2f / 3 * (qy - ey), ex, ey);
                    ctrlX = qx;
                    ctrlY = qy;
                    x = ex;
                    y = ey;
                }
                case 'A' -> {
                    arc(out, x, y, a[0], a[1], a[2], a[3] != 0, a[4] != 0, ox + a[5], oy + a[6]);
                    x = ox + a[5];
                    y = oy + a[6];
                }
                default -> {
                    return;
                }
            }
            previous = command;
        }
    }

    /** An elliptical arc (SVG's endpoint form) as up to four cubic Bézier curves (SVG 1.1, appendix F.6). */
    static void arc(PdfContentByte out, double x1, double y1, double rx, double ry, double angle, boolean large,
            boolean sweep, double x2, double y2) {
        if (x1 == x2 && y1 == y2) {
            return;
        }
        rx = Math.abs(rx);
        ry = Math.abs(ry);
        if (rx == 0 || ry == 0) {
            out.lineTo((float) x2, (float) y2);
            return;
        }
        double phi = Math.toRadians(angle % 360);
        double cos = Math.cos(phi);
        double sin = Math.sin(phi);
        double dx = (x1 - x2) / 2;
        double dy = (y1 - y2) / 2;
        double x1p = cos * dx + sin * dy;
        double y1p = -sin * dx + cos * dy;
        double lambda = (x1p * x1p) / (rx * rx) + (y1p * y1p) / (ry * ry);
        if (lambda > 1) {
            rx *= Math.sqrt(lambda);
            ry *= Math.sqrt(lambda);
        }
        double num = rx * rx * ry * ry - rx * rx * y1p * y1p - ry * ry * x1p * x1p;
        double den = rx * rx * y1p * y1p + ry * ry * x1p * x1p;
        double coef = (large == sweep ? -1 : 1) * Math.sqrt(Math.max(0, num / den));
        double cxp = coef * rx * y1p / ry;
        double cyp = -coef * ry * x1p / rx;
        double cx = cos * cxp - sin * cyp + (x1 + x2) / 2;
        double cy = sin * cxp + cos * cyp + (y1 + y2) / 2;
        double theta1 = Math.atan2((y1p - cyp) / ry, (x1p - cxp) / rx);
        double delta = Math.atan2((-y1p - cyp) / ry, (-x1p - cxp) / rx) - theta1;
        if (!sweep && delta > 0) {
            delta -= 2 * Math.PI;
        } else if (sweep && delta < 0) {
            delta += 2 * Math.PI;
        }
        int segments = (int) Math.ceil(Math.abs(delta) / (Math.PI / 2));
        double step = delta / segments;
        double t = 4.0 / 3 * Math.tan(step / 4);
        double theta = theta1;
        for (int s = 0; s < segments; s++) {
            double c1 = Math.cos(theta);
            double s1 = Math.sin(theta);
            double c2 = Math.cos(theta + step);
            double s2 = Math.sin(theta + step);
            double[] p1 = point(cx, cy, rx, ry, cos, sin, c1 - t * s1, s1 + t * c1);
            double[] p2 = point(cx, cy, rx, ry, cos, sin, c2 + t * s2, s2 - t * c2);
            double[] p3 = point(cx, cy, rx, ry, cos, sin, c2, s2);
            out.curveTo((float) p1[0], (float) p1[1], (float) p2[0], (float) p2[1], (float) p3[0], (float) p3[1]);
            theta += step;
        }
    }

    private static double[] point(double cx, double cy, double rx, double ry, double cos, double sin, double ux,
            double uy) {
        double x = rx * ux;
        double y = ry * uy;
        return new double[] {cos * x - sin * y + cx, sin * x + cos * y + cy};
    }

    private static void transform(PdfContentByte out, String transform) {
        if (transform == null || transform.isBlank()) {
            return;
        }
        Matcher m = TRANSFORM.matcher(transform);
        while (m.find()) {
            float[] a = numbers(m.group(2));
            switch (m.group(1)) {
                case "matrix" -> {
                    if (a.length == 6) {
                        out.concatCTM(a[0], a[1], a[2], a[3], a[4], a[5]);
                    }
                }
                case "translate" -> out.concatCTM(1, 0, 0, 1, a.length > 0 ? a[0] : 0, a.length > 1 ? a[1] : 0);
                case "scale" -> {
                    float sx = a.length > 0 ? a[0] : 1;
                    out.concatCTM(sx, 0, 0, a.length > 1 ? a[1] : sx, 0, 0);
                }
                case "rotate" -> {
                    double r = Math.toRadians(a.length > 0 ? a[0] : 0);
                    float cx = a.length == 3 ? a[1] : 0;
                    float cy = a.length == 3 ? a[2] : 0;
                    out.concatCTM(1, 0, 0, 1, cx, cy);
                    out.concatCTM((float) Math.cos(r), (float) Math.sin(r), (float) -Math.sin(r), (float) Math.cos(r),
                            0, 0);
                    out.concatCTM(1, 0, 0, 1, -cx, -cy);
                }
                case "skewX" -> out.concatCTM(1, 0, (float) Math.tan(Math.toRadians(a.length > 0 ? a[0] : 0)), 1, 0,
                        0);
                case "skewY" -> out.concatCTM(1, (float) Math.tan(Math.toRadians(a.length > 0 ? a[0] : 0)), 0, 1, 0,
                        0);
                default -> {
                }
            }
        }
    }

    private static float f(Element e, String attribute) {
        float[] n = numbers(e.getAttribute(attribute));
        return n.length == 0 ? 0 : n[0];
    }

    static float[] numbers(String text) {
        if (text == null) {
            return new float[0];
        }
        Matcher m = NUMBER.matcher(text);
        List<Float> found = new ArrayList<>();
        while (m.find()) {
            found.add(Float.parseFloat(m.group()));
        }
        float[] all = new float[found.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = found.get(i);
        }
        return all;
    }

    private static float length(String text, float otherwise) {
        if (text == null || text.isBlank() || text.strip().endsWith("%")) {
            return otherwise;
        }
        float[] n = numbers(text);
        return n.length == 0 ? otherwise : n[0];
    }

    /** What a shape inherits (SVG's initial values: black fill, no stroke), one copy per element. */
    private static final class Style {
        Color fill = Color.BLACK;
        Color stroke;
        float strokeWidth = 1;
        float opacity = 1;
        float fillOpacity = 1;
        float strokeOpacity = 1;
        int lineCap = PdfContentByte.LINE_CAP_BUTT;
        int lineJoin = PdfContentByte.LINE_JOIN_MITER;
        float[] dashes = new float[0];
        float fontSize = 16;
        boolean bold;
        String anchor = "start";
        private Color current = Color.BLACK;

        Style copy() {
            Style s = new Style();
            s.fill = fill;
            s.stroke = stroke;
            s.strokeWidth = strokeWidth;
            s.fillOpacity = fillOpacity;
            s.strokeOpacity = strokeOpacity;
            s.lineCap = lineCap;
            s.lineJoin = lineJoin;
            s.dashes = dashes;
            s.fontSize = fontSize;
            s.bold = bold;
            s.anchor = anchor;
            s.current = current;
            s.opacity = 1;
            return s;
        }

        Style noFill() {
            Style s = copy();
            s.opacity = opacity;
            s.fill = null;
            return s;
        }

        /** This element's own values over the inherited ones; group opacity is approximated per shape. */
        Style with(Element e) {
            Map<String, String> own = new HashMap<>();
            for (String name : new String[] {"fill", "stroke", "stroke-width", "opacity", "fill-opacity",
                    "stroke-opacity", "stroke-linecap", "stroke-linejoin", "stroke-dasharray", "font-size",
                    "font-weight", "text-anchor", "color"}) {
                if (e.hasAttribute(name)) {
                    own.put(name, e.getAttribute(name).strip());
                }
            }
            for (String declaration : e.getAttribute("style").split(";")) {
                int colon = declaration.indexOf(':');
                if (colon > 0) {
                    own.put(declaration.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                            declaration.substring(colon + 1).strip());
                }
            }
            Style s = copy();
            s.opacity = opacity;
            own.forEach((name, value) -> {
                switch (name) {
                    case "color" -> s.current = color(value, s.current, current);
                    case "fill" -> s.fill = color(value, fill, s.current);
                    case "stroke" -> s.stroke = color(value, stroke, s.current);
                    case "stroke-width" -> s.strokeWidth = length(value, strokeWidth);
                    case "opacity" -> s.opacity = opacity * length(value, 1);
                    case "fill-opacity" -> s.fillOpacity = length(value, 1);
                    case "stroke-opacity" -> s.strokeOpacity = length(value, 1);
                    case "stroke-linecap" -> s.lineCap = "round".equals(value) ? PdfContentByte.LINE_CAP_ROUND
                            : "square".equals(value) ? PdfContentByte.LINE_CAP_PROJECTING_SQUARE
                            : PdfContentByte.LINE_CAP_BUTT;
                    case "stroke-linejoin" -> s.lineJoin = "round".equals(value) ? PdfContentByte.LINE_JOIN_ROUND
                            : "bevel".equals(value) ? PdfContentByte.LINE_JOIN_BEVEL : PdfContentByte.LINE_JOIN_MITER;
                    case "stroke-dasharray" -> s.dashes = "none".equals(value) ? new float[0] : numbers(value);
                    case "font-size" -> s.fontSize = length(value, fontSize);
                    case "font-weight" -> s.bold = "bold".equals(value) || value.matches("[6-9]00");
                    case "text-anchor" -> s.anchor = value;
                    default -> {
                    }
                }
            });
            // a stroke or fill given as "currentColor" before "color" on the same element still follows it
            if ("currentColor".equals(own.get("fill"))) {
                s.fill = s.current;
            }
            if ("currentColor".equals(own.get("stroke"))) {
                s.stroke = s.current;
            }
            return s;
        }

        private static Color color(String value, Color inherited, Color current) {
            String v = value.toLowerCase(Locale.ROOT);
            if ("none".equals(v) || "transparent".equals(v)) {
                return null;
            }
            if ("currentcolor".equals(v)) {
                return current;
            }
            if ("inherit".equals(v)) {
                return inherited;
            }
            if (v.matches("#[0-9a-f]{3}")) {
                return new Color(Integer.parseInt(v.substring(1, 2).repeat(2), 16),
                        Integer.parseInt(v.substring(2, 3).repeat(2), 16), Integer.parseInt(v.substring(3, 4).repeat(2), 16));
            }
            if (v.matches("#[0-9a-f]{6}")) {
                return new Color(Integer.parseInt(v.substring(1), 16));
            }
            Matcher rgb = Pattern.compile("rgb\\(\\s*(\\d+)\\s*,\\s*(\\d+)\\s*,\\s*(\\d+)\\s*\\)").matcher(v);
            if (rgb.matches()) {
                return new Color(Math.min(255, Integer.parseInt(rgb.group(1))),
                        Math.min(255, Integer.parseInt(rgb.group(2))), Math.min(255, Integer.parseInt(rgb.group(3))));
            }
            return NAMED.getOrDefault(v, Color.BLACK); // a colour it does not know still draws the line
        }
    }
}
