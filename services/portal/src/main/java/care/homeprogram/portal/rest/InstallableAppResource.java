package care.homeprogram.portal.rest;

import care.homeprogram.contract.Language;
import care.homeprogram.portal.service.Clinic;
import care.homeprogram.portal.service.PageLanguage;
import care.homeprogram.portal.service.ScriptMessages;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * What makes the portal an installable app (docs/portal.md, "Install on the phone"): the web app manifest and the
 * service worker. Both are public, like the stylesheet (a browser fetches the manifest without cookies) and hold
 * nothing personal. The worker is served from the root so that its scope is the whole portal.
 */
@Path("/")
@PermitAll
public class InstallableAppResource {
    /** The worker must never be kept stale: the browser checks it again on every visit and takes a new one at once. */
    static final String WORKER_CACHE_CONTROL = "no-cache";
    private static final String WORKER = read("/pwa/sw.js");

    private final Clinic clinic;
    private final ObjectMapper json;

    public InstallableAppResource(Clinic clinic, ObjectMapper json) {
        this.clinic = clinic;
        this.json = json;
    }

    @GET
    @Path("manifest.webmanifest")
    public Response manifest(@QueryParam("lang") String lang) throws JsonProcessingException {
        // in the language of the page linking it (a browser fetches the manifest without cookies); any other: English
        Language language = Language.ofTagOrEnglish(lang);
        Map<String, Object> manifest = Map.of(
                "name", clinic.name() + " · HomeProgram",
                "short_name", "HomeProgram",
                "description", PageLanguage.of(ScriptMessages.class, language).app_description(),
                "lang", language.tag(),
                "start_url", "/today",
                "scope", "/",
                "display", "standalone",
                "background_color", "#ffffff",
                "theme_color", "#1f5c99",
                "icons", List.of(
                        Map.of("src", "/icons/icon-192.png", "sizes", "192x192", "type", "image/png"),
                        Map.of("src", "/icons/icon-512.png", "sizes", "512x512", "type", "image/png"),
                        Map.of("src", "/icons/icon.svg", "sizes", "any", "type", "image/svg+xml",
                                "purpose", "any maskable")));
        return Response.ok(json.writeValueAsString(manifest), "application/manifest+json").header("Cache-Control", "no-cache").build();
    }

    @GET
    @Path("sw.js")
    public Response serviceWorker() {
        return Response.ok(WORKER, "text/javascript; charset=utf-8")
                .header("Service-Worker-Allowed", "/")
                .header("Cache-Control", WORKER_CACHE_CONTROL)
                .build();
    }

    private static String read(String resource) {
        try (InputStream in = InstallableAppResource.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the portal");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
