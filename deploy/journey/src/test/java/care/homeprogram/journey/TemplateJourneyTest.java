package care.homeprogram.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A template saved from a plan is used for another patient, in the real portal: tara builds a plan for one new patient
 * from the clinic's back-spasm template with a dose of her own, saves it as her template, builds the next patient's
 * plan from that template in the builder's picker (her dose comes with it) and assigns it; that patient signs in for
 * the first time and sees the items on Today. axe-core checks each new page at 1280 px and 360 px.
 */
@ExtendWith(ScreenshotsOnFailure.class)
class TemplateJourneyTest {
    private static final String TEMPORARY = "Temporary-Pass-2026";

    private final String portal = PortalBrowser.portalUrl();

    @AfterEach
    void closeBrowsers() {
        Chromium.quitAll();
    }

    @Test
    void taraSavesAPlanAsHerTemplateAndBuildsTheNextPatientsPlanFromItWhoThenSeesItOnToday() {
        // Fresh patients of tara's, screened without flags, so the demo patients stay as the other journeys expect.
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String first = JourneyPlans.newScreenedPatient("tpl-a-" + suffix, "Alma", "First " + suffix, TEMPORARY);
        String secondUsername = "tpl-b-" + suffix;
        String second = JourneyPlans.newScreenedPatient(secondUsername, "Bert", "Second " + suffix, TEMPORARY);
        String template = "Tara's back spasm " + suffix;

        PortalBrowser tara = new PortalBrowser(portal, 1280, 900).signIn("tara");
        tara.open("/patients/" + first + "/plans/new");
        assertThat(tara.heading()).isEqualTo("Build a plan for Alma First " + suffix);
        Accessibility.assertNoSeriousViolationsOnce(tara, "plan builder's template picker");
        tara.click(By.partialLinkText("Use “Acute back spasm — 4 weeks”"));
        WebElement tilt = tara.find(By.xpath("//fieldset[legend[normalize-space()='Pelvic tilt']]"));
        tara.type(tilt.findElement(By.name("reps")), "7");
        tara.submit(By.cssSelector("button[value=preview]"));
        tara.submit(By.cssSelector("button[value=assign]"));
        assertThat(tara.text()).contains("The plan is assigned.").contains("7 reps, hold 5 s");

        tara.type(tara.find(By.id("template-name")), template);
        tara.submit(By.xpath("//button[normalize-space()='Save as template']"));
        assertThat(tara.path()).isEqualTo("/library");
        assertThat(tara.text()).contains("The plan is saved as your template");
        assertThat(tara.find(By.id("templates-heading")).findElement(By.xpath("..")).getText()).contains(template)
                .contains("Pelvic tilt").contains("Only you");
        Accessibility.assertNoSeriousViolationsOnce(tara, "therapist's library with a template");

        // The next patient's plan, from the builder's picker: tara's dose comes with her template.
        tara.open("/patients/" + second + "/plans/new");
        tara.click(By.linkText("Use “" + template + "”"));
        assertThat(tara.find(By.cssSelector("a[aria-current=true]")).getText()).isEqualTo("Use “" + template + "”");
        tilt = tara.find(By.xpath("//fieldset[legend[normalize-space()='Pelvic tilt']]"));
        assertThat(tilt.findElement(By.name("reps")).getAttribute("value")).isEqualTo("7");
        Accessibility.assertNoSeriousViolationsOnce(tara, "plan builder from the therapist's own template");
        tara.submit(By.cssSelector("button[value=preview]"));
        assertThat(tara.find(By.id("preview-heading")).getText())
                .isEqualTo("Preview: what Bert Second " + suffix + " will see");
        tara.submit(By.cssSelector("button[value=assign]"));
        assertThat(tara.path()).isEqualTo("/patients/" + second);
        assertThat(tara.text()).contains("The plan is assigned.").contains("7 reps, hold 5 s");

        // The second patient signs in for the first time (choosing a password) and finds the items on Today.
        PortalBrowser patient = new PortalBrowser(portal, 360, 800).signIn(secondUsername, TEMPORARY,
                "Bert-Chooses-2026-" + suffix);
        patient.open("/today");
        assertThat(patient.heading()).isEqualTo("Today");
        assertThat(patient.find(By.xpath("//li[h2[normalize-space()='Pelvic tilt']]")).getText())
                .contains("7 reps, hold 5 s");
        assertThat(patient.text()).contains("Walking").contains("Belly breathing (90-90)");
        Accessibility.assertNoSeriousViolationsOnce(patient, "patient's Today");
    }
}
