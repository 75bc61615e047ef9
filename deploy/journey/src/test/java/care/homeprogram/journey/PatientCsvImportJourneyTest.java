package care.homeprogram.journey;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import care.homeprogram.local.Service;
import care.homeprogram.testing.Mailbox;
import care.homeprogram.testing.Tokens;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue #13 item 5 in the real portal: ada invites patients from a CSV file into theo's care. She reaches the form
 * from her menu and fills it by keyboard alone (Tab to each labelled control, the therapist chosen by typing, Enter
 * on "Preview"); the dry run marks the good rows ready and names the bad email and the repeated email, and
 * patient-service still has none of them; "Create" makes the good rows' patients, and a row whose username is taken
 * comes back with patient-service's refusal; each created row says its set-password email was sent, and it is in the
 * patient's mailbox on the stack's mail server; the new patients are in the admin's care-team search, in theo's care.
 * axe-core checks the upload form, the preview and the result at 1280 px and 360 px.
 */
@ExtendWith(ScreenshotsOnFailure.class)
class PatientCsvImportJourneyTest {
    private final String portal = PortalBrowser.portalUrl();

    @AfterEach
    void closeBrowsers() {
        Chromium.quitAll();
    }

    @Test
    void adaInvitesTheGoodRowsOfACsvFileIntoTheosCareAfterADryRunThatNamesTheBadRows() throws IOException {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String carla = "Carla Import" + suffix;
        String diego = "Diego Import" + suffix;
        // line 2 and 3 good; 4 a bad email; 5 carla's email again; 6 good in the file, but "tara" is taken
        Path csv = Files.createTempFile("invite-", ".csv");
        Files.writeString(csv, String.join("\n",
                "firstName,lastName,email,birthDate,timeZone,username",
                "Carla,Import" + suffix + ",carla." + suffix + "@demo.homeprogram.test,1984-02-03,Europe/Madrid,"
                        + "csv-carla-" + suffix,
                "Diego,Import" + suffix + ",diego." + suffix + "@demo.homeprogram.test,1979-11-30,Europe/Berlin,",
                "Bad,Import" + suffix + ",not-an-email,1980-01-01,Europe/Berlin,csv-bad-" + suffix,
                "Twice,Import" + suffix + ",carla." + suffix + "@demo.homeprogram.test,1981-05-06,Europe/Berlin,"
                        + "csv-twice-" + suffix,
                "Taken,Import" + suffix + ",taken." + suffix + "@demo.homeprogram.test,1990-07-08,Europe/Berlin,tara",
                ""));

        PortalBrowser ada = new PortalBrowser(portal, 1280, 900).signIn("ada");
        ada.submit(By.xpath("//nav//a[normalize-space()='Invite from CSV']"));
        assertThat(ada.heading()).isEqualTo("Invite patients from a CSV file");
        Accessibility.assertNoSeriousViolationsOnce(ada, "admin's CSV import form");

        // by keyboard alone, from the top of the new page: every control is in the tab order and named by its label
        WebElement therapist = ada.tabTo(By.id("therapistId"), 40);
        assertThat(therapist.getAccessibleName()).isEqualTo("Therapist whose care the patients join");
        ada.press("theo"); // a closed list box picks the option whose text starts with what is typed
        assertThat(new Select(therapist).getFirstSelectedOption().getText()).isEqualTo("Theo Okafor (theo)");
        WebElement file = ada.tabTo(By.id("file"), 3);
        assertThat(file.getAccessibleName()).isEqualTo("CSV file");
        file.sendKeys(csv.toAbsolutePath().toString()); // a file is chosen in the system's dialog, out of reach
        ada.tabTo(By.xpath("//form//button[normalize-space()='Preview']"), 3);
        assertThat(ada.focusIsVisible()).as("the focused Preview button shows the focus").isTrue();
        ada.pressForNextPage(Keys.ENTER);

        assertThat(ada.heading()).isEqualTo("Preview: invite patients");
        assertThat(ada.find(By.id("import-summary")).getText()).isEqualTo("3 rows are ready to create; 2 rows have "
                + "problems and will be left out. Nothing is created yet.");
        assertThat(ada.find(By.id("import-care-of")).getText())
                .isEqualTo("Each patient will join the care of Theo Okafor.");
        assertThat(row(ada, 2)).contains(carla).contains("Ready");
        assertThat(row(ada, 3)).contains(diego).contains("diego." + suffix).contains("Ready");
        assertThat(row(ada, 4)).contains("email: must be an email address").doesNotContain("Ready");
        assertThat(row(ada, 5)).contains("email: the same email is on an earlier row").doesNotContain("Ready");
        assertThat(row(ada, 6)).contains("Ready");
        // a dry run: patient-service has none of them yet
        given().baseUri(RunningPlatform.get().url(Service.PATIENTS)).auth().oauth2(Tokens.accessToken("ada"))
                .get("/api/patients?q=" + suffix).then().statusCode(200).body("total", equalTo(0));
        Accessibility.assertNoSeriousViolationsOnce(ada, "admin's CSV import preview with row errors");

        By create = By.xpath("//form//button[normalize-space()='Create 3 patients']");
        assertThat(ada.find(create).getAccessibleName()).isEqualTo("Create 3 patients");
        ada.tabTo(create, 40);
        ada.pressForNextPage(Keys.ENTER);

        assertThat(ada.heading()).isEqualTo("Patients invited");
        assertThat(ada.find(By.id("import-result")).getText()).isEqualTo("2 patients are created; 3 rows were not.");
        assertThat(row(ada, 2)).contains("Created; set-password email sent.");
        assertThat(row(ada, 3)).contains("Created; set-password email sent.");
        // the launcher points the realm's mail at the stack's mail server: the invite really arrived
        assertThat(Mailbox.messagesFor("carla." + suffix + "@demo.homeprogram.test")).singleElement()
                .satisfies(mail -> assertThat(mail.body()).contains("login-actions/action-token?key="));
        assertThat(row(ada, 4)).contains("Not created: email: must be an email address");
        assertThat(row(ada, 6)).as("patient-service's refusal of a taken username").contains("Not created:")
                .doesNotContain("Created;");
        Accessibility.assertNoSeriousViolationsOnce(ada, "admin's CSV import result");

        ada.submit(By.linkText("Go to the care teams"));
        ada.type(ada.find(By.id("q")), suffix);
        ada.submit(By.xpath("//button[normalize-space()='Search']"));
        assertThat(ada.text()).contains("2 patients").contains(carla).contains(diego).doesNotContain("Taken Import")
                .doesNotContain("Bad Import").doesNotContain("Twice Import");
        ada.submit(By.linkText("Care team of " + carla));
        assertThat(ada.find(By.id("care-team")).getText()).contains("Theo Okafor").doesNotContain("Tara Lindqvist");
        Files.deleteIfExists(csv);
    }

    /** The text of the table row for one line of the file. */
    private static String row(PortalBrowser browser, int line) {
        return browser.find(By.xpath("//table[contains(@class,'import-rows')]//tr[th[normalize-space()='" + line
                + "']]")).getText();
    }
}
