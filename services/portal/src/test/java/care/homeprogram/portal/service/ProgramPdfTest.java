package care.homeprogram.portal.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import care.homeprogram.contract.Language;
import care.homeprogram.testing.PdfText;
import care.homeprogram.portal.client.Dose;
import care.homeprogram.portal.client.Plan;
import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The printed program, read back from the PDF as text. */
class ProgramPdfTest {

    @Test
    void theProgramListsEachItemWithDoseInstructionsAndCautionsAndTheDisclaimer() throws Exception {
        Plan plan = new Plan(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "ACTIVE", 2,
                LocalDate.of(2026, 11, 23), OffsetDateTime.now(), OffsetDateTime.now(), List.of(
                        item("Pelvic tilt", new Dose(1, 8, 5, null, 2, List.of(DayOfWeek.values()), 2),
                                List.of("Lie on your back with your knees bent.", "Flatten your lower back."),
                                List.of("Should not increase your pain.")),
                        item("Walking", new Dose(null, null, null, 300, 2, List.of(DayOfWeek.MONDAY,
                                DayOfWeek.WEDNESDAY), 2), null, null)),
                null, null, null, null);

        byte[] pdf = ProgramPdf.render(EnglishMessages.WORDS, Language.EN, "Riverside Physio", "Pat Morgan", List.of(plan),
                java.util.Map.of());

        String text = PdfText.of(pdf);
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        assertThat(text).contains("Riverside Physio").contains("Home program for Pat Morgan")
                .contains("Pelvic tilt").contains("Dose: 8 reps, hold 5 s · 2 times a day · every day · 2 weeks")
                .contains("Lie on your back with your knees bent.").contains("Should not increase your pain.")
                .contains("Walking").contains("5 min · 2 times a day · Mon, Wed · 2 weeks")
                .contains("Your home program comes from your therapist")
                .contains("In an emergency call your local emergency number.");
    }

    @Test
    void withoutAProgramThePdfSaysSo() throws Exception {
        assertThat(PdfText.of(ProgramPdf.render(EnglishMessages.WORDS, Language.EN, "Riverside Physio", "Pat Morgan",
                List.of(), java.util.Map.of())))
                .contains("You have no active program at the moment.");
    }

    @Test
    void anItemsPicturesArePrintedAsImagesWithTheirAltTextAndAPictureThatCannotBeDrawnAsItsAltText()
            throws Exception {
        Plan.Item withPhoto = item("Wall reach", new Dose(1, 8, null, null, 1, List.of(DayOfWeek.MONDAY), 2),
                List.of("Stand by a wall."), null);
        Plan.Item withDrawing = item("Bird dog", new Dose(1, 8, null, null, 1, List.of(DayOfWeek.MONDAY), 2),
                List.of("Kneel on all fours."), null);
        Plan plan = new Plan(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "ACTIVE", 2,
                LocalDate.of(2026, 11, 23), OffsetDateTime.now(), OffsetDateTime.now(), List.of(withPhoto, withDrawing),
                null, null, null, null);
        byte[] svg = Files.readAllBytes(SEED_DRAWINGS.resolve("bird-dog.svg"));
        Map<UUID, List<ProgramPdf.Picture>> pictures = Map.of(
                withPhoto.exerciseId(), List.of(
                        new ProgramPdf.Picture("Standing by a wall, arms up", "image/png", false, png(400, 300)),
                        new ProgramPdf.Picture("Seen from the side", "image/webp", false,
                                "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1)),
                        new ProgramPdf.Picture("Tara reaches up and lowers her arms", "video/mp4", true, null)),
                withDrawing.exerciseId(), List.of(
                        new ProgramPdf.Picture("On hands and knees, one arm and the opposite leg reaching out",
                                "image/svg+xml", false, svg)));

        byte[] pdf = ProgramPdf.render(EnglishMessages.WORDS, Language.EN, "Riverside Physio", "Pat Morgan", List.of(plan),
                pictures);

        assertThat(PdfText.of(pdf)).contains("Picture: Standing by a wall, arms up")
                .contains("Picture: On hands and knees, one arm and the opposite leg reaching out")
                .contains("Picture (it cannot be printed): Seen from the side")
                .contains("Video (watch it on your Today page in the portal): Tara reaches up and lowers her arms");
        // on the page: the photo as an image, the drawing as vector graphics (a form XObject), fitted to the box
        Map<String, PdfDictionary> placed = xObjects(pdf);
        assertThat(placed.values()).anySatisfy(x -> {
            assertThat(x.get(PdfName.SUBTYPE)).isEqualTo(PdfName.IMAGE);
            assertThat(x.getAsNumber(PdfName.WIDTH).intValue()).isEqualTo(400);
        });
        assertThat(placed.values()).anySatisfy(x -> {
            assertThat(x.get(PdfName.SUBTYPE)).isEqualTo(PdfName.FORM);
            PdfArray box = x.getAsArray(PdfName.BBOX);
            assertThat(box.getAsNumber(2).floatValue()).isEqualTo(700f); // bird-dog.svg is 700 × 230
        });
    }

    @Test
    void everyShippedDrawingCanBeDrawn() throws Exception {
        List<Path> drawings;
        try (var files = Files.list(SEED_DRAWINGS)) {
            drawings = files.filter(f -> f.toString().endsWith(".svg")).sorted().toList();
        }
        assertThat(drawings).hasSizeGreaterThanOrEqualTo(12);
        for (Path drawing : drawings) {
            byte[] svg = Files.readAllBytes(drawing);
            assertThat(SvgDrawing.read(svg).width()).as(drawing.toString()).isPositive();
            Plan.Item item = item("X", null, null, null);
            byte[] pdf = ProgramPdf.render(EnglishMessages.WORDS, Language.EN, "Riverside Physio", "Pat Morgan",
                    List.of(new Plan(UUID.randomUUID(),
                    UUID.randomUUID(), UUID.randomUUID(), "ACTIVE", 1, LocalDate.of(2026, 11, 23), OffsetDateTime.now(),
                    OffsetDateTime.now(), List.of(item), null, null, null, null)), Map.of(item.exerciseId(),
                    List.of(new ProgramPdf.Picture("A drawing", "image/svg+xml", false, svg))));
            assertThat(PdfText.of(pdf)).as(drawing.toString()).contains("Picture: A drawing")
                    .doesNotContain("cannot be printed");
            assertThat(xObjects(pdf).values()).as(drawing.toString())
                    .anySatisfy(x -> assertThat(x.get(PdfName.SUBTYPE)).isEqualTo(PdfName.FORM));
        }
        // a file that is not an SVG drawing is refused, never half drawn
        assertThatThrownBy(() -> SvgDrawing.read("<html/>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(SvgDrawing.Unreadable.class);
        assertThatThrownBy(() -> SvgDrawing.read(("<!DOCTYPE svg [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\">&x;</svg>")
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(SvgDrawing.Unreadable.class);
    }

    /** The drawings plan-service ships with its seeded library (the same files the patients see). */
    private static final Path SEED_DRAWINGS = Path.of("..", "plans", "src", "main", "resources", "seed",
            "illustrations");

    private static byte[] png(int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.drawLine(10, 10, width - 10, height - 10);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** Every XObject placed on the PDF's pages, by its name. */
    private static Map<String, PdfDictionary> xObjects(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        try {
            Map<String, PdfDictionary> found = new HashMap<>();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                PdfDictionary resources = reader.getPageN(page).getAsDict(PdfName.RESOURCES);
                PdfDictionary xObjects = resources == null ? null : resources.getAsDict(PdfName.XOBJECT);
                if (xObjects == null) {
                    continue;
                }
                for (PdfName name : xObjects.getKeys()) {
                    PdfObject object = PdfReader.getPdfObject(xObjects.get(name));
                    if (object instanceof PdfDictionary dictionary) {
                        found.put(page + "/" + name, dictionary);
                    }
                }
            }
            return found;
        } finally {
            reader.close();
        }
    }

    private static Plan.Item item(String name, Dose dose, List<String> instructions, List<String> cautions) {
        return new Plan.Item(UUID.randomUUID(), UUID.randomUUID(), name, "ACTIVE", null, 1, dose, null, false, null,
                instructions, cautions, null, null);
    }

}
