package care.homeprogram.journey;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Issue #13 in the real portal and services: tara creates an exercise of her own, adds a picture (with its alt text)
 * and a short video (a real WebM clip, with its caption) on its media page with plain file forms, and builds a new
 * patient's plan with it in the portal's plan builder, picking it from the library with the keyboard alone (Tab,
 * Space, Enter), then previews and assigns the plan. The patient sees the picture on Today (loaded, not only named)
 * and on the exercise's own page, where the video plays (its time advances after play()) and its source answers a
 * range request with 206; theo (another therapist) and sam (another patient) get 404 for those media. axe-core checks
 * every page visited (library, media page, builder, preview, patient page, Today, exercise page) at 1280 and 360 px.
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
        Path webm = Files.write(files.resolve("wall-reach.webm"), recordedWebm(tara));
        tara.find(By.id("image")).sendKeys(png.toString());
        tara.type(tara.find(By.id("alt")), alt);
        tara.submit(By.xpath("//button[normalize-space()='Add the picture']"));
        assertThat(tara.text()).contains("The picture is added").contains("Alt text: " + alt);
        tara.find(By.id("video")).sendKeys(webm.toString());
        tara.type(tara.find(By.id("caption")), caption);
        tara.submit(By.xpath("//button[normalize-space()='Add the video']"));
        assertThat(tara.text()).contains("The video is saved").contains(caption);
        Accessibility.assertNoSeriousViolations(tara);
        tara.open("/library");
        assertThat(tara.find(By.xpath("//img[@alt='" + alt + "']")).isDisplayed()).isTrue();
        Accessibility.assertNoSeriousViolations(tara);

        // a new patient of tara's (screened, no flags); tara builds the plan in the portal's builder
        String username = "media-" + suffix;
        String temporary = "Temporary-" + suffix + "-pw";
        String patientId = JourneyPlans.newScreenedPatient(username, "Mia", "Reach " + suffix, temporary);
        tara.open("/patients/" + patientId + "/plans/new");
        assertThat(tara.heading()).isEqualTo("Build a plan for Mia Reach " + suffix);
        Accessibility.assertNoSeriousViolations(tara);

        // keyboard only: Tab from the top of the page to the new exercise in the library, Space ticks it, Tab to
        // "Update the list", Enter; each stop shows where the focus is
        By newExercise = By.xpath("//details[contains(@class, 'library')]//label[strong[normalize-space()='"
                + exercise + "']]/input[@name='add']");
        WebElement pick = tara.tabTo(newExercise, 400);
        assertThat(tara.focusIsVisible()).as("the focused library checkbox shows its focus").isTrue();
        tara.press(Keys.SPACE);
        assertThat(pick.isSelected()).as("Space ticks the focused checkbox").isTrue();
        tara.tabTo(By.cssSelector("button[value=update]"), 400);
        assertThat(tara.focusIsVisible()).as("the focused button shows its focus").isTrue();
        tara.pressForNextPage(Keys.ENTER);
        WebElement row = tara.find(By.xpath("//fieldset[legend[normalize-space()='" + exercise + "']]"));
        assertThat(row.findElement(By.name("reps")).getAttribute("value")).isEqualTo("8");
        tara.type(row.findElement(By.name("sets")), "2");
        Accessibility.assertNoSeriousViolations(tara);

        tara.submitSafeToRepeat(By.cssSelector("button[value=preview]"));
        assertThat(tara.find(By.id("preview-heading")).findElement(By.xpath("..")).getText())
                .contains("Preview: what Mia Reach " + suffix + " will see").contains(exercise)
                .contains("2 sets of 8 reps");
        Accessibility.assertNoSeriousViolations(tara);
        tara.submit(By.cssSelector("button[value=assign]"));
        assertThat(tara.path()).isEqualTo("/patients/" + patientId);
        assertThat(tara.text()).contains("The plan is assigned.").contains(exercise);
        Accessibility.assertNoSeriousViolations(tara);

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

        // the video plays in the patient's browser: it loads, and its time advances after play()
        WebElement player = patient.find(By.cssSelector("video"));
        // muted, as a page may start only a muted video without a tap (the recording has no sound anyway)
        Object started = patient.driver.executeAsyncScript("const video = arguments[0];"
                + " const done = arguments[arguments.length - 1]; video.muted = true;"
                + " video.play().then(() => done('playing'), e => done(e.name + ': ' + e.message));", player);
        assertThat(started).as("play() on the exercise page's video").isEqualTo("playing");
        patient.waitFor(d -> (Boolean) patient.driver.executeScript("const video = arguments[0];"
                + " return video.error === null && video.readyState >= 2 && video.currentTime > 0.5", player));

        // the video's source answers a range request, as a player asks it
        HttpResponse<byte[]> part = get(patient, videoSrc, Map.of("Range", "bytes=0-99"));
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).hasSize(100);
        assertThat(Arrays.copyOf(part.body(), 4)).as("the WebM (EBML) signature")
                .isEqualTo(new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3});
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

    /**
     * A real, playable two-second WebM video (VP8), recorded in the therapist's browser from a canvas with a square
     * moving across it, as a phone records a clip: no binary file in the repository, no encoder on the machine.
     */
    private static byte[] recordedWebm(PortalBrowser browser) {
        browser.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        String base64 = (String) browser.driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const canvas = document.createElement('canvas');
                canvas.width = 160;
                canvas.height = 120;
                document.body.appendChild(canvas);
                const g = canvas.getContext('2d');
                let frame = 0;
                const draw = () => {
                  g.fillStyle = '#ffffff';
                  g.fillRect(0, 0, 160, 120);
                  g.fillStyle = '#1f5c99';
                  g.fillRect((frame * 4) % 140, 50, 20, 20);
                  frame++;
                };
                draw();
                const timer = setInterval(draw, 40);
                const type = ['video/webm;codecs=vp8', 'video/webm'].find(t => MediaRecorder.isTypeSupported(t));
                const recorder = new MediaRecorder(canvas.captureStream(25), { mimeType: type });
                const chunks = [];
                recorder.ondataavailable = e => { if (e.data.size > 0) chunks.push(e.data); };
                recorder.onstop = () => {
                  clearInterval(timer);
                  canvas.remove();
                  const reader = new FileReader();
                  reader.onload = () => done(reader.result.substring(reader.result.indexOf(',') + 1));
                  reader.readAsDataURL(new Blob(chunks, { type: 'video/webm' }));
                };
                recorder.start(500);
                setTimeout(() => recorder.stop(), 2000);
                """);
        byte[] video = Base64.getDecoder().decode(base64);
        assertThat(video.length).as("the recorded video's size").isGreaterThan(1000);
        return video;
    }
}
