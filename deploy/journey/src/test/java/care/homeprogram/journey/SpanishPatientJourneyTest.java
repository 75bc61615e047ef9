package care.homeprogram.journey;

import static org.assertj.core.api.Assertions.assertThat;

import care.homeprogram.testing.PdfText;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue #15 in the real portal: a patient whose record says Spanish, in a browser that asks for English (the
 * journeys' Chromium sends en-GB), signs in for the first time on a phone and reads everything in Spanish: Today with
 * the library's words as plan-service has them in Spanish, the exercise's own page, the answer after logging a
 * session, the emergency answer after a red flag in the check-in, and the printed program. Then she switches to
 * German on Reminders and the next pages are German. Every page declares its language in {@code <html lang>} and is
 * checked with axe-core at 1280 px and 360 px.
 */
@ExtendWith(ScreenshotsOnFailure.class)
class SpanishPatientJourneyTest {
    private static final String PELVIC_TILT = "Basculación pélvica";

    private final String portal = PortalBrowser.portalUrl();

    @AfterEach
    void closeBrowsers() {
        Chromium.quitAll();
    }

    @Test
    void aSpanishPatientReadsTodayAnExerciseHerSessionsAnswerTheEmergencyGuidanceAndThePdfInSpanish()
            throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String username = "lucia-" + suffix;
        String name = "Lucía Serrano" + suffix;
        String temporary = "Bienvenida-2026-Clinic";
        String patientId = JourneyPlans.newScreenedPatient(username, "Lucía", "Serrano" + suffix, temporary, "es");
        JourneyPlans.assignAcute(RunningPlatform.get(), "tara", UUID.fromString(patientId));

        PortalBrowser lucia = new PortalBrowser(portal, 390, 844).signIn(username, temporary, "Lucia-Elige-2026-Pw");
        assertThat(lucia.path()).isEqualTo("/today");
        assertThat(lucia.language()).isEqualTo("es");
        assertThat(lucia.heading()).isEqualTo("Hoy");
        assertThat(lucia.text()).contains("Ha iniciado sesión como " + name).contains("Control de seguridad")
                .contains("Imprimir mi programa (PDF)").doesNotContain("Today").doesNotContain("Signed in as");
        WebElement tilt = lucia.find(By.xpath("//li[contains(@class,'due')][h2[normalize-space()='" + PELVIC_TILT
                + "']]"));
        // the library's own words, as plan-service has them in Spanish, around the portal's
        assertThat(tilt.getText()).contains("5 repeticiones, mantener 5 s").contains("2 veces hoy")
                .contains("hecho 0 de 2").contains("Cómo hacerlo")
                .contains("Túmbese boca arriba con las rodillas dobladas, los pies apoyados y los brazos a los lados.")
                .contains("Precauciones").contains("Registrar esta sesión");
        assertThat(lucia.text()).contains("Caminar").contains("Faja térmica o ducha caliente")
                .doesNotContain("Pelvic tilt").doesNotContain("Walking");
        Accessibility.assertNoSeriousViolationsOnce(lucia, "patient's Today in Spanish");

        lucia.submit(By.partialLinkText("Abrir " + PELVIC_TILT + " en su propia página"));
        assertThat(lucia.language()).isEqualTo("es");
        assertThat(lucia.heading()).isEqualTo(PELVIC_TILT);
        assertThat(lucia.text()).contains("5 repeticiones, mantener 5 s · 2 veces al día · todos los días · 2 semanas")
                .contains("Cómo hacerlo").contains("Por qué es seguro")
                .contains("La basculación pélvica activa con suavidad").contains("Volver a hoy");
        Accessibility.assertNoSeriousViolationsOnce(lucia, "exercise page in Spanish");

        lucia.submit(By.linkText("Volver a hoy"));
        tilt = lucia.find(By.xpath("//li[contains(@class,'due')][h2[normalize-space()='" + PELVIC_TILT + "']]"));
        tilt.findElement(By.xpath(".//summary[normalize-space()='Registrar esta sesión']")).click();
        lucia.slide(tilt.findElement(By.name("painBefore")), 2);
        lucia.slide(tilt.findElement(By.name("painAfter")), 2);
        lucia.submit(By.xpath("//li[@id='" + tilt.getAttribute("id")
                + "']//button[normalize-space()='Registrar la sesión']"));

        assertThat(lucia.language()).isEqualTo("es");
        assertThat(lucia.heading()).isEqualTo("Continúe");
        // plan-service's guidance in the patient's language, and the portal's reason
        assertThat(lucia.text()).contains("Su dolor se mantuvo en 2 sobre 10").contains("Por qué")
                .contains("Su dolor se mantuvo en la zona verde.").contains("Volver a hoy").contains("Mi historial")
                .doesNotContain("Keep going").doesNotContain("green zone");
        Accessibility.assertNoSeriousViolationsOnce(lucia, "session outcome: continue, in Spanish");

        // the printed program, as the browser would save it
        HttpResponse<byte[]> pdf = lucia.download("/me/program.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Language")).hasValue("es");
        assertThat(PdfText.of(pdf.body())).contains("Programa en casa de " + name).contains(PELVIC_TILT)
                .contains("Dosis: 5 repeticiones, mantener 5 s").contains("Cómo hacerlo:")
                .contains("Túmbese boca arriba con las rodillas dobladas").contains("Por qué es seguro:")
                .contains("No sustituye el consejo médico.")
                .doesNotContain("Home program for").doesNotContain("How to do it").doesNotContain("Pelvic tilt");

        lucia.open("/today");
        lucia.submit(By.linkText("¿Ha cambiado algo? Control de seguridad"));
        assertThat(lucia.language()).isEqualTo("es");
        assertThat(lucia.heading()).isEqualTo("Control de seguridad");
        assertThat(lucia.text()).contains("¿Tiene alguno de estos síntomas?")
                .contains("Adormecimiento alrededor de los genitales, las nalgas o la cara interna de los muslos");
        Accessibility.assertNoSeriousViolationsOnce(lucia, "red-flag check-in in Spanish");
        WebElement saddle = lucia.find(By.cssSelector("input[name=yes][value=SADDLE_NUMBNESS]"));
        lucia.driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", saddle);
        saddle.click();
        lucia.submit(By.xpath("//form//button[normalize-space()='Enviar mis respuestas']"));

        assertThat(lucia.language()).isEqualTo("es");
        assertThat(lucia.heading()).isEqualTo("Pida ayuda urgente ahora");
        assertThat(lucia.find(By.cssSelector(".decision--emergency")).getAttribute("role")).isEqualTo("alert");
        assertThat(lucia.text()).contains("Busque ayuda de urgencia ahora") // plan-service's guidance
                .contains("Llame ahora a su número local de emergencias")
                .contains("Adormecimiento alrededor de los genitales, las nalgas o la cara interna de los muslos.")
                .contains("Se ha avisado a su fisioterapeuta.")
                .contains("Su programa está en pausa hasta que su fisioterapeuta se ponga en contacto con usted.")
                .doesNotContain("Get emergency help now").doesNotContain("emergency department");
        Accessibility.assertNoSeriousViolationsOnce(lucia, "check-in outcome: emergency, in Spanish");

        // she switches to German on Reminders: the next page is German (the portal's own words; plan-service may
        // keep her Spanish library words for up to a minute, docs/portal.md "Languages")
        lucia.submit(By.xpath("//nav//a[normalize-space()='Recordatorios']"));
        assertThat(lucia.heading()).isEqualTo("Ajustes de recordatorios");
        new Select(lucia.find(By.id("language-choice"))).selectByValue("de");
        lucia.submit(By.xpath("//form[@id='language']//button[normalize-space()='Cambiar el idioma']"));
        assertThat(lucia.language()).isEqualTo("de");
        assertThat(lucia.heading()).isEqualTo("Einstellungen für Erinnerungen");
        assertThat(lucia.text()).contains("Ihre Sprache ist gespeichert.").contains("Angemeldet als " + name);
        Accessibility.assertNoSeriousViolationsOnce(lucia, "reminder settings in German");
        lucia.open("/today");
        assertThat(lucia.language()).isEqualTo("de");
        assertThat(lucia.heading()).isEqualTo("Heute");
        assertThat(lucia.text()).contains("Ihr Programm ist pausiert.").doesNotContain("Su programa está en pausa");
    }
}
