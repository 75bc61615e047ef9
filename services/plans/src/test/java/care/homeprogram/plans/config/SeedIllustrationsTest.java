package care.homeprogram.plans.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Every seeded exercise ships with its own line drawing (seed/illustrations, drawn for the project): the file is there,
 * is a plain, safe SVG a browser can show inline or as an image (no script, no event handler, no external reference,
 * no embedded content, no DTD), small, and described: its title, its description and the alt text in the library.
 */
class SeedIllustrationsTest {
    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    private static final int MAX_BYTES = 20 * 1024;
    private static final int MAX_ALT = 300;
    /** Drawing elements only: nothing that runs, loads, animates, embeds or styles from elsewhere. */
    private static final Set<String> ALLOWED_ELEMENTS = Set.of("svg", "title", "desc", "g", "path", "circle",
            "ellipse", "rect", "line", "polyline", "polygon", "text", "tspan");
    private static final Pattern VIEW_BOX = Pattern.compile("0 0 [1-9][0-9]* [1-9][0-9]*");
    private static final Path ILLUSTRATIONS = Path.of("src/main/resources/seed/illustrations");

    @Test
    void everySeededExerciseHasASafeDescribedDrawing() throws IOException {
        JsonNode exercises = library().get("exercises");
        assertThat(exercises).hasSize(12);
        Set<String> files = new HashSet<>();
        for (JsonNode exercise : exercises) {
            String slug = exercise.get("slug").asText();
            JsonNode illustration = exercise.get("illustration");
            assertThat(illustration).as(slug + " has an illustration").isNotNull();
            String file = illustration.path("file").asText();
            assertThat(file).as(slug).isEqualTo("illustrations/" + slug + ".svg");
            String alt = illustration.path("alt").asText();
            assertThat(alt.strip()).as(slug + " alt").isNotEmpty();
            assertThat(alt).as(slug + " alt").hasSizeLessThanOrEqualTo(MAX_ALT);

            byte[] svg;
            // Read as the seeder's classpath sees it: the file is packaged, not only in the source tree.
            try (InputStream in = SeedIllustrationsTest.class.getResourceAsStream("/seed/" + file)) {
                assertThat(in).as(file + " is on the classpath").isNotNull();
                svg = in.readAllBytes();
            }
            assertThat(problems(svg, alt)).as(file).isEmpty();
            files.add(file.substring("illustrations/".length()));
        }
        // No drawing that no exercise points at (a renamed slug would otherwise leave a stale picture behind).
        try (Stream<Path> shipped = Files.list(ILLUSTRATIONS)) {
            assertThat(shipped.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(files);
        }
    }

    @Test
    void theChecksRefuseWhatTheyLookFor() {
        // Guards the test above: a check that passed everything would pass the shipped drawings too.
        String ok = """
                <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 50" role="img">\
                <title>T</title><desc>A line.</desc><path d="M0 0 L10 10" stroke="currentColor"/></svg>""";
        assertThat(problems(bytes(ok), "A line.")).isEmpty();
        assertThat(problems(bytes(ok), "Another text.")).containsExactly("desc differs from the alt text");
        assertThat(problems(bytes(ok.replace("<path", "<script>alert(1)</script><path")), "A line."))
                .containsExactly("element script");
        assertThat(problems(bytes(ok.replace("<path", "<path onclick=\"alert(1)\"")), "A line."))
                .containsExactly("attribute onclick on path");
        assertThat(problems(bytes(ok.replace("<path", "<image href=\"https://example.org/x.png\"/><path")),
                "A line.")).containsExactly("element image", "attribute href on image");
        assertThat(problems(bytes(ok.replace("<path", "<foreignObject><p>x</p></foreignObject><path")), "A line."))
                .contains("element foreignObject");
        assertThat(problems(bytes(ok.replace("stroke=\"currentColor\"", "fill=\"url(https://example.org/#p)\"")),
                "A line.")).containsExactly("external reference in fill on path");
        assertThat(problems(bytes(ok.replace(" viewBox=\"0 0 100 50\"", "")), "A line.")).containsExactly("viewBox");
        assertThat(problems(bytes(ok.replace("<title>T</title>", "")), "A line.")).containsExactly("title");
        assertThat(problems(bytes("<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + ok.replace("A line.", "&x;")), "A line.")).singleElement().asString().startsWith("not plain XML");
        assertThat(problems(bytes(ok.replace("A line.</desc>", "A line.</desc>" + "<g/>".repeat(6000))), "A line."))
                .containsExactly("larger than 20 KB");
    }

    /** What is wrong with a drawing; empty when nothing is. */
    static List<String> problems(byte[] svg, String alt) {
        List<String> problems = new ArrayList<>();
        if (svg.length > MAX_BYTES) {
            problems.add("larger than 20 KB");
        }
        Document document;
        try {
            document = hardenedParser().parse(new ByteArrayInputStream(svg));
        } catch (SAXException | IOException e) {
            problems.add("not plain XML: " + e.getMessage());
            return problems;
        }
        Element root = document.getDocumentElement();
        if (!"svg".equals(root.getLocalName()) || !SVG_NS.equals(root.getNamespaceURI())) {
            problems.add("root is not an SVG element");
        }
        if (!VIEW_BOX.matcher(root.getAttribute("viewBox")).matches()) {
            problems.add("viewBox");
        }
        if (!"img".equals(root.getAttribute("role"))) {
            problems.add("role");
        }
        String title = childText(root, "title");
        String desc = childText(root, "desc");
        if (title == null || title.isBlank()) {
            problems.add("title");
        }
        if (desc == null || desc.isBlank()) {
            problems.add("desc");
        } else if (!desc.strip().equals(alt.strip())) {
            // The drawing describes itself in the same words the page's alt text uses.
            problems.add("desc differs from the alt text");
        }
        NodeList all = document.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            String name = element.getLocalName();
            if (!SVG_NS.equals(element.getNamespaceURI()) || !ALLOWED_ELEMENTS.contains(name)) {
                problems.add("element " + name);
            }
            NamedNodeMap attributes = element.getAttributes();
            for (int a = 0; a < attributes.getLength(); a++) {
                Attr attribute = (Attr) attributes.item(a);
                String attributeName = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
                String value = attribute.getValue().toLowerCase(Locale.ROOT);
                if (attributeName.toLowerCase(Locale.ROOT).startsWith("on") || attributeName.equals("href")
                        || attributeName.equals("style")) {
                    problems.add("attribute " + attributeName + " on " + name);
                } else if (value.contains("url(") || value.contains("javascript:") || value.contains("data:")) {
                    problems.add("external reference in " + attributeName + " on " + name);
                } else if (attributeName.equals("font-family") && !value.equals("sans-serif")) {
                    problems.add("font " + value);
                }
            }
        }
        return problems;
    }

    private static String childText(Element parent, String localName) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && localName.equals(element.getLocalName())) {
                return element.getTextContent();
            }
        }
        return null;
    }

    /** No DTD, no external entities, no XInclude: a drawing is read as data and nothing else. */
    private static DocumentBuilder hardenedParser() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // fails on fatal errors, prints nothing
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode library() throws IOException {
        try (InputStream in = SeedIllustrationsTest.class.getResourceAsStream("/seed/library.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
