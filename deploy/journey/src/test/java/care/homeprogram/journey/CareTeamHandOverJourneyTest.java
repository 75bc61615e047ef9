package care.homeprogram.journey;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import care.homeprogram.local.Service;
import care.homeprogram.testing.Tokens;
import io.restassured.http.ContentType;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * An admin hands a patient over in the real portal: ada finds a patient of tara's, picks theo and asks for the
 * hand-over; the page says it waits for tara (an admin alone never gives anyone access to a record, docs/security.md);
 * theo cannot see the patient yet; tara confirms on her care-team requests page; then theo has the patient and tara
 * gets the not-found page. axe-core checks every new page at 1280 px and 360 px.
 */
@ExtendWith(ScreenshotsOnFailure.class)
class CareTeamHandOverJourneyTest {
    private final String portal = PortalBrowser.portalUrl();

    @AfterEach
    void closeBrowsers() {
        Chromium.quitAll();
    }

    @Test
    void adaHandsAPatientOverFromTaraToTheoWhoGetsItOnceTaraConfirmsAndTaraLosesAccess() {
        // tara's new patient (fresh, so the demo patients' care teams stay as the other journeys expect them)
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String username = "handover-" + suffix;
        String lastName = "Dover " + suffix;
        String patientId = given().baseUri(RunningPlatform.get().url(Service.PATIENTS))
                .auth().oauth2(Tokens.accessToken("tara")).contentType(ContentType.JSON)
                .body(Map.of("username", username, "email", username + "@demo.homeprogram.test", "firstName", "Hana",
                        "lastName", lastName, "birthDate", "1971-03-04", "timeZone", "Europe/Berlin",
                        "temporaryPassword", true))
                .post("/api/patients").then().statusCode(201).extract().path("id");
        String name = "Hana " + lastName;

        PortalBrowser ada = new PortalBrowser(portal, 1280, 900).signIn("ada");
        ada.click(By.linkText("Care teams"));
        Accessibility.assertNoSeriousViolations(ada);
        ada.type(ada.find(By.id("q")), suffix);
        ada.submit(By.xpath("//button[normalize-space()='Search']"));
        ada.click(By.linkText("Care team of " + name));
        assertThat(ada.heading()).isEqualTo("Care team of " + name);
        assertThat(ada.find(By.id("care-team")).getText()).contains("Tara Lindqvist");
        ada.type(ada.find(By.id("tq")), "Okafor");
        ada.submit(By.xpath("//button[normalize-space()='Find therapists']"));
        Accessibility.assertNoSeriousViolations(ada);
        ada.click(By.linkText("Hand over from Tara Lindqvist to Theo Okafor"));
        assertThat(ada.heading()).isEqualTo("Hand over " + name);
        assertThat(ada.text()).contains("Theo Okafor gets access to the patient's record only when Tara Lindqvist "
                + "confirms");
        Accessibility.assertNoSeriousViolations(ada);
        ada.submit(By.xpath("//button[normalize-space()='Request this change']"));
        assertThat(ada.text()).contains("The change is requested.")
                .contains("Waiting for Tara Lindqvist's confirmation");
        assertThat(ada.find(By.id("care-team")).getText()).as("nothing changed yet").contains("Tara Lindqvist")
                .doesNotContain("Theo Okafor");
        Accessibility.assertNoSeriousViolations(ada);

        // theo, who would gain access, neither sees the patient nor decides the request
        PortalBrowser theo = new PortalBrowser(portal, 1280, 900).signIn("theo");
        theo.open("/patients/" + patientId);
        assertThat(theo.heading()).isEqualTo("We could not find that");
        theo.open("/care-team-requests");
        assertThat(theo.text()).doesNotContain(name);

        // tara, on a phone, confirms
        PortalBrowser tara = new PortalBrowser(portal, 360, 800).signIn("tara");
        tara.click(By.xpath("//nav//a[normalize-space()='Care-team requests']"));
        String request = "//li[h2[normalize-space()='" + name + "']]";
        assertThat(tara.find(By.xpath(request)).getText()).contains("Theo Okafor would join the care team.")
                .contains("You would leave it");
        Accessibility.assertNoSeriousViolations(tara);
        tara.submit(By.xpath(request + "//button[normalize-space()='Confirm the change for " + name + "']"));
        assertThat(tara.text()).contains("Confirmed: the patient is handed over and is no longer in your care.")
                .doesNotContain(name);
        Accessibility.assertNoSeriousViolations(tara);

        tara.open("/patients/" + patientId);
        assertThat(tara.heading()).isEqualTo("We could not find that");
        theo.open("/patients/" + patientId);
        assertThat(theo.text()).contains(name);
        ada.open("/admin/care-teams/" + patientId);
        assertThat(ada.find(By.id("care-team")).getText()).contains("Theo Okafor").doesNotContain("Tara Lindqvist");
        assertThat(ada.text()).doesNotContain("Waiting for");
    }
}
