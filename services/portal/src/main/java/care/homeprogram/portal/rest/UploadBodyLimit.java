package care.homeprogram.portal.rest;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The portal's request bodies stay small (128 KB, a form or a CSV), except on the two routes that take an exercise's
 * picture or video as a multipart upload, which Quarkus spools to disk, never to memory. Quarkus's own cap
 * ({@code quarkus.http.limits.max-body-size}) is raised to the largest upload; this route, before the body is read,
 * holds every other route to the small cap and each upload route to its own: a declared {@code Content-Length} over
 * it is answered 413 with a page that says so, and a chunked body without a length (browsers send the length of
 * every form) is refused with 411 outside the upload routes. (An HTTP/2 body without a length, which has no
 * chunking header, is held only to Quarkus's cap; the portal is served over HTTP/1.1 behind its proxy.)
 * The upload caps lie just above plan-service's (5 MB a picture, 100 MB a video, plus room for the form around the
 * file): a file plan-service refuses for its size still gets its words on the media page.
 */
@ApplicationScoped
public class UploadBodyLimit {
    static final long SMALL = 128 * 1024;
    static final Map<Pattern, Long> UPLOADS = Map.of(
            Pattern.compile("/library/exercises/[^/]+/media/images"), 5L * 1024 * 1024 + 256 * 1024,
            Pattern.compile("/library/exercises/[^/]+/media/video"), 100L * 1024 * 1024 + 256 * 1024);

    private static final Pattern MEDIA_PAGE = Pattern.compile(
            "/library/exercises/[0-9a-fA-F-]{36}/media/(images|video)");

    static long limitFor(String path) {
        for (Map.Entry<Pattern, Long> upload : UPLOADS.entrySet()) {
            if (path != null && upload.getKey().matcher(path).matches()) {
                return upload.getValue();
            }
        }
        return SMALL;
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_BODY_HANDLER - 1).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        long max = limitFor(path);
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            if (ctx.request().getHeader(HttpHeaders.TRANSFER_ENCODING) != null && max == SMALL) {
                refuse(ctx, 411, "Length required", "Send the form again from the page.");
                return;
            }
            ctx.next();
            return;
        }
        long declared;
        try {
            declared = Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            declared = -1; // Vert.x itself refuses a malformed length
        }
        if (declared > max) {
            refuse(ctx, 413, "The file is too large", max == SMALL
                    ? "What was sent is larger than any form of this portal takes."
                    : "A picture may be at most 5 MB and a video at most 100 MB. Make the file smaller and try again.");
            return;
        }
        ctx.next();
    }

    private static void refuse(RoutingContext ctx, int status, String title, String detail) {
        // back to the media page only for an address that is nothing but an id: nothing typed reaches the page
        String path = ctx.normalizedPath() == null ? "" : ctx.normalizedPath();
        String back = MEDIA_PAGE.matcher(path).matches() ? path.replaceAll("/(images|video)$", "") : "/library";
        String page = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
                + "content=\"width=device-width, initial-scale=1\"><title>" + title + " – HomeProgram</title>"
                + "<link rel=\"stylesheet\" href=\"/css/portal.css\"></head><body><main id=\"main\" class=\"content\">"
                + "<h1>" + title + "</h1><p>" + detail + "</p><p><a href=\"" + back + "\">Go back</a></p>"
                + "</main></body></html>";
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=UTF-8");
        if (ctx.request().version() != io.vertx.core.http.HttpVersion.HTTP_2) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close"); // the unread body is not waited for
        }
        ctx.response().end(page);
    }
}
