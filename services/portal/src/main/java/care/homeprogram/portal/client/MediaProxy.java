package care.homeprogram.portal.client;

import io.quarkus.oidc.AccessTokenCredential;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Fetches an exercise picture or video from plan-service as the signed-in person, passing the browser's conditional and
 * range headers through and handing back plan-service's answer as a stream (a 100 MB video is never held in memory).
 * The browser only has its session cookie, so the media go through the portal rather than to plan-service directly:
 * plan-service applies its own rule of who may see them to the person's token, as for every other call.
 */
@ApplicationScoped
public class MediaProxy {
    /** What the browser may ask plan-service about media, and what of the answer it gets back. */
    static final List<String> REQUEST_HEADERS = List.of("Range", "If-None-Match", "If-Range");
    static final List<String> RESPONSE_HEADERS = List.of("Content-Type", "Content-Length", "Content-Range", "ETag",
            "Cache-Control", "Accept-Ranges", "Content-Security-Policy", "X-Content-Type-Options");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final URI planService;
    private final Instance<AccessTokenCredential> accessToken;

    public MediaProxy(@ConfigProperty(name = "quarkus.rest-client.plan-service.url") URI planService,
            Instance<AccessTokenCredential> accessToken) {
        this.planService = planService;
        this.accessToken = accessToken;
    }

    /** plan-service's answer: status, the headers the browser may see, and the body, to be closed by the caller. */
    public record Answer(int status, Map<String, String> headers, InputStream body) {
    }

    public Answer fetch(UUID mediaId, Map<String, String> browserHeaders) {
        HttpRequest.Builder request = HttpRequest.newBuilder(planService.resolve("/api/media/" + mediaId))
                .timeout(Duration.ofSeconds(10)).GET();
        if (accessToken.isResolvable()) {
            request.header("Authorization", "Bearer " + accessToken.get().getToken());
        }
        for (String name : REQUEST_HEADERS) {
            String value = browserHeaders.get(name);
            if (value != null && !value.isBlank()) {
                request.header(name, value);
            }
        }
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            Map<String, String> headers = new LinkedHashMap<>();
            for (String name : RESPONSE_HEADERS) {
                response.headers().firstValue(name).ifPresent(v -> headers.put(name, v));
            }
            return new Answer(response.statusCode(), headers, response.body());
        } catch (IOException e) {
            throw new ServiceUnavailable(PlansClient.SERVICE, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailable(PlansClient.SERVICE, e);
        }
    }
}
