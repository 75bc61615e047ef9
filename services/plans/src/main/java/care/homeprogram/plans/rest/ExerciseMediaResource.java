package care.homeprogram.plans.rest;

import care.homeprogram.commons.problem.ProblemException;
import care.homeprogram.commons.rest.QueryValues;
import care.homeprogram.commons.security.CurrentUser;
import care.homeprogram.contract.Page;
import care.homeprogram.contract.Problem;
import care.homeprogram.plans.api.MediaView;
import care.homeprogram.plans.domain.ExerciseMedia;
import care.homeprogram.plans.service.ExerciseMediaService;
import care.homeprogram.plans.service.MediaChunks;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pictures and the video of library entries (docs/api.md, "Exercise media"). Uploads are the raw file as the request
 * body, streamed (not multipart: nothing is buffered to disk or memory first); their routes alone accept bodies
 * larger than the service's 128 KB cap ({@code homeprogram.http.large-bodies}). Downloads answer range requests.
 */
@Path("/api")
public class ExerciseMediaResource {
    /** Media never change under their id: cached for a year, by the browser of someone allowed to see them only. */
    static final String IMMUTABLE = "private, max-age=31536000, immutable";
    /** A picture is shown, never run: an SVG opened on its own still cannot execute or fetch anything. */
    static final String NO_ACTIVE_CONTENT = "default-src 'none'; style-src 'unsafe-inline'; sandbox";
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d*)-(\\d*)");
    /** The most entries one read of media names: a day's program, not the library. */
    static final int MAX_ENTRIES_PER_READ = 50;

    private final ExerciseMediaService media;
    private final MediaChunks chunks;
    private final CurrentUser caller;
    private final ResponseLanguage language;

    public ExerciseMediaResource(ExerciseMediaService media, MediaChunks chunks, CurrentUser caller,
            ResponseLanguage language) {
        this.media = media;
        this.chunks = chunks;
        this.caller = caller;
        this.language = language;
    }

    @GET
    @Path("/exercises/{id}/media")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({CurrentUser.THERAPIST, CurrentUser.PATIENT})
    public Page<MediaView> list(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        List<MediaView> all = media.list(caller, id, language.choose(acceptLanguage));
        return new Page<>(all, all.size());
    }

    /**
     * The media of several library entries in one read ({@code ?exerciseId=a&exerciseId=b}, at most {@link
     * #MAX_ENTRIES_PER_READ}): what {@code GET /api/exercises/{id}/media} answers for each, one list; an entry the
     * caller may not see is a 404 for the whole read.
     */
    @GET
    @Path("/media")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({CurrentUser.THERAPIST, CurrentUser.PATIENT})
    public Page<MediaView> lists(@QueryParam("exerciseId") List<String> exerciseIds,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        if (exerciseIds == null || exerciseIds.isEmpty()) {
            throw ProblemException.invalidField("exerciseId", "must name at least one library entry");
        }
        if (exerciseIds.size() > MAX_ENTRIES_PER_READ) {
            throw ProblemException.invalidField("exerciseId", "must name at most " + MAX_ENTRIES_PER_READ
                    + " library entries");
        }
        List<UUID> ids = exerciseIds.stream().map(id -> QueryValues.id("exerciseId", id)).toList();
        List<MediaView> all = media.lists(caller, ids, language.choose(acceptLanguage));
        return new Page<>(all, all.size());
    }

    /** Adds a picture (PNG, JPEG, WebP or SVG, at most 5 MB) with its alt text. */
    @POST
    @Path("/exercises/{id}/images")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(CurrentUser.THERAPIST)
    public Response addImage(@PathParam("id") UUID id, @QueryParam("alt") String alt, InputStream body) {
        return Response.status(Response.Status.CREATED)
                .entity(media.upload(caller, id, ExerciseMedia.Kind.IMAGE, alt, body)).build();
    }

    /** Sets the entry's video (MP4 or WebM, at most 100 MB) with its text alternative, replacing any earlier one. */
    @PUT
    @Path("/exercises/{id}/video")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(CurrentUser.THERAPIST)
    public Response setVideo(@PathParam("id") UUID id, @QueryParam("caption") String caption, InputStream body) {
        return Response.status(Response.Status.CREATED)
                .entity(media.upload(caller, id, ExerciseMedia.Kind.VIDEO, caption, body)).build();
    }

    @DELETE
    @Path("/exercises/{id}/media/{mediaId}")
    @RolesAllowed(CurrentUser.THERAPIST)
    public Response remove(@PathParam("id") UUID id, @PathParam("mediaId") UUID mediaId) {
        media.remove(caller, id, mediaId);
        return Response.noContent().build();
    }

    /**
     * The bytes: whole (200), a single range (206, {@code Content-Range}), or 416 for a range outside them;
     * {@code If-None-Match} with the ETag → 304. A range that cannot be parsed is ignored (the whole, RFC 9110).
     */
    @GET
    @Path("/media/{mediaId}")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({CurrentUser.THERAPIST, CurrentUser.PATIENT})
    public Response content(@PathParam("mediaId") UUID mediaId, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam("Range") String range, @HeaderParam("If-Range") String ifRange) {
        ExerciseMedia m = media.media(caller, mediaId);
        String etag = "\"" + m.sha256 + "\"";
        long size = m.sizeBytes;
        if (ifNoneMatch != null && matches(ifNoneMatch, etag)) {
            return headers(Response.notModified(), etag).build();
        }
        long from = 0;
        long to = size - 1;
        boolean partial = false;
        Matcher r = range == null ? null : RANGE.matcher(range.strip());
        if (r != null && r.matches() && (ifRange == null || ifRange.strip().equals(etag))) {
            long[] asked = satisfiable(r.group(1), r.group(2), size);
            if (asked == null) {
                return headers(Response.status(416), etag).header("Content-Range", "bytes */" + size)
                        .type(Problem.MEDIA_TYPE).entity(new Problem(Problem.type("range-not-satisfiable"),
                                "Range not satisfiable", 416, "The media has " + size
                                        + " bytes; ask for a range within them", null, null))
                        .build();
            }
            from = asked[0];
            to = asked[1];
            partial = true;
        }
        long first = from;
        long last = to;
        StreamingOutput bytes = out -> {
            if (size > 0) {
                chunks.copy(mediaId, first, last, out);
            }
        };
        Response.ResponseBuilder answer = partial
                ? Response.status(206).header("Content-Range", "bytes " + from + "-" + to + "/" + size)
                : Response.ok();
        return headers(answer, etag).entity(bytes).type(m.contentType)
                .header(HttpHeaders.CONTENT_LENGTH, to - from + 1).build();
    }

    private static Response.ResponseBuilder headers(Response.ResponseBuilder answer, String etag) {
        return answer.header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, IMMUTABLE)
                .header("Accept-Ranges", "bytes").header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", NO_ACTIVE_CONTENT);
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    /** The first and last byte of a single range within the media, or null when none of it is. */
    static long[] satisfiable(String start, String end, long size) {
        try {
            if (start.isEmpty()) { // the last n bytes
                long n = end.isEmpty() ? 0 : Long.parseLong(end);
                return n == 0 || size == 0 ? null : new long[] {Math.max(0, size - n), size - 1};
            }
            long from = Long.parseLong(start);
            long to = end.isEmpty() ? size - 1 : Math.min(size - 1, Long.parseLong(end));
            return from >= size || to < from ? null : new long[] {from, to};
        } catch (NumberFormatException e) {
            return null; // digits beyond any size
        }
    }
}
