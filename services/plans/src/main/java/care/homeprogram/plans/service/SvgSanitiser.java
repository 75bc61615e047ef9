package care.homeprogram.plans.service;

import care.homeprogram.commons.problem.ProblemException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

/**
 * Reads an SVG with a hardened streaming parser (no DTD, no entities, nothing fetched) and writes it again, so what
 * is stored is exactly what was checked. Anything that could run or fetch something is refused with a problem naming
 * it: scripts, foreignObject and any element outside a list of drawing elements, event-handler attributes,
 * references outside the document (href, url(...), @import), "javascript:". Editor metadata in other namespaces
 * (Inkscape, RDF) is dropped; comments and processing instructions too. Images are also served with a CSP that
 * forbids scripts, as a second wall.
 */
public final class SvgSanitiser {
    static final String SVG_NS = "http://www.w3.org/2000/svg";
    static final String XLINK_NS = "http://www.w3.org/1999/xlink";

    /** Drawing elements only: no script, foreignObject, a, image, iframe, animation or anything else. */
    private static final Set<String> ELEMENTS = Set.of("svg", "g", "defs", "title", "desc", "metadata", "symbol",
            "use", "path", "line", "polyline", "polygon", "rect", "circle", "ellipse", "text", "tspan", "textPath",
            "marker", "linearGradient", "radialGradient", "stop", "clipPath", "mask", "pattern", "style");
    /** url(...) pointing anywhere but into the document itself. */
    private static final Pattern EXTERNAL_URL = Pattern.compile("url\\s*\\(\\s*['\"]?\\s*[^#'\"\\s)]",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DANGEROUS_TEXT = Pattern.compile("javascript:|@import|expression\\s*\\(",
            Pattern.CASE_INSENSITIVE);

    private SvgSanitiser() {
    }

    /** Copies the SVG from {@code in} to {@code out}, checked and cleaned; refuses it (400 unsafe-svg) otherwise. */
    public static void sanitise(InputStream in, OutputStream out) {
        XMLInputFactory inputs = XMLInputFactory.newDefaultFactory();
        inputs.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        inputs.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        inputs.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        inputs.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        inputs.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        XMLStreamReader reader = null;
        XMLStreamWriter writer = null;
        try {
            reader = inputs.createXMLStreamReader(in);
            writer = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
            writer.writeStartDocument("UTF-8", "1.0");
            copy(reader, writer);
            writer.writeEndDocument();
            writer.flush();
        } catch (XMLStreamException e) {
            if (e.getNestedException() instanceof RuntimeException thrown) {
                throw thrown; // the upload's own limit (413), met while the parser read
            }
            throw MediaFormat.invalid("The SVG is not well-formed XML: " + firstLine(e.getMessage()));
        } finally {
            close(reader);
        }
    }

    private static void copy(XMLStreamReader reader, XMLStreamWriter writer) throws XMLStreamException {
        int depth = 0;
        int skipping = 0; // depth inside an element of another namespace, dropped with its content
        boolean inStyle = false;
        boolean sawRoot = false;
        while (reader.hasNext()) {
            int event = reader.next();
            switch (event) {
                case XMLStreamConstants.DTD, XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.ENTITY_DECLARATION,
                        XMLStreamConstants.NOTATION_DECLARATION -> throw unsafe(
                        "a document type declaration or entity (not allowed in an uploaded SVG)");
                case XMLStreamConstants.START_ELEMENT -> {
                    depth++;
                    if (skipping > 0) {
                        skipping++;
                        continue;
                    }
                    String ns = reader.getNamespaceURI();
                    String name = reader.getLocalName();
                    if (!sawRoot) {
                        sawRoot = true;
                        if (!SVG_NS.equals(ns) || !"svg".equals(name)) {
                            throw unsafe("a root element other than <svg> in the SVG namespace");
                        }
                    }
                    if (!SVG_NS.equals(ns)) {
                        skipping = 1; // editor metadata (Inkscape, RDF, ...): not drawn, dropped
                        continue;
                    }
                    if (!ELEMENTS.contains(name)) {
                        throw unsafe("the element <" + name + ">");
                    }
                    inStyle = "style".equals(name);
                    writeStart(reader, writer);
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    depth--;
                    if (skipping > 0) {
                        skipping--;
                        continue;
                    }
                    inStyle = false;
                    writer.writeEndElement();
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (skipping > 0 || depth == 0) {
                        continue;
                    }
                    String text = reader.getText();
                    if (inStyle) {
                        checkValue("a style sheet", text);
                    }
                    writer.writeCharacters(text);
                }
                default -> {
                    // comments, processing instructions, document start/end: not copied
                }
            }
        }
        if (!sawRoot) {
            throw unsafe("no <svg> element");
        }
    }

    private static void writeStart(XMLStreamReader reader, XMLStreamWriter writer) throws XMLStreamException {
        String prefix = reader.getPrefix() == null ? "" : reader.getPrefix();
        writer.writeStartElement(prefix, reader.getLocalName(), SVG_NS);
        for (int i = 0; i < reader.getNamespaceCount(); i++) {
            String declared = reader.getNamespacePrefix(i);
            String uri = reader.getNamespaceURI(i);
            if (declared == null || declared.isEmpty()) {
                writer.writeDefaultNamespace(uri);
            } else if (XLINK_NS.equals(uri) || SVG_NS.equals(uri)) {
                writer.writeNamespace(declared, uri);
            }
        }
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            String ns = reader.getAttributeNamespace(i);
            String name = reader.getAttributeLocalName(i);
            String value = reader.getAttributeValue(i);
            boolean kept = ns == null || ns.isEmpty() || XLINK_NS.equals(ns) || XMLConstants.XML_NS_URI.equals(ns);
            if (name.toLowerCase(Locale.ROOT).startsWith("on")) {
                throw unsafe("the event handler attribute " + name);
            }
            if (!kept) {
                continue; // editor attributes (inkscape:label, sodipodi:...)
            }
            if ("href".equals(name) && !value.strip().startsWith("#")) {
                throw unsafe("a reference outside the drawing (" + name + "=\"" + shorten(value) + "\")");
            }
            checkValue("the attribute " + name, value);
            String attributePrefix = reader.getAttributePrefix(i);
            if (ns == null || ns.isEmpty()) {
                writer.writeAttribute(name, value);
            } else {
                writer.writeAttribute(attributePrefix == null ? "" : attributePrefix, ns, name, value);
            }
        }
    }

    private static void checkValue(String where, String value) {
        if (EXTERNAL_URL.matcher(value).find() || DANGEROUS_TEXT.matcher(value).find()) {
            throw unsafe("a reference outside the drawing or a script in " + where);
        }
    }

    private static ProblemException unsafe(String what) {
        return new ProblemException(400, "unsafe-svg", "SVG not accepted",
                "The SVG contains " + what + "; only plain drawings are accepted (no scripts, event handlers, "
                        + "foreignObject or references to anything outside the drawing)");
    }

    private static String shorten(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "…" : value;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String line = message.lines().reduce((a, b) -> b).orElse(message);
        return shorten(line.strip());
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // nothing was held open beyond the request body, which the request closes
            }
        }
    }
}
