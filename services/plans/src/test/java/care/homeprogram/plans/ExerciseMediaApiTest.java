package care.homeprogram.plans;

import static care.homeprogram.testing.DemoUsers.POLLY;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import care.homeprogram.plans.domain.ExerciseMedia;
import care.homeprogram.testing.RealInfrastructure;
import care.homeprogram.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #13, item 1: pictures and a video per library entry, uploaded by the entry's owner, checked from their bytes,
 * stored in PostgreSQL and served with ranges and ETags to the people who may see the entry, and nobody else.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PLANS"))
class ExerciseMediaApiTest {
    private static final String DOSE = "{\"sets\": 1, \"reps\": 5, \"holdSeconds\": 5, \"timesPerDay\": 1, "
            + "\"daysOfWeek\": [\"MONDAY\", \"TUESDAY\", \"WEDNESDAY\", \"THURSDAY\", \"FRIDAY\", \"SATURDAY\", "
            + "\"SUNDAY\"], \"weeks\": 2}";

    @BeforeEach
    void careTeamsArrive() {
        PlanFixtures.demoCareTeamsArrived();
    }

    static String ownExercise(String therapist) {
        return given().auth().oauth2(Tokens.accessToken(therapist)).contentType(ContentType.JSON)
                .body("{\"name\": \"Wall slide " + UUID.randomUUID().toString().substring(0, 8) + "\", "
                        + "\"category\": \"MOVEMENT\", \"summary\": \"Slide the arms up a wall\", \"instructions\": "
                        + "[\"Slide both forearms slowly up the wall\"], \"cautions\": [\"Stop if it hurts.\"], "
                        + "\"whySafe\": \"A small, supported movement\", \"defaultDose\": " + DOSE + "}")
                .post("/api/exercises").then().statusCode(201).extract().path("id");
    }

    static Response uploadImage(String therapist, String exerciseId, byte[] bytes, String alt) {
        return given().auth().oauth2(Tokens.accessToken(therapist)).contentType("application/octet-stream")
                .queryParam("alt", alt).body(bytes).post("/api/exercises/" + exerciseId + "/images");
    }

    static Response uploadVideo(String therapist, String exerciseId, byte[] bytes, String caption) {
        return given().auth().oauth2(Tokens.accessToken(therapist)).contentType("video/mp4")
                .queryParam("caption", caption).body(bytes).put("/api/exercises/" + exerciseId + "/video");
    }

    static byte[] png(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(width * 31L + height);
        for (int x = 0; x < width; x++) {
            for (int y = 0; y < height; y++) {
                image.setRGB(x, y, random.nextInt());
            }
        }
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] box(String type, byte[]... content) {
        int size = 8 + Arrays.stream(content).mapToInt(c -> c.length).sum();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) (size >>> 24), (byte) (size >>> 16), (byte) (size >>> 8), (byte) size});
        out.writeBytes(type.getBytes(StandardCharsets.ISO_8859_1));
        for (byte[] c : content) {
            out.writeBytes(c);
        }
        return out.toByteArray();
    }

    /** An MP4's structure: ftyp, moov with a movie header, and a media data box larger than one stored chunk. */
    static byte[] mp4(int mediaBytes) {
        byte[] data = new byte[mediaBytes];
        new Random(mediaBytes).nextBytes(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(box("ftyp", "isom".getBytes(StandardCharsets.ISO_8859_1), new byte[] {0, 0, 2, 0},
                "isomiso2mp41".getBytes(StandardCharsets.ISO_8859_1)));
        out.writeBytes(box("moov", box("mvhd", new byte[100])));
        out.writeBytes(box("mdat", data));
        return out.toByteArray();
    }

    static byte[] resource(String name) {
        try (InputStream in = ExerciseMediaApiTest.class.getResourceAsStream("/media/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    static long mediaRows(String exerciseId) {
        return Db.read(() -> ExerciseMedia.count("exercise.id", UUID.fromString(exerciseId)));
    }

    static long chunkRows() {
        return Db.read(() -> ((Number) ExerciseMedia.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM exercise_media_chunk c WHERE NOT EXISTS "
                        + "(SELECT 1 FROM exercise_media m WHERE m.id = c.media_id)").getSingleResult()).longValue());
    }

    @Test
    void anImageIsStoredAsSentAndServedWholeInRangesAndByETag() throws Exception {
        String exerciseId = ownExercise("theo");
        byte[] picture = png(400, 300); // random pixels: larger than one stored chunk
        assertThat(picture.length).isGreaterThan(300 * 1024);
        Response created = uploadImage("theo", exerciseId, picture, "Arms against the wall, elbows bent");
        created.then().statusCode(201).body("contentType", equalTo("image/png")).body("width", equalTo(400))
                .body("height", equalTo(300)).body("sizeBytes", equalTo(picture.length))
                .body("sha256", equalTo(sha256(picture))).body("description",
                        equalTo("Arms against the wall, elbows bent"));
        String url = created.path("url");
        String theo = Tokens.accessToken("theo");

        Response whole = given().auth().oauth2(theo).get(url);
        whole.then().statusCode(200).contentType("image/png").header("ETag", "\"" + sha256(picture) + "\"")
                .header("Cache-Control", "private, max-age=31536000, immutable").header("Accept-Ranges", "bytes")
                .header("X-Content-Type-Options", "nosniff");
        assertThat(whole.asByteArray()).isEqualTo(picture);

        // a range across the boundary of two stored chunks
        int from = 256 * 1024 - 10;
        Response part = given().auth().oauth2(theo).header("Range", "bytes=" + from + "-" + (from + 99)).get(url);
        part.then().statusCode(206).header("Content-Range", "bytes " + from + "-" + (from + 99) + "/" + picture.length)
                .header("Content-Length", "100");
        assertThat(part.asByteArray()).isEqualTo(Arrays.copyOfRange(picture, from, from + 100));
        Response tail = given().auth().oauth2(theo).header("Range", "bytes=-16").get(url);
        tail.then().statusCode(206);
        assertThat(tail.asByteArray()).isEqualTo(Arrays.copyOfRange(picture, picture.length - 16, picture.length));
        given().auth().oauth2(theo).header("Range", "bytes=" + picture.length + "-").get(url).then().statusCode(416)
                .header("Content-Range", "bytes */" + picture.length).contentType("application/problem+json");

        given().auth().oauth2(theo).header("If-None-Match", "\"" + sha256(picture) + "\"").get(url).then()
                .statusCode(304).header("ETag", "\"" + sha256(picture) + "\"");
        given().auth().oauth2(theo).header("If-None-Match", "\"" + sha256(new byte[1]) + "\"").get(url).then()
                .statusCode(200);

        given().auth().oauth2(theo).get("/api/exercises/" + exerciseId + "/media").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].url", equalTo(url));
        String mediaId = created.path("id");
        given().auth().oauth2(theo).delete("/api/exercises/" + exerciseId + "/media/" + mediaId).then()
                .statusCode(204);
        given().auth().oauth2(theo).get(url).then().statusCode(404);
        assertThat(mediaRows(exerciseId)).isZero();
        assertThat(chunkRows()).as("the chunks went with their media").isZero();
    }

    @Test
    void aVideoIsCheckedAsAContainerAndAnEntryHasOne() throws Exception {
        String exerciseId = ownExercise("theo");
        byte[] first = mp4(600 * 1024);
        Response created = uploadVideo("theo", exerciseId, first, "The therapist slides both arms up the wall");
        created.then().statusCode(201).body("contentType", equalTo("video/mp4")).body("kind", equalTo("VIDEO"));
        Response part = given().auth().oauth2(Tokens.accessToken("theo")).header("Range", "bytes=0-1")
                .get((String) created.path("url"));
        part.then().statusCode(206).contentType("video/mp4");
        assertThat(part.asByteArray()).isEqualTo(Arrays.copyOf(first, 2));

        byte[] second = mp4(1000);
        uploadVideo("theo", exerciseId, second, "Shorter").then().statusCode(201);
        given().auth().oauth2(Tokens.accessToken("theo")).get("/api/exercises/" + exerciseId + "/media").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].sha256", equalTo(sha256(second)));

        // cut after the header: the boxes do not add up to the file
        byte[] cut = Arrays.copyOf(mp4(5000), 3000);
        uploadVideo("theo", exerciseId, cut, "Cut").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://homeprogram.care/problems/invalid-media"));
        // a WebM: EBML header of document type "webm", then the segment
        byte[] webm = new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, (byte) 0x87, 0x42, (byte) 0x82, (byte) 0x84,
            'w', 'e', 'b', 'm', 0x18, 0x53, (byte) 0x80, 0x67, 0x01, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF,
            (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0, 0, 0, 0};
        uploadVideo("theo", exerciseId, webm, "WebM").then().statusCode(201).body("contentType",
                equalTo("video/webm"));
        // a picture is not a video, whatever its declared type
        uploadVideo("theo", exerciseId, png(10, 10), "Not a video").then().statusCode(415);
        uploadVideo("theo", exerciseId, first, " ").then().statusCode(400);
    }

    @Test
    void aRenamedExecutableIsRefusedWhateverItsNameAndType() {
        String exerciseId = ownExercise("theo");
        byte[] elf = new byte[4096];
        System.arraycopy(new byte[] {0x7F, 'E', 'L', 'F', 2, 1, 1}, 0, elf, 0, 7);
        byte[] exe = new byte[4096];
        exe[0] = 'M';
        exe[1] = 'Z';
        for (byte[] program : new byte[][] {elf, exe}) {
            given().auth().oauth2(Tokens.accessToken("theo")).contentType("image/png")
                    .header("Content-Disposition", "attachment; filename=\"bird-dog.png\"").queryParam("alt", "x")
                    .body(program).post("/api/exercises/" + exerciseId + "/images").then().statusCode(415)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://homeprogram.care/problems/unsupported-media-type"));
        }
        // an image's header is read: a picture claiming absurd dimensions is refused
        byte[] huge = png(2, 2);
        huge[16] = 0x00;
        huge[17] = 0x01; // width 65536+
        uploadImage("theo", exerciseId, huge, "x").then().statusCode(400)
                .body("type", equalTo("https://homeprogram.care/problems/image-too-large"));
        uploadImage("theo", exerciseId, png(2, 2), "").then().statusCode(400);
        assertThat(mediaRows(exerciseId)).isZero();
    }

    @Test
    void anSvgIsStoredCleanedAndOneThatCouldRunOrFetchAnythingIsRefused() {
        String exerciseId = ownExercise("theo");
        for (String unsafe : new String[] {"script.svg", "onload.svg", "foreign-object.svg", "external-image.svg",
            "css-import.svg", "entities.svg", "xxe.svg"}) {
            uploadImage("theo", exerciseId, resource(unsafe), "x").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://homeprogram.care/problems/unsafe-svg"))
                    .body("detail", not(containsString("root:"))); // nothing of /etc/passwd
        }
        assertThat(mediaRows(exerciseId)).isZero();

        Response created = uploadImage("theo", exerciseId, resource("clean-drawing.svg"), "A figure on all fours");
        created.then().statusCode(201).body("contentType", equalTo("image/svg+xml"));
        Response served = given().auth().oauth2(Tokens.accessToken("theo")).get((String) created.path("url"));
        served.then().statusCode(200).contentType("image/svg+xml")
                .header("Content-Security-Policy", containsString("default-src 'none'"));
        String svg = served.asString();
        assertThat(svg).contains("<circle", "xlink:href=\"#limb\"", "<title>Bird-dog, start position</title>")
                .doesNotContain("namedview", "inkscape:label", "<!--");
    }

    @Test
    void anOversizedUploadIsRefusedWith413AndNothingIsStored() throws Exception {
        String exerciseId = ownExercise("theo");
        byte[] tooBig = new byte[5 * 1024 * 1024 + 1];
        byte[] header = png(2, 2);
        System.arraycopy(header, 0, tooBig, 0, header.length);
        // a declared length over the route's limit: refused before a byte is read
        uploadImage("theo", exerciseId, tooBig, "x").then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("https://homeprogram.care/problems/body-too-large"));
        // no declared length (chunked): refused while it is read
        HttpResponse<String> chunked = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + RestAssured.port + "/api/exercises/" + exerciseId + "/images?alt=x"))
                .header("Authorization", "Bearer " + Tokens.accessToken("theo"))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(tooBig)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
        // every other route keeps the service's 128 KB cap
        given().auth().oauth2(Tokens.accessToken("theo")).contentType(ContentType.JSON)
                .body("{\"name\": \"" + "x".repeat(200 * 1024) + "\"}").post("/api/exercises").then().statusCode(413);
        assertThat(mediaRows(exerciseId)).isZero();
    }

    @Test
    void aTruncatedUploadStoresNothing() throws Exception {
        String exerciseId = ownExercise("theo");
        byte[] picture = png(300, 300);
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/exercises/" + exerciseId + "/images?alt=cut HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + Tokens.accessToken("theo") + "\r\n"
                    + "Content-Type: application/octet-stream\r\nContent-Length: " + (picture.length + 50_000)
                    + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(picture); // a whole picture, but less than was announced: the client goes away
            out.flush();
        }
        // Nothing may appear, now or once the server has noticed the closed connection.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(mediaRows(exerciseId)).isZero());
        assertThat(chunkRows()).isZero();
        uploadImage("theo", exerciseId, picture, "whole").then().statusCode(201);
        assertThat(mediaRows(exerciseId)).isEqualTo(1);
    }

    @Test
    void mediaAreSeenOnlyByThoseWhoMaySeeTheEntry() {
        String exerciseId = ownExercise("theo");
        String url = uploadImage("theo", exerciseId, png(20, 20), "A wall slide").then().statusCode(201).extract()
                .path("url");
        // theo's patient sees it once a plan of hers has the entry; tara's patient and tara never do
        given().auth().oauth2(Tokens.accessToken("polly")).get(url).then().statusCode(404);
        PlanFixtures.assign("theo", POLLY, "{\"patientId\": \"$PATIENT\", \"items\": [{\"exerciseId\": \""
                + exerciseId + "\", \"dose\": " + DOSE + "}]}").statusCode(201);
        given().auth().oauth2(Tokens.accessToken("polly")).get(url).then().statusCode(200);
        given().auth().oauth2(Tokens.accessToken("polly")).get("/api/exercises/" + exerciseId + "/media").then()
                .statusCode(200).body("items[0].description", equalTo("A wall slide"));
        for (String outsider : new String[] {"pat", "tara"}) {
            given().auth().oauth2(Tokens.accessToken(outsider)).get(url).then().statusCode(404)
                    .contentType("application/problem+json");
            given().auth().oauth2(Tokens.accessToken(outsider)).get("/api/exercises/" + exerciseId + "/media")
                    .then().statusCode(404);
        }
        // only the owner adds or removes; another therapist's entry is as unknown as a made-up one
        uploadImage("tara", exerciseId, png(20, 20), "mine now").then().statusCode(404);
        String mediaId = url.substring(url.lastIndexOf('/') + 1);
        given().auth().oauth2(Tokens.accessToken("tara")).delete("/api/exercises/" + exerciseId + "/media/" + mediaId)
                .then().statusCode(404);
        uploadImage("tara", UUID.randomUUID().toString(), png(20, 20), "x").then().statusCode(404);
        uploadImage("tara", PlanFixtures.exerciseId("bird-dog"), png(20, 20), "x").then().statusCode(403);
        // wrong role, no token
        uploadImage("polly", exerciseId, png(20, 20), "x").then().statusCode(403);
        given().auth().oauth2(Tokens.accessToken("ada")).get(url).then().statusCode(403);
        given().get(url).then().statusCode(401);
        given().contentType("application/octet-stream").body(png(2, 2)).post("/api/exercises/" + exerciseId
                + "/images").then().statusCode(401);
        given().auth().oauth2(Tokens.accessToken("theo")).get("/api/media/not-a-uuid").then().statusCode(404);
    }

    /** {@code GET /api/media?exerciseId=…}: several entries' media in one read, for whoever may see every one. */
    @Test
    void severalEntriesMediaInOneReadForWhoeverMaySeeEachOfThem() {
        String wallSlide = ownExercise("theo");
        String other = ownExercise("theo");
        uploadImage("theo", wallSlide, png(20, 20), "A wall slide").then().statusCode(201);
        uploadImage("theo", other, png(24, 24), "Another slide").then().statusCode(201);
        uploadImage("theo", other, png(28, 28), "Another slide, the end").then().statusCode(201);
        PlanFixtures.assign("theo", POLLY, "{\"patientId\": \"$PATIENT\", \"items\": [{\"exerciseId\": \""
                + wallSlide + "\", \"dose\": " + DOSE + "}, {\"exerciseId\": \"" + other + "\", \"dose\": " + DOSE
                + "}]}").statusCode(201);

        // what the two lists answer, in one, in the order asked; an entry asked twice comes once
        java.util.List<Object> separately = new java.util.ArrayList<>();
        for (String entry : new String[] {other, wallSlide}) {
            separately.addAll(given().auth().oauth2(Tokens.accessToken("polly")).get("/api/exercises/" + entry
                    + "/media").then().statusCode(200).extract().jsonPath().getList("items"));
        }
        Response together = given().auth().oauth2(Tokens.accessToken("polly"))
                .get("/api/media?exerciseId=" + other + "&exerciseId=" + wallSlide + "&exerciseId=" + other);
        together.then().statusCode(200).contentType(ContentType.JSON).body("total", equalTo(3));
        assertThat(together.jsonPath().getList("items")).isEqualTo(separately);

        // one entry the caller may not see makes the whole read a 404, as for the entry alone
        given().auth().oauth2(Tokens.accessToken("pat")).get("/api/media?exerciseId=" + wallSlide).then()
                .statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.accessToken("polly")).get("/api/media?exerciseId=" + wallSlide
                + "&exerciseId=" + UUID.randomUUID()).then().statusCode(404).contentType("application/problem+json");
        // wrong role, no token
        given().auth().oauth2(Tokens.accessToken("ada")).get("/api/media?exerciseId=" + wallSlide).then()
                .statusCode(403);
        given().get("/api/media?exerciseId=" + wallSlide).then().statusCode(401);
        // nothing asked, too much asked, not an id: clear 400s
        given().auth().oauth2(Tokens.accessToken("polly")).get("/api/media").then().statusCode(400)
                .contentType("application/problem+json").body(containsString("exerciseId"));
        String tooMany = java.util.stream.IntStream.range(0, 51).mapToObj(n -> "exerciseId=" + wallSlide)
                .collect(java.util.stream.Collectors.joining("&"));
        given().auth().oauth2(Tokens.accessToken("polly")).get("/api/media?" + tooMany).then().statusCode(400)
                .contentType("application/problem+json").body(containsString("at most 50"));
        given().auth().oauth2(Tokens.accessToken("polly")).get("/api/media?exerciseId=not-a-uuid").then()
                .statusCode(400).contentType("application/problem+json");
    }
}
