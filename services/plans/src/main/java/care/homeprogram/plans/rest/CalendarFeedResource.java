package care.homeprogram.plans.rest;

import care.homeprogram.commons.ratelimit.RateLimited;
import care.homeprogram.commons.security.CurrentUser;
import care.homeprogram.plans.api.CalendarFeedView;
import care.homeprogram.plans.service.CalendarFeeds;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The patient's program as an iCalendar feed (docs/api-contract.md, "Calendar feed"). The patient manages the link
 * signed in; calendar apps cannot sign in, so the feed itself is reached by its secret link alone: the one route of
 * plan-service open without a token.
 */
@Path("/api")
public class CalendarFeedResource {
    static final String CALENDAR = "text/calendar; charset=utf-8";

    private final CalendarFeeds feeds;
    private final CurrentUser caller;
    private final ResponseLanguage language;

    public CalendarFeedResource(CalendarFeeds feeds, CurrentUser caller, ResponseLanguage language) {
        this.feeds = feeds;
        this.caller = caller;
        this.language = language;
    }

    @GET
    @Path("/calendar-feed")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(CurrentUser.PATIENT)
    public CalendarFeedView mine() {
        return feeds.mine(caller);
    }

    /** A new secret link, replacing the old one; the answer is the only time the link is shown. */
    @POST
    @Path("/calendar-feed")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(CurrentUser.PATIENT)
    public Response create(@HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        // the feed's words in the patient's language (their preference, else the portal's page language)
        return Response.status(Response.Status.CREATED).entity(feeds.create(caller, language.choose(acceptLanguage)))
                .header("Cache-Control", "no-store").build();
    }

    @DELETE
    @Path("/calendar-feed")
    @RolesAllowed(CurrentUser.PATIENT)
    public Response revoke() {
        feeds.revoke(caller);
        return Response.noContent().build();
    }

    /**
     * The feed. No bearer token (calendar apps cannot send one): the link is the credential. Not for shared caches
     * ({@code private}) nor kept on disk ({@code no-store}): calendar apps poll on their own schedule and need neither.
     */
    @GET
    @Path("/calendar/{token}.ics")
    @Produces(CALENDAR)
    @PermitAll
    @RateLimited(RateLimited.CALENDAR_FEED)
    public Response feed(@PathParam("token") String token) {
        CalendarFeeds.Feed feed = feeds.fetch(token);
        return Response.ok(feed.ics(), CALENDAR)
                .header("Cache-Control", "private, no-store")
                .header("Content-Disposition", "inline; filename=\"home-program.ics\"")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Robots-Tag", "noindex, nofollow")
                .build();
    }
}
