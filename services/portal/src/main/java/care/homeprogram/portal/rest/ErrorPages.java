package care.homeprogram.portal.rest;

import care.homeprogram.portal.client.ServiceProblem;
import care.homeprogram.portal.client.ServiceUnavailable;
import io.quarkus.arc.Arc;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every failure becomes a page a person can act on: the wrong role (403), something that does not exist or is not
 * theirs (404), a service that is down (503, "temporarily unavailable"), a refusal (its explanation), and anything
 * unexpected (500 with an incident id; the stack trace goes to the log only).
 *
 * <p>An error page is made only while the request's context is active: the pages' layout reads the signed-in person
 * ({@code Viewer}) and the language from it. When the person left before their page was made (their browser or a
 * benchmark gave up mid-request), the context is gone; the answer is then a short plain-text one that nobody reads,
 * instead of a second failure ({@code ContextNotActiveException}) while making the error page.
 */
public class ErrorPages {
    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance forbidden();

        static native TemplateInstance notFound();

        static native TemplateInstance unavailable(String service);

        static native TemplateInstance problem(String detail);

        static native TemplateInstance failure(String incident);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return page(403, Templates.forbidden());
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return page(404, Templates.notFound());
    }

    @ServerExceptionMapper
    public Response unavailable(ServiceUnavailable e) {
        LOG.warnf("%s unavailable: page shown as temporarily unavailable", e.service());
        return page(503, Templates.unavailable(e.service()));
    }

    @ServerExceptionMapper
    public Response refused(ServiceProblem e) {
        if (e.isNotFound()) {
            return page(404, Templates.notFound());
        }
        if (e.status() == 403) {
            return page(403, Templates.forbidden());
        }
        if (e.status() == 401) {
            return page(401, Templates.problem("Your sign-in has ended. Please sign out and sign in again."));
        }
        // 503: the service answered but something behind it did not (ProblemMapper); it may pass, so say 503.
        int status = e.status() == 409 || e.status() == 503 ? e.status() : 400;
        return page(status, Templates.problem(e.detail()));
    }

    /**
     * A page whose request ended before it was made: a service call started for it found the person's token gone
     * ({@code ServiceCalls}). Not a failure of the portal or of a service, so no incident; one line in the log.
     */
    @ServerExceptionMapper
    public Response requestEnded(ContextNotActiveException e) {
        LOG.warnf("the request ended before its page was made (the person left?): %s", e.getMessage());
        return page(503, Templates.unavailable("portal"));
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 100)
    public Response unexpected(RuntimeException e) {
        if (e instanceof jakarta.ws.rs.WebApplicationException web && web.getResponse().getStatus() < 500) {
            return web.getResponse();
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected failure, incident %s", incident);
        return page(500, Templates.failure(incident));
    }

    private static Response page(int status, TemplateInstance page) {
        if (!Arc.container().requestContext().isActive()) {
            return Response.status(status).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                    .header("Cache-Control", "no-store").entity("The request ended before its page was made.").build();
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store").entity(page.render()).build();
    }
}
