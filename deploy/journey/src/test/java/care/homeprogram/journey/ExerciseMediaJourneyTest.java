package care.homeprogram.journey;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import care.homeprogram.local.Service;
import care.homeprogram.testing.Tokens;
import io.restassured.http.ContentType;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue #13 in the real portal and services: tara creates an exercise of her own, adds a picture (with its alt text)
 * and a short video (with its caption) on its media page with plain file forms, and gives it to a new patient of
 * hers; the patient sees the picture on Today (loaded, not only named) and on the exercise's own page with the video
 * element, whose source answers a range request with 206; theo (another therapist) and sam (another patient) get
 * 404 for those media. axe-core checks the library, the media page, Today and the exercise page at 1280 and 360 px.
 */
@ExtendWith(ScreenshotsOnFailure.class)
class ExerciseMediaJourneyTest {
    private final String portal = PortalBrowser.portalUrl();

    @AfterEach
    void closeBrowsers() {
        Chromium.quitAll();
    }

    @Test
    void aTherapistsPictureAndVideoReachHerPatientAndNobodyElse() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String exercise = "Wall reach " + suffix;
        String alt = "Standing by a wall, both arms reaching up along it";
        String caption = "Tara stands by the wall, slides both arms up slowly, holds, and lowers them";

        // tara creates the exercise in the portal
        PortalBrowser tara = new PortalBrowser(portal, 1280, 900).signIn("tara");
        tara.open("/library");
        tara.click(By.linkText("Create an exercise"));
        tara.type(tara.find(By.id("name")), exercise);
        tara.type(tara.find(By.id("summary")), "Reach up along a wall");
        tara.type(tara.find(By.id("instructions")), "Stand facing a wall\nSlide both arms up slowly");
        tara.type(tara.find(By.id("cautions")), "Stop if it hurts");
        tara.type(tara.find(By.id("whySafe")), "A small, supported movement");
        tara.submit(By.xpath("//button[normalize-space()='Save exercise']"));
        assertThat(tara.text()).contains("The exercise is saved").contains(exercise);
        Accessibility.assertNoSeriousViolations(tara);

        // its picture and video, with the file forms
        tara.click(By.xpath("//a[normalize-space()='Pictures and video of " + exercise + "']"));
        assertThat(tara.heading()).isEqualTo("Pictures and video of “" + exercise + "”");
        Accessibility.assertNoSeriousViolations(tara);
        Path files = Files.createTempDirectory("journey-media");
        Path png = Files.write(files.resolve("wall-reach.png"), png());
        Path mp4 = Files.write(files.resolve("wall-reach.mp4"), mp4(64 * 1024));
        tara.find(By.id("image")).sendKeys(png.toString());
        tara.type(tara.find(By.id("alt")), alt);
        tara.submit(By.xpath("//button[normalize-space()='Add the picture']"));
        assertThat(tara.text()).contains("The picture is added").contains("Alt text: " + alt);
        tara.find(By.id("video")).sendKeys(mp4.toString());
        tara.type(tara.find(By.id("caption")), caption);
        tara.submit(By.xpath("//button[normalize-space()='Add the video']"));
        assertThat(tara.text()).contains("The video is saved").contains(caption);
        Accessibility.assertNoSeriousViolations(tara);
        tara.open("/library");
        assertThat(tara.find(By.xpath("//img[@alt='" + alt + "']")).isDisplayed()).isTrue();
        Accessibility.assertNoSeriousViolations(tara);

        // a new patient of tara's gets a plan with it
        String plans = RunningPlatform.get().url(Service.PLANS);
        String taraToken = Tokens.accessToken("tara");
        String exerciseId = given().baseUri(plans).auth().oauth2(taraToken).get("/api/exercises").then()
                .statusCode(200).extract().path("items.find { it.name == '" + exercise + "' }.id");
        String username = "media-" + suffix;
        String temporary = "Temporary-" + suffix + "-pw";
        String patientId = given().baseUri(RunningPlatform.get().url(Service.PATIENTS)).auth().oauth2(taraToken)
                .contentType(ContentType.JSON).body(Map.of("username", username, "email", username
                        + "@demo.homeprogram.test", "firstName", "Mia", "lastName", "Reach " + suffix, "birthDate",
                        "1975-06-07", "timeZone", "Europe/Berlin", "password", temporary, "temporaryPassword", true))
                .post("/api/patients").then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(60)).until(() -> given().baseUri(plans).auth().oauth2(taraToken)
                .get("/api/plans?patientId=" + patientId).statusCode() == 200);
        // the intake screen first (the plan is held until it is recorded), then tara's sign-off of its one flag
        given().baseUri(RunningPlatform.get().url(Service.PATIENTS)).auth().oauth2(taraToken)
                .contentType(ContentType.JSON).body("{\"ageAtFirstOnset\": 60}")
                .put("/api/patients/" + patientId + "/intake").then().statusCode(200);
        given().baseUri(plans).auth().oauth2(taraToken).contentType(ContentType.JSON)
                .body("{\"patientId\": \"" + patientId + "\", \"intakeSignOff\": true, \"items\": [{\"exerciseId\": \""
                        + exerciseId + "\", \"startWeek\": 1, \"dose\": {\"sets\": 2, \"reps\": 8, \"timesPerDay\": 1, "
                        + "\"daysOfWeek\": [\"MONDAY\", \"TUESDAY\", \"WEDNESDAY\", \"THURSDAY\", \"FRIDAY\", "
                        + "\"SATURDAY\", \"SUNDAY\"], \"weeks\": 4}}]}")
                .post("/api/plans").then().statusCode(201);

        // the patient, on a phone: the picture on Today, loaded
        PortalBrowser patient = new PortalBrowser(portal, 360, 800).signIn(username, temporary,
                "Chosen-" + suffix + "-pw");
        patient.open("/today");
        WebElement picture = patient.find(By.xpath("//img[@alt='" + alt + "']"));
        patient.waitFor(d -> (Boolean) patient.driver.executeScript(
                "return arguments[0].complete && arguments[0].naturalWidth > 0", picture));
        String pictureSrc = URI.create(picture.getAttribute("src")).getPath();
        WebElement video = patient.find(By.cssSelector("video[aria-describedby]"));
        String videoSrc = URI.create(video.getAttribute("src")).getPath();
        assertThat(patient.text()).contains(caption);
        assertThat(scrollsSideways(patient)).as("Today fits the phone window with a 480 px picture").isFalse();
        Accessibility.assertNoSeriousViolations(patient);
        patient.screenshotForReadme("patient-today-pictures-phone", 1300);

        // the exercise's own page: the picture and the video with its caption
        patient.click(By.partialLinkText("Open " + exercise + " on its own page"));
        assertThat(patient.heading()).isEqualTo(exercise);
        WebElement large = patient.find(By.xpath("//img[@alt='" + alt + "']"));
        patient.waitFor(d -> (Boolean) patient.driver.executeScript(
                "return arguments[0].complete && arguments[0].naturalWidth > 0", large));
        assertThat(patient.find(By.cssSelector("video")).getAttribute("src")).endsWith(videoSrc);
        assertThat(patient.find(By.cssSelector("figcaption")).getText()).isEqualTo(caption);
        assertThat(scrollsSideways(patient)).as("the exercise page fits the phone window").isFalse();
        Accessibility.assertNoSeriousViolations(patient);

        // the video's source answers a range request, as a player asks it
        HttpResponse<byte[]> part = get(patient, videoSrc, Map.of("Range", "bytes=0-99"));
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).hasSize(100);
        assertThat(new String(part.body(), 4, 4, StandardCharsets.ISO_8859_1)).isEqualTo("ftyp");
        assertThat(part.headers().firstValue("Content-Range")).hasValueSatisfying(r -> assertThat(r)
                .startsWith("bytes 0-99/"));

        // nobody else sees them: another therapist, another patient
        PortalBrowser theo = new PortalBrowser(portal, 1280, 900).signIn("theo");
        PortalBrowser sam = new PortalBrowser(portal, 1280, 900).signIn("sam");
        for (PortalBrowser other : new PortalBrowser[] {theo, sam}) {
            assertThat(get(other, pictureSrc, Map.of()).statusCode()).isEqualTo(404);
            assertThat(get(other, videoSrc, Map.of("Range", "bytes=0-99")).statusCode()).isEqualTo(404);
        }
        assertThat(get(patient, pictureSrc, Map.of()).statusCode()).isEqualTo(200);
    }

    /** Whether the page is wider than the window (WCAG 1.4.10: no sideways scrolling at 320 CSS px and up). */
    private static boolean scrollsSideways(PortalBrowser browser) {
        return (Boolean) browser.driver.executeScript(
                "return document.documentElement.scrollWidth > window.innerWidth");
    }

    /** A request as the person's browser makes it (their session cookie), read by the test itself. */
    private HttpResponse<byte[]> get(PortalBrowser browser, String path, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(portal + path))
                .timeout(Duration.ofSeconds(30)).header("Cookie", browser.cookieHeader()).GET();
        headers.forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** A small line drawing of a person reaching up a wall, as a PNG. */
    private static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(480, 320, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 480, 320);
        g.setColor(new Color(0x1f5c99));
        g.setStroke(new BasicStroke(8, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.drawLine(300, 20, 300, 300); // the wall
        g.drawOval(235, 80, 40, 40); // head
        g.drawLine(255, 120, 255, 210); // body
        g.drawLine(255, 130, 290, 40); // arms up the wall
        g.drawLine(255, 130, 285, 35);
        g.drawLine(255, 210, 235, 300); // legs
        g.drawLine(255, 210, 275, 300);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** The smallest MP4 plan-service takes: an ftyp (brand isom), a moov with a movie header, and the media data. */
    private static byte[] mp4(int mediaBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(box("ftyp", "isom".getBytes(StandardCharsets.ISO_8859_1), new byte[] {0, 0, 2, 0},
                "isomiso2mp41".getBytes(StandardCharsets.ISO_8859_1)));
        out.writeBytes(box("moov", box("mvhd", new byte[100])));
        byte[] data = new byte[mediaBytes];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31);
        }
        out.writeBytes(box("mdat", data));
        return out.toByteArray();
    }

    private static byte[] box(String type, byte[]... contents) {
        int size = 8;
        for (byte[] c : contents) {
            size += c.length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) (size >>> 24), (byte) (size >>> 16), (byte) (size >>> 8), (byte) size});
        out.writeBytes(type.getBytes(StandardCharsets.ISO_8859_1));
        for (byte[] c : contents) {
            out.writeBytes(c);
        }
        return out.toByteArray();
    }
}
