package care.homeprogram.portal;

import static care.homeprogram.portal.OwnLibraryPlanService.OWN_EXERCISE;
import static care.homeprogram.portal.OwnLibraryPlanService.SEEDED_EXERCISE;
import static care.homeprogram.portal.OwnLibraryPlanService.THEOS_EXERCISE;
import static care.homeprogram.portal.OwnLibraryPlanService.writes;
import static org.assertj.core.api.Assertions.assertThat;

import care.homeprogram.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #13, item 1 in the portal: tara adds a picture (with its alt text) and a video (with its caption) to her own
 * exercise and removes them again, with plain multipart forms. The file reaches plan-service as sent (its bytes, its
 * declared type, the words in the query), plan-service's refusals (not a picture, an SVG it will not take, too large)
 * show on the page next to the form, never as an error page; only tara, for her own exercise, reaches the forms.
 * plan-service is a stand-in over HTTP ({@link OwnLibraryPlanService}) that keeps what it receives.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PORTAL"))
@QuarkusTestResource(value = OwnLibraryPlanService.class, restrictToAnnotatedClass = true)
class ExerciseMediaUploadTest {
    private static final String PICTURE = "c1000000-0000-4000-8000-000000000001";
    private static final String VIDEO = "c1000000-0000-4000-8000-000000000002";
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H',
            'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0};

    @TestHTTPResource("/")
    URL portal;

    @BeforeEach
    void nothingSentYet() {
        writes.clear();
        OwnLibraryPlanService.answer = null;
        OwnLibraryPlanService.lastUpload = null;
        OwnLibraryPlanService.media = """
                {"items":[{"id":"%s","exerciseId":"%s","kind":"IMAGE","contentType":"image/png","width":400,
                  "height":300,"description":"Standing by a wall, both arms reaching up"},
                 {"id":"%s","exerciseId":"%s","kind":"VIDEO","contentType":"video/mp4",
                  "description":"Tara reaches up the wall slowly and lowers her arms"}],"total":2}
                """.formatted(PICTURE, OWN_EXERCISE, VIDEO, OWN_EXERCISE);
    }

    @AfterEach
    void noMediaForTheOtherTests() {
        OwnLibraryPlanService.media = "{\"items\":[],\"total\":0}";
        OwnLibraryPlanService.answer = null;
    }

    @Test
    void theLibraryAndTheMediaPageListThePicturesWithAltTextAndTheVideoWithItsCaption() throws Exception {
        Browser tara = signedIn("tara");
        HttpResponse<String> library = tara.get(uri("/library"));
        assertThat(library.statusCode()).isEqualTo(200);
        assertThat(library.body()).contains("href=\"/library/exercises/" + OWN_EXERCISE + "/media\"")
                .contains("<img src=\"/media/" + PICTURE + "\" alt=\"Standing by a wall, both arms reaching up\"");

        HttpResponse<String> page = tara.get(uri("/library/exercises/" + OWN_EXERCISE + "/media"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<img class=\"media-thumb\" src=\"/media/" + PICTURE
                        + "\" alt=\"Standing by a wall, both arms reaching up\" width=\"400\" height=\"300\"")
                .contains("<figcaption id=\"video-" + VIDEO
                        + "\">Tara reaches up the wall slowly and lowers her arms</figcaption>")
                .contains("action=\"/library/exercises/" + OWN_EXERCISE + "/media/images\" "
                        + "enctype=\"multipart/form-data\"")
                .contains("action=\"/library/exercises/" + OWN_EXERCISE + "/media/video\" "
                        + "enctype=\"multipart/form-data\"")
                .contains("href=\"/library/exercises/" + OWN_EXERCISE + "/media/" + PICTURE + "/remove\"")
                .contains("name=\"csrf-token\"");
        assertThat(writes).isEmpty();
    }

    @Test
    void aPictureGoesToPlanServiceAsSentWithItsAltTextAndTheVideoWithItsCaption() throws Exception {
        Browser tara = signedIn("tara");
        String token = Browser.csrfToken(tara.get(uri("/library/exercises/" + OWN_EXERCISE + "/media")).body());
        String alt = "Standing by a wall, both arms reaching up";
        HttpResponse<String> added = tara.postFile(uri("/library/exercises/" + OWN_EXERCISE + "/media/images"),
                Map.of("csrf-token", token, "alt", alt), "image", "wall.png", "image/png", PNG);
        assertThat(added.statusCode()).isEqualTo(303);
        assertThat(added.headers().firstValue("Location").orElseThrow())
                .endsWith("/library/exercises/" + OWN_EXERCISE + "/media?done=image-added");
        assertThat(writes).singleElement().asString().startsWith("POST /api/exercises/" + OWN_EXERCISE
                + "/images?alt=" + alt + " ");
        assertThat(OwnLibraryPlanService.lastUpload).isEqualTo(PNG);
        assertThat(OwnLibraryPlanService.lastUploadType).isEqualTo("image/png");
        assertThat(tara.get(uri("/library/exercises/" + OWN_EXERCISE + "/media?done=image-added")).body())
                .contains("The picture is added");

        writes.clear();
        byte[] video = new byte[300 * 1024]; // larger than any form's 128 KB: the upload routes take more
        video[4] = 'f';
        HttpResponse<String> set = tara.postFile(uri("/library/exercises/" + OWN_EXERCISE + "/media/video"),
                Map.of("csrf-token", token, "caption", "Reaching up & lowering"), "video", "reach.mp4",
                "video/mp4", video);
        assertThat(set.statusCode()).isEqualTo(303);
        assertThat(writes).singleElement().asString().startsWith("PUT /api/exercises/" + OWN_EXERCISE
                + "/video?caption=Reaching up & lowering ");
        assertThat(OwnLibraryPlanService.lastUpload).isEqualTo(video);
    }

    @Test
    void planServicesRefusalsShowOnThePageNextToTheFile() throws Exception {
        Browser tara = signedIn("tara");
        String token = Browser.csrfToken(tara.get(uri("/library/exercises/" + OWN_EXERCISE + "/media")).body());
        URI images = uri("/library/exercises/" + OWN_EXERCISE + "/media/images");
        Map<String, String> fields = Map.of("csrf-token", token, "alt", "A picture");

        // a renamed executable: plan-service reads the bytes and refuses the type
        OwnLibraryPlanService.answer = new PlanServiceStub.Answer(415, "{\"type\":\"https://homeprogram.care/"
                + "problems/unsupported-media-type\",\"title\":\"Unsupported media type\",\"status\":415,"
                + "\"detail\":\"The file is not a PNG, JPEG, WebP or SVG picture\"}");
        HttpResponse<String> wrongType = tara.postFile(images, fields, "image", "setup.png", "image/png",
                "MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(wrongType.body()).contains("<p class=\"field__error\" id=\"image-error\">The file is not a PNG, "
                + "JPEG, WebP or SVG picture</p>").contains("aria-invalid=\"true\"")
                .contains("<h2 id=\"errors-heading\">The file was not added</h2>").contains("value=\"A picture\"");

        // an SVG plan-service will not take
        OwnLibraryPlanService.answer = new PlanServiceStub.Answer(400, "{\"type\":\"https://homeprogram.care/"
                + "problems/unsafe-svg\",\"title\":\"Bad request\",\"status\":400,"
                + "\"detail\":\"The SVG refers to something outside itself\"}");
        HttpResponse<String> svg = tara.postFile(images, fields, "image", "x.svg", "image/svg+xml",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><image href=\"https://x.test/a.png\"/></svg>"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(svg.statusCode()).isEqualTo(400);
        assertThat(svg.body()).contains("The SVG refers to something outside itself");

        // too large: plan-service's 413 keeps its status and its words
        OwnLibraryPlanService.answer = new PlanServiceStub.Answer(413, "{\"type\":\"https://homeprogram.care/"
                + "problems/media-too-large\",\"title\":\"Media too large\",\"status\":413,"
                + "\"detail\":\"A picture may be at most 5242880 bytes\"}");
        HttpResponse<String> tooLarge = tara.postFile(images, fields, "image", "big.png", "image/png", PNG);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("A picture may be at most 5242880 bytes").doesNotContain("Exception");

        // the alt text plan-service names comes back next to its field
        OwnLibraryPlanService.answer = new PlanServiceStub.Answer(400, "{\"type\":\"https://homeprogram.care/"
                + "problems/validation\",\"title\":\"Bad request\",\"status\":400,\"detail\":\"Invalid\","
                + "\"errors\":[{\"field\":\"alt\",\"message\":\"size must be between 1 and 300\"}]}");
        HttpResponse<String> badAlt = tara.postFile(images, fields, "image", "a.png", "image/png", PNG);
        assertThat(badAlt.body()).contains("<p class=\"field__error\" id=\"alt-error\">size must be between 1 and "
                + "300</p>");
        assertThat(writes).hasSize(4);
    }

    @Test
    void withoutAltTextCaptionOrFileNothingIsSent() throws Exception {
        Browser tara = signedIn("tara");
        String token = Browser.csrfToken(tara.get(uri("/library/exercises/" + OWN_EXERCISE + "/media")).body());
        HttpResponse<String> noAlt = tara.postFile(uri("/library/exercises/" + OWN_EXERCISE + "/media/images"),
                Map.of("csrf-token", token, "alt", "  "), "image", "a.png", "image/png", PNG);
        assertThat(noAlt.statusCode()).isEqualTo(400);
        assertThat(noAlt.body()).contains("id=\"alt-error\">Describe what the picture shows");
        HttpResponse<String> noFile = tara.postFile(uri("/library/exercises/" + OWN_EXERCISE + "/media/video"),
                Map.of("csrf-token", token, "caption", "Reaching up"), "video", "", "application/octet-stream",
                new byte[0]);
        assertThat(noFile.statusCode()).isEqualTo(400);
        assertThat(noFile.body()).contains("id=\"video-error\">Choose a video file");
        HttpResponse<String> noCsrf = tara.postFile(uri("/library/exercises/" + OWN_EXERCISE + "/media/images"),
                Map.of("alt", "A picture"), "image", "a.png", "image/png", PNG);
        assertThat(noCsrf.statusCode()).isEqualTo(400);
        assertThat(writes).isEmpty();
    }

    @Test
    void aRemovalIsConfirmedFirstThenSentAsADelete() throws Exception {
        Browser tara = signedIn("tara");
        String remove = "/library/exercises/" + OWN_EXERCISE + "/media/" + PICTURE + "/remove";
        HttpResponse<String> confirm = tara.get(uri(remove));
        assertThat(confirm.statusCode()).isEqualTo(200);
        assertThat(confirm.body()).contains("Remove this picture from")
                .contains("alt=\"Standing by a wall, both arms reaching up\"").contains("action=\"" + remove + "\"");
        assertThat(writes).isEmpty();
        assertThat(tara.post(uri(remove), Map.of()).statusCode()).isEqualTo(400); // no CSRF token
        assertThat(writes).isEmpty();
        HttpResponse<String> removed = tara.post(uri(remove), Map.of("csrf-token", Browser.csrfToken(confirm.body())));
        assertThat(removed.statusCode()).isEqualTo(303);
        assertThat(removed.headers().firstValue("Location").orElseThrow())
                .endsWith("/library/exercises/" + OWN_EXERCISE + "/media?done=media-removed");
        assertThat(writes).singleElement().asString()
                .startsWith("DELETE /api/exercises/" + OWN_EXERCISE + "/media/" + PICTURE);
        // media that are not the exercise's: the 404 page
        assertThat(tara.get(uri("/library/exercises/" + OWN_EXERCISE + "/media/" + OWN_EXERCISE + "/remove"))
                .statusCode()).isEqualTo(404);
    }

    @Test
    void onlyTheOwningTherapistReachesTheForms() throws Exception {
        Browser tara = signedIn("tara");
        for (String other : new String[] {THEOS_EXERCISE, SEEDED_EXERCISE}) {
            assertThat(tara.get(uri("/library/exercises/" + other + "/media")).statusCode()).as(other)
                    .isEqualTo(404);
        }
        String token = Browser.csrfToken(tara.get(uri("/library/exercises/" + OWN_EXERCISE + "/media")).body());
        assertThat(tara.postFile(uri("/library/exercises/" + THEOS_EXERCISE + "/media/images"),
                Map.of("csrf-token", token, "alt", "x"), "image", "a.png", "image/png", PNG).statusCode())
                .isEqualTo(404);
        assertThat(tara.post(uri("/library/exercises/" + THEOS_EXERCISE + "/media/" + PICTURE + "/remove"),
                Map.of("csrf-token", token)).statusCode()).isEqualTo(404);
        for (String user : new String[] {"pat", "ada"}) {
            Browser other = signedIn(user);
            assertThat(other.get(uri("/library/exercises/" + OWN_EXERCISE + "/media")).statusCode()).as(user)
                    .isEqualTo(403);
            assertThat(other.get(uri("/library/exercises/" + OWN_EXERCISE + "/media/" + PICTURE + "/remove"))
                    .statusCode()).as(user).isEqualTo(403);
        }
        assertThat(writes).isEmpty();
    }

    @Test
    void aBodyOverTheFormCapIsRefusedBeforeItIsRead() throws Exception {
        Browser tara = signedIn("tara");
        String token = Browser.csrfToken(tara.get(uri("/library/exercises/new")).body());
        HttpResponse<String> tooBig = tara.post(uri("/library/exercises/new"),
                Map.of("csrf-token", token, "name", "x".repeat(200 * 1024)));
        assertThat(tooBig.statusCode()).isEqualTo(413);
        assertThat(tooBig.body()).contains("larger than any form");
        assertThat(writes).isEmpty();
    }

    private Browser signedIn(String user) throws Exception {
        Browser browser = new Browser();
        assertThat(browser.signIn(uri("/"), user).statusCode()).isEqualTo(200);
        return browser;
    }

    private URI uri(String path) {
        return URI.create(portal.toString()).resolve(path);
    }
}
