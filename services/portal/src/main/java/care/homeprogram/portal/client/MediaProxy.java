package care.homeprogram.portal.client;

import io.quarkus.oidc.AccessTokenCredential;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import care.homeprogram.contract.Problem;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
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

    /**
     * Sends an uploaded file to plan-service as the signed-in therapist: a picture with its alt text (POST
     * {@code /images?alt=}) or the video with its caption (PUT {@code /video?caption=}). The file is streamed from
     * where Quarkus's multipart parser spooled it on disk ({@link HttpRequest.BodyPublishers#ofFile}), so neither a
     * 5 MB picture nor a 100 MB video is ever held in memory. plan-service checks the type from the bytes, the size,
     * the SVG and the alt text: its refusal comes back as a {@link ServiceProblem} for the page to show.
     */
    public Media upload(UUID exerciseId, boolean video, String description, Path file, String declaredType) {
        String query = (video ? "caption=" : "alt=") + URLEncoder.encode(description == null ? "" : description,
                StandardCharsets.UTF_8).replace("+", "%20"); // a query, not a form: a space is %20
        URI target = planService.resolve("/api/exercises/" + exerciseId + (video ? "/video?" : "/images?") + query);
        HttpRequest.BodyPublisher body;
        try {
            body = HttpRequest.BodyPublishers.ofFile(file);
        } catch (FileNotFoundException e) {
            throw new IllegalStateException("the uploaded file is gone from the upload directory", e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofMinutes(2))
                .header("Content-Type", declaredType != null && declaredType.matches("[\\w.+-]+/[\\w.+-]+")
                        ? declaredType : "application/octet-stream")
                .header("Accept", "application/json")
                .method(video ? "PUT" : "POST", body);
        if (accessToken.isResolvable()) {
            request.header("Authorization", "Bearer " + accessToken.get().getToken());
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ServiceUnavailable(PlansClient.SERVICE, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServiceUnavailable(PlansClient.SERVICE, e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            try {
                return JSON.readValue(response.body(), Media.class);
            } catch (IOException e) {
                throw new ServiceUnavailable(PlansClient.SERVICE, e);
            }
        }
        if (status >= 500) {
            throw new ServiceUnavailable(PlansClient.SERVICE, new IOException("plan-service answered " + status));
        }
        throw new ServiceProblem(problem(status, response.body()));
    }

    /** plan-service's problem+json; without a readable one, the status says enough. */
    private static Problem problem(int status, String body) {
        String fallback = status == 413 ? "The file is too large." : "plan-service refused the file (" + status + ").";
        try {
            Problem sent = JSON.readValue(body, Problem.class);
            String detail = sent.detail() != null ? sent.detail() : sent.title() != null ? sent.title() : fallback;
            return new Problem(sent.type(), sent.title(), status, detail, sent.instance(),
                    sent.errors() == null ? List.of() : sent.errors());
        } catch (IOException | RuntimeException unreadable) {
            return new Problem(null, null, status, fallback, null, List.of());
        }
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
