package care.homeprogram.commons.outbox;

import care.homeprogram.commons.rest.PageRequest;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import care.homeprogram.contract.Page;
import care.homeprogram.commons.security.CurrentUser;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;

/**
 * The admins' view of the events this service could not publish (docs/events.md#delivery-guarantees): list the parked
 * outbox rows and retry one or all of them. Each service with an outbox exposes it under its own API prefix with a
 * one-line subclass, e.g. {@code @Path("/api/plans/outbox") class OutboxResource extends OutboxEndpoints}. Every
 * request is in the audit trail (who retried what, when), like every other.
 */
public abstract class OutboxEndpoints {
    private final ParkedEvents parked;

    protected OutboxEndpoints(ParkedEvents parked) {
        this.parked = parked;
    }

    @GET
    @Path("/parked")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(CurrentUser.ADMIN)
    public Page<ParkedEvent> parked(@Valid @BeanParam PageRequest paging) {
        return parked.page(paging.page(), paging.size());
    }

    /** 202: the row is pending again; the relay publishes it in its turn. */
    @POST
    @Path("/parked/{id}/retry")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(CurrentUser.ADMIN)
    public Response retry(@PathParam("id") UUID id) {
        return Response.accepted(parked.retry(id)).build();
    }

    @POST
    @Path("/parked/retry")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed(CurrentUser.ADMIN)
    public Response retryAll() {
        List<ParkedEvent> retried = parked.retryAll();
        return Response.accepted(new Page<>(retried, retried.size())).build();
    }
}
