package care.homeprogram.portal;

import static org.assertj.core.api.Assertions.assertThat;

import care.homeprogram.testing.DemoUsers;
import care.homeprogram.testing.RealInfrastructure;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The portal as an app on the patient's phone (docs/portal.md, "Install on the phone" and "Offline"): a manifest
 * and icons, a service worker served from the root with its headers and allowed by the CSP, the offline banner and
 * the list of waiting logs on a patient's pages only, and a log kept offline passed on to plan-service with the key
 * the phone made for it. Real sign-in; a stand-in for plan-service.
 */
@QuarkusTest
@QuarkusTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "PORTAL"))
@QuarkusTestResource(value = PlanServiceStub.class, restrictToAnnotatedClass = true)
class InstallableAppTest {
    private static final String PLAN = "c0000000-0000-4000-8000-000000000001";
    private static final String ITEM = "c1000000-0000-4000-8000-000000000001";

    @TestHTTPResource("/")
    URL portal;

    private URI at(String path) {
        return URI.create(portal.toString()).resolve(path);
    }

    @BeforeEach
    void onePlan() {
        PlanServiceStub.mine = """
                {"items":[{"id":"%s","patientId":"%s","therapistId":"%s","status":"ACTIVE","version":1,
                 "startDate":"2026-11-30","createdAt":"2026-11-30T10:00:00Z","updatedAt":"2026-11-30T10:00:00Z",
                 "items":[],"today":{"date":"2026-12-02","timeZone":"Europe/Berlin","week":1,"items":[]},
                 "acute":true,"thresholds":{"greenMax":3,"amberMax":5,"baselineRiseAlert":2}}],"total":1}
                """.formatted(PLAN, DemoUsers.PAT, DemoUsers.TARA);
        PlanServiceStub.lastSessionLog = null;
        PlanServiceStub.lastSessionLogKey = null;
    }

    @Test
    void theManifestNamesTheAppItsStartPageAndIconsWithoutSigningIn() throws Exception {
        Browser anyone = new Browser();
        HttpResponse<String> response = anyone.get(at("/manifest.webmanifest"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/manifest+json"));
        JsonNode manifest = new ObjectMapper().readTree(response.body());
        assertThat(manifest.path("name").asText()).contains("HomeProgram");
        assertThat(manifest.path("short_name").asText()).isEqualTo("HomeProgram");
        assertThat(manifest.path("start_url").asText()).isEqualTo("/today");
        assertThat(manifest.path("display").asText()).isEqualTo("standalone");
        assertThat(manifest.path("theme_color").asText()).isEqualTo("#1f5c99");

        Map<String, JsonNode> icons = new LinkedHashMap<>();
        manifest.path("icons").forEach(icon -> icons.put(icon.path("sizes").asText(), icon));
        assertThat(icons).containsOnlyKeys("192x192", "512x512", "any");
        assertThat(icons.get("any").path("purpose").asText()).contains("maskable");
        for (String size : new String[] {"192", "512"}) {
            HttpResponse<byte[]> png = anyone.getBytes(at(icons.get(size + "x" + size).path("src").asText()));
            assertThat(png.statusCode()).isEqualTo(200);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
            assertThat(image.getWidth()).as("icon %s", size).isEqualTo(Integer.parseInt(size));
            assertThat(image.getHeight()).isEqualTo(Integer.parseInt(size));
        }
        HttpResponse<String> svg = anyone.get(at(icons.get("any").path("src").asText()));
        assertThat(svg.statusCode()).isEqualTo(200);
        assertThat(svg.body()).contains("<svg").contains("viewBox=\"0 0 512 512\"");
    }

    /** The installing phone shows the manifest's description: in the language of the page that links it. */
    @Test
    void theManifestSpeaksTheLanguageOfThePageLinkingIt() throws Exception {
        Browser anyone = new Browser();
        Map<String, String> expected = Map.of(
                "es", "Su programa de ejercicios en casa, también sin conexión.",
                "de", "Ihr Übungsprogramm für zu Hause, auch ohne Verbindung.",
                "en", "Your home exercise program, also when you are offline.");
        for (var language : expected.entrySet()) {
            JsonNode manifest = new ObjectMapper().readTree(
                    anyone.get(at("/manifest.webmanifest?lang=" + language.getKey())).body());
            assertThat(manifest.path("lang").asText()).isEqualTo(language.getKey());
            assertThat(manifest.path("description").asText()).isEqualTo(language.getValue());
        }
        // a language we do not have, or none: English, never an error
        for (String other : new String[] {"?lang=fr", "?lang=%3Cscript%3E", ""}) {
            HttpResponse<String> response = anyone.get(at("/manifest.webmanifest" + other));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(new ObjectMapper().readTree(response.body()).path("lang").asText()).isEqualTo("en");
        }
    }

    @Test
    void theServiceWorkerIsServedFromTheRootWithItsHeadersAndTheCspAllowsIt() throws Exception {
        HttpResponse<String> worker = new Browser().get(at("/sw.js"));

        assertThat(worker.statusCode()).isEqualTo(200);
        assertThat(worker.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/javascript"));
        assertThat(worker.headers().firstValue("Service-Worker-Allowed")).contains("/");
        // never kept stale by the browser, but not "no-store" either (that is for pages with personal data)
        assertThat(worker.headers().firstValue("Cache-Control")).contains("no-cache");
        assertThat(worker.body()).contains("addEventListener('fetch'").contains("'/today'").contains("/logout");

        HttpResponse<String> page = new Browser().signIn(at("/"), "pat");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("default-src 'self'").contains("worker-src 'self'").contains("manifest-src 'self'"));
    }

    @Test
    void aPatientsPagesLinkTheAppAndCarryTheOfflineBannerAndTheWaitingLogs() throws Exception {
        Browser pat = new Browser();
        pat.signIn(at("/"), "pat");
        HttpResponse<String> today = pat.get(at("/today"));

        assertThat(today.statusCode()).isEqualTo(200);
        assertThat(today.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(today.body())
                .contains("<link rel=\"manifest\" href=\"/manifest.webmanifest?lang=en\">")
                .contains("data-served=\"network\"")
                .contains("data-person=\"" + DemoUsers.PAT + "\"")
                .containsPattern("id=\"offline-banner\" role=\"status\" hidden>")
                .contains("showing your program as of")
                .contains("id=\"waiting-logs\"")
                // the plan's own bands, for the stop rules on the phone
                .contains("data-green-max=\"3\" data-amber-max=\"5\"");
        assertThat(pat.get(at("/check-in")).body()).contains("id=\"offline-emergency\"");
    }

    @Test
    void aTherapistsPagesAreNeverKeptForOfflineUse() throws Exception {
        HttpResponse<String> page = new Browser().signIn(at("/"), "tara");

        assertThat(page.statusCode()).isEqualTo(200);
        // no person on the page: the page script does not register the worker for them
        assertThat(page.body()).contains("rel=\"manifest\"").doesNotContain("data-person=")
                .doesNotContain("offline-banner");
    }

    @Test
    void aLogKeptOfflineIsPassedOnWithItsKeyAndTheTimeThePatientLoggedIt() throws Exception {
        Browser pat = new Browser();
        pat.signIn(at("/"), "pat");
        String token = Browser.csrfToken(pat.get(at("/check-in")).body());
        String key = "5b0d4a2e-3c1f-4f7e-9a51-0c7d2b1e8f00";

        HttpResponse<String> sent = pat.post(at("/today/sessions"), Map.of("csrf-token", token, "planId", PLAN,
                "itemId", ITEM, "itemName", "Knee to chest", "painBefore", "2", "painAfter", "3",
                "idempotencyKey", key, "performedAt", "2026-12-02T08:15:00Z"));

        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.body()).contains("Continue");
        assertThat(PlanServiceStub.lastSessionLogKey).isEqualTo(key);
        assertThat(PlanServiceStub.lastSessionLog).contains("\"performedAt\":\"2026-12-02T08:15:00Z\"");

        // without JavaScript there is neither: no header, and the portal stamps the time
        pat.post(at("/today/sessions"), Map.of("csrf-token", token, "planId", PLAN, "itemId", ITEM,
                "itemName", "Knee to chest", "painBefore", "2", "painAfter", "3"));
        assertThat(PlanServiceStub.lastSessionLogKey).isNull();
    }

    @Test
    void aKeyOrTimeNoPageMakesIsABadRequest() throws Exception {
        Browser pat = new Browser();
        pat.signIn(at("/"), "pat");
        String token = Browser.csrfToken(pat.get(at("/check-in")).body());
        PlanServiceStub.lastSessionLog = null;

        HttpResponse<String> longKey = pat.post(at("/today/sessions"), Map.of("csrf-token", token, "planId", PLAN,
                "itemId", ITEM, "painBefore", "2", "painAfter", "3", "idempotencyKey", "k".repeat(101)));
        HttpResponse<String> badTime = pat.post(at("/today/sessions"), Map.of("csrf-token", token, "planId", PLAN,
                "itemId", ITEM, "painBefore", "2", "painAfter", "3", "performedAt", "yesterday"));

        assertThat(longKey.statusCode()).isEqualTo(400);
        assertThat(badTime.statusCode()).isEqualTo(400);
        assertThat(PlanServiceStub.lastSessionLog).isNull();
    }
}
