package care.homeprogram.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * Remote therapeutic monitoring (RTM, issue #14) in the real portal against the real plan-service: tara opens a new
 * patient's "Remote monitoring" page from the patient page, records the patient's verbal consent and the setup and
 * education (98975), starts the timer and stops it after a video call, enters 25 minutes afterwards with a note, and
 * the month's summary proposes 98980 (20 minutes or more with a real-time interactive communication) with the note that
 * nothing is billed automatically; the clinic ledger of the month lists the patient with 98980 and its CSV download
 * carries the patient's row. axe-core checks each new page at 1280 px and 360 px.
 *
 * <p>The month is the clinic's (UTC unless {@code homeprogram.portal.clinic-zone} and plan-service's
 * {@code homeprogram.rtm.zone} say otherwise): run a minute before midnight on a month's last day, the manual entry
 * (today) and the summary shown could fall in different months.
 */
@ExtendWith(ScreenshotsOnFailure.class)
class RtmJourneyTest {
    private static final String TEMPORARY = "Temporary-Pass-2026";

    private final String portal = PortalBrowser.portalUrl();

    @AfterEach
    void closeBrowsers() {
        Chromium.quitAll();
    }

    @Test
    void taraRecordsConsentSetupAndTimeSeesTheMonthPropose98980AndDownloadsTheLedger() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String lastName = "Monitored " + suffix;
        String patientId = JourneyPlans.newScreenedPatient("rtm-" + suffix, "Rita", lastName, TEMPORARY);

        PortalBrowser tara = new PortalBrowser(portal, 1280, 900).signIn("tara");
        tara.open("/patients/" + patientId);
        assertThat(tara.find(By.id("rtm")).getText()).contains("Remote monitoring (RTM)");
        tara.click(By.linkText("Open remote monitoring"));
        assertThat(tara.path()).isEqualTo("/patients/" + patientId + "/rtm");
        assertThat(tara.heading()).isEqualTo("Remote monitoring (RTM): Rita " + lastName);
        assertThat(tara.find(By.id("consent")).getText()).contains("Not recorded");
        Accessibility.assertNoSeriousViolationsOnce(tara, "RTM page without consent");

        // consent, then the setup and education
        tara.click(By.cssSelector("input[name=method][value=VERBAL]"));
        tara.type(tara.find(By.id("consentNote")), "Agreed at the first visit");
        tara.submit(By.xpath("//button[normalize-space()='Record consent']"));
        assertThat(tara.text()).contains("The patient's consent to remote monitoring is recorded.");
        assertThat(tara.find(By.id("consent")).getText()).contains("Verbal consent recorded on")
                .contains("Agreed at the first visit");
        tara.submit(By.xpath("//button[normalize-space()='Record setup and education']"));
        assertThat(tara.find(By.id("setup")).getText()).contains("Setup and education (98975) recorded on");

        // the timer: started, running since when, stopped after a call
        tara.submit(By.xpath("//button[normalize-space()='Start the timer']"));
        assertThat(tara.find(By.id("timer")).getText()).contains("Running").contains("running since");
        Accessibility.assertNoSeriousViolationsOnce(tara, "RTM page with a running timer");
        tara.click(By.id("interactive"));
        tara.type(tara.find(By.id("stopNote")), "Video call about the exercises");
        tara.submit(By.xpath("//button[normalize-space()='Stop the timer']"));
        assertThat(tara.text()).contains("The timer is stopped");
        assertThat(tara.find(By.id("timer")).getText()).contains("Start the timer");

        // time entered afterwards: 25 minutes today, with a call
        tara.type(tara.find(By.id("minutes")), "25");
        tara.click(By.id("timeInteractive"));
        tara.type(tara.find(By.id("timeNote")), "Reviewed the session log and called the patient");
        tara.submit(By.xpath("//button[normalize-space()='Record the time']"));
        assertThat(tara.text()).contains("The time is recorded.");
        String month = tara.find(By.id("month")).getText();
        assertThat(month).contains("98980").contains("Reviewed the session log and called the patient")
                .contains("Video call about the exercises")
                .contains("Nothing is billed automatically");
        Accessibility.assertNoSeriousViolationsOnce(tara, "RTM page with the month's proposed codes");

        // the clinic ledger of the month, from the menu, and its CSV
        tara.click(By.linkText("RTM ledger"));
        assertThat(tara.path()).isEqualTo("/rtm/ledger");
        assertThat(tara.heading()).startsWith("Remote monitoring (RTM) ledger");
        // one row per proposed code: the patient's rows are the set-up (98975) and the management time (98980)
        assertThat(tara.driver.findElements(By.xpath("//tr[th[normalize-space()='Rita " + lastName + "']]")))
                .extracting(row -> row.getText())
                .anySatisfy(row -> assertThat(row).contains("98975"))
                .anySatisfy(row -> assertThat(row).contains("98980").contains("Yes"));
        Accessibility.assertNoSeriousViolationsOnce(tara, "RTM ledger");
        String thisMonth = YearMonth.now(ZoneOffset.UTC).toString();
        HttpResponse<byte[]> csv = tara.download("/rtm/ledger.csv?month=" + thisMonth);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
        assertThat(new String(csv.body(), StandardCharsets.UTF_8)).contains(patientId).contains("98980");
        HttpResponse<byte[]> pdf = tara.download("/rtm/ledger.pdf?month=" + thisMonth);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }
}
