package care.homeprogram.portal;

import static org.assertj.core.api.Assertions.assertThat;

import care.homeprogram.testing.DemoUsers;
import care.homeprogram.testing.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue #13, item 3: the patient's Today shows each due item's pictures with their alt text and its video with
 * controls and its text alternative, and the therapist's note on the item ("From your therapist"); the media come through the portal, as the signed-in person (the browser has only
 * its session cookie), with ranges and ETags passed through, and a refusal stays a 404.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PORTAL"))
@QuarkusTestResource(value = PlanServiceStub.class, restrictToAnnotatedClass = true)
class ExerciseMediaPageTest {
    private static final String PLAN = "b1000000-0000-4000-8000-000000000001";
    private static final String ITEM = "b1000000-0000-4000-8000-000000000002";
    private static final String VIDEO = "c0000000-0000-4000-8000-000000000002";

    @TestHTTPResource("/")
    URL portal;

    @org.junit.jupiter.api.AfterEach
    void noMediaForTheOtherTests() {
        PlanServiceStub.media = "{\"items\":[],\"total\":0}";
        PlanServiceStub.mine = "{\"items\":[],\"total\":0}";
    }

    @Test
    void todayShowsThePicturesWithAltTextAndTheVideoWithItsTextAlternative() throws Exception {
        PlanServiceStub.mine = """
                {"items":[{"id":"%s","patientId":"%s","therapistId":"%s","status":"ACTIVE","version":1,
                 "startDate":"2026-11-30","createdAt":"2026-11-30T10:00:00Z","updatedAt":"2026-11-30T10:00:00Z",
                 "items":[{"id":"%s","exerciseId":"%s","name":"Knee to chest","status":"ACTIVE","startWeek":1,
                   "dose":{"sets":2,"reps":10,"timesPerDay":1,"daysOfWeek":["MONDAY"],"weeks":4},
                   "summary":"Gentle stretch","instructions":["Lie on your back"],"cautions":["Stop if it hurts"],
                   "whySafe":"Supported","noteToPatient":"Keep the other foot flat on the mat"}],
                 "today":{"date":"2026-12-02","timeZone":"Europe/Berlin","week":1,
                   "items":[{"itemId":"%s","name":"Knee to chest","timesPerDay":1}]},
                 "acute":false,"hydrationTargetLitres":null}],"total":1}
                """.formatted(PLAN, DemoUsers.PAT, DemoUsers.TARA, ITEM, PlanServiceStub.EXERCISE, ITEM);
        PlanServiceStub.media = """
                {"items":[{"id":"%s","exerciseId":"%s","kind":"IMAGE","contentType":"image/png","width":400,
                  "height":300,"description":"Lying on the back, one knee pulled to the chest"},
                 {"id":"%s","exerciseId":"%s","kind":"VIDEO","contentType":"video/mp4",
                  "description":"The therapist pulls one knee to the chest, holds, and lowers it"}],"total":2}
                """.formatted(PlanServiceStub.MEDIA, PlanServiceStub.EXERCISE, VIDEO, PlanServiceStub.EXERCISE);
        Browser pat = new Browser();
        URI base = URI.create(portal.toString());
        pat.signIn(base, "pat");

        HttpResponse<String> page = pat.get(base.resolve("/today"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("<img class=\"exercise-media\" src=\"/media/" + PlanServiceStub.MEDIA
                        + "\" alt=\"Lying on the back, one knee pulled to the chest\" width=\"400\" height=\"300\"")
                .contains("<video controls preload=\"metadata\" src=\"/media/" + VIDEO + "\" aria-describedby=\"video-"
                        + VIDEO + "\">")
                .contains("<figcaption id=\"video-" + VIDEO
                        + "\">The therapist pulls one knee to the chest, holds, and lowers it</figcaption>")
                .contains("<strong>From your therapist:</strong> Keep the other foot flat on the mat");

        // each item opens on its own page, with the same pictures and video, larger
        assertThat(page.body()).contains("href=\"/today/items/" + PLAN + "/" + ITEM + "\"");
        HttpResponse<String> detail = pat.get(base.resolve("/today/items/" + PLAN + "/" + ITEM));
        assertThat(detail.statusCode()).isEqualTo(200);
        assertThat(detail.body()).contains("<h1>Knee to chest</h1>")
                .contains("<img class=\"exercise-media\" src=\"/media/" + PlanServiceStub.MEDIA
                        + "\" alt=\"Lying on the back, one knee pulled to the chest\" width=\"400\" height=\"300\"")
                .contains("<video controls preload=\"metadata\" src=\"/media/" + VIDEO + "\" aria-describedby=\"video-"
                        + VIDEO + "\">")
                .contains("<figcaption id=\"video-" + VIDEO
                        + "\">The therapist pulls one knee to the chest, holds, and lowers it</figcaption>")
                .contains("<li>Lie on your back</li>").contains("<li>Stop if it hurts</li>")
                .contains("<strong>From your therapist:</strong> Keep the other foot flat on the mat");
        // an item of no plan of pat's (plan-service lists only pat's own): the 404 page
        assertThat(pat.get(base.resolve("/today/items/" + PLAN + "/" + PlanServiceStub.MEDIA)).statusCode())
                .isEqualTo(404);
        assertThat(pat.get(base.resolve("/today/items/" + ITEM + "/" + ITEM)).statusCode()).isEqualTo(404);

        // the bytes, through the portal, as pat: a range is passed on and answered 206
        HttpResponse<byte[]> part = pat.getBytes(base.resolve("/media/" + PlanServiceStub.MEDIA),
                Map.of("Range", "bytes=2-5"));
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.body()).isEqualTo(Arrays.copyOfRange(PlanServiceStub.MEDIA_BYTES, 2, 6));
        assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 2-5/" + PlanServiceStub.MEDIA_BYTES.length);
        assertThat(PlanServiceStub.lastMediaRequest.get("Authorization")).startsWith("Bearer ");
        HttpResponse<byte[]> whole = pat.getBytes(base.resolve("/media/" + PlanServiceStub.MEDIA), Map.of());
        assertThat(whole.body()).isEqualTo(PlanServiceStub.MEDIA_BYTES);
        assertThat(whole.headers().firstValue("ETag")).hasValue("\"abc\"");
        assertThat(whole.headers().firstValue("Cache-Control")).hasValue("private, max-age=31536000, immutable");
        assertThat(pat.getBytes(base.resolve("/media/" + PlanServiceStub.MEDIA), Map.of("If-None-Match", "\"abc\""))
                .statusCode()).isEqualTo(304);
        // media plan-service does not show pat: 404, as for media that do not exist
        assertThat(pat.getBytes(base.resolve("/media/" + VIDEO), Map.of()).statusCode()).isEqualTo(404);

        // without a session: no media (the portal sends the visitor to sign in, never the bytes)
        HttpResponse<byte[]> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                base.resolve("/media/" + PlanServiceStub.MEDIA)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(anonymous.statusCode()).isNotEqualTo(200);
        assertThat(anonymous.body()).isNotEqualTo(PlanServiceStub.MEDIA_BYTES);
    }

    @Test
    void theExercisePageIsThePatientsOnly() throws Exception {
        URI base = URI.create(portal.toString());
        Browser tara = new Browser();
        tara.signIn(base, "tara");
        assertThat(tara.get(base.resolve("/today/items/" + PLAN + "/" + ITEM)).statusCode()).isEqualTo(403);
        HttpResponse<String> anonymous = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                base.resolve("/today/items/" + PLAN + "/" + ITEM)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isNotEqualTo(200);
    }
}
