package care.homeprogram.portal.service;

import static org.assertj.core.api.Assertions.assertThat;

import care.homeprogram.portal.client.Dose;
import care.homeprogram.portal.client.Plan;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
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

        byte[] pdf = ProgramPdf.render("Riverside Physio", "Pat Morgan", List.of(plan));

        String text = text(pdf);
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
        assertThat(text(ProgramPdf.render("Riverside Physio", "Pat Morgan", List.of())))
                .contains("You have no active program at the moment.");
    }

    private static Plan.Item item(String name, Dose dose, List<String> instructions, List<String> cautions) {
        return new Plan.Item(UUID.randomUUID(), UUID.randomUUID(), name, "ACTIVE", null, 1, dose, null, false, null,
                instructions, cautions, null, null);
    }

    private static String text(byte[] pdf) throws Exception {
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
