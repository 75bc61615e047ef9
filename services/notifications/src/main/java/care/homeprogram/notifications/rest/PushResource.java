package care.homeprogram.notifications.rest;

import care.homeprogram.commons.security.CurrentUser;
import care.homeprogram.notifications.api.PushKey;
import care.homeprogram.notifications.api.PushSubscriptionRequest;
import care.homeprogram.notifications.api.PushSubscriptionView;
import care.homeprogram.notifications.service.PushSubscriptionService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;

/**
 * Push notifications on the signed-in person's browsers and devices (Web Push, docs/notifications.md): patients for
 * their reminders and messages, therapists for alerts. Admins get no clinical notices, so none of this is theirs.
 */
@Path("/api/notifications/push")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ CurrentUser.PATIENT, CurrentUser.THERAPIST })
public class PushResource {
    private final PushSubscriptionService subscriptions;
    private final CurrentUser caller;

    public PushResource(PushSubscriptionService subscriptions, CurrentUser caller) {
        this.subscriptions = subscriptions;
        this.caller = caller;
    }

    /** The VAPID public key to pass to PushManager.subscribe as applicationServerKey. */
    @GET
    @Path("/key")
    public PushKey key() {
        return new PushKey(subscriptions.publicKey());
    }

    @GET
    @Path("/subscriptions")
    public List<PushSubscriptionView> list() {
        return subscriptions.of(caller.id());
    }

    @POST
    @Path("/subscriptions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response subscribe(@NotNull @Valid PushSubscriptionRequest request) {
        return Response.status(Response.Status.CREATED).entity(subscriptions.subscribe(caller.id(), request)).build();
    }

    @DELETE
    @Path("/subscriptions/{id}")
    public Response unsubscribe(@PathParam("id") UUID id) {
        subscriptions.unsubscribe(caller.id(), id);
        return Response.noContent().build();
    }
}
