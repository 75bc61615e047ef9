package care.homeprogram.portal.rest;

import care.homeprogram.portal.client.MediaProxy;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * An exercise's picture or video for the browser ({@code <img src="/media/{id}">}, {@code <video src=...>}), streamed
 * from plan-service as the signed-in person ({@link MediaProxy}): ranges (206/416), ETags (304) and caching headers
 * pass through, and whoever plan-service does not show the media to gets its 404.
 */
@Path("/media/{mediaId}")
@RolesAllowed({"patient", "therapist"})
public class MediaResource {
    private final MediaProxy media;

    public MediaResource(MediaProxy media) {
        this.media = media;
    }

    @GET
    public Response content(@PathParam("mediaId") UUID mediaId, @Context HttpHeaders request) {
        Map<String, String> asked = new HashMap<>();
        for (String name : new String[] {"Range", "If-None-Match", "If-Range"}) {
            String value = request.getHeaderString(name);
            if (value != null) {
                asked.put(name, value);
            }
        }
        MediaProxy.Answer answer = media.fetch(mediaId, asked);
        InputStream body = answer.body();
        Response.ResponseBuilder response = Response.status(answer.status());
        boolean content = answer.status() == 200 || answer.status() == 206;
        // the length of plan-service's body only travels with that body
        answer.headers().forEach((name, value) -> response.header(name,
                content || !"Content-Length".equals(name) ? value : null));
        if (content) {
            StreamingOutput stream = out -> {
                try (body) {
                    body.transferTo(out);
                }
            };
            return response.entity(stream).build();
        }
        try (body) {
            body.transferTo(java.io.OutputStream.nullOutputStream()); // problem+json or nothing: not the browser's
        } catch (java.io.IOException ignored) {
            // the status says enough
        }
        // 304 and 416 keep plan-service's headers; a refusal is a plain 404, as for media that do not exist.
        return answer.status() == 403 || answer.status() == 404 ? Response.status(404).build() : response.build();
    }
}
