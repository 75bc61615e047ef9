package care.homeprogram.portal.client;

import care.homeprogram.contract.Page;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** notification-service's public API, as the portal uses it. Only {@link NotificationsClient} calls it. */
@RegisterRestClient(configKey = "notification-service")
@RegisterProvider(ProblemMapper.class)
@RegisterProvider(AccessTokenFilter.class)
@Path("/api/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface NotificationsApi {

    @GET
    Page<Notification> inbox(@QueryParam("page") int page,
            @QueryParam("size") int size);

    @GET
    @Path("/unread")
    Unread unread();

    @POST
    @Path("/{id}/read")
    Notification markRead(@PathParam("id") UUID id);

    @GET
    @Path("/audit")
    Page<AuditEntry> audit(@QueryParam("patientId") UUID patientId, @QueryParam("actor") String actor,
            @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/push/key")
    PushKey pushKey();

    @GET
    @Path("/push/subscriptions")
    java.util.List<PushDevice> pushDevices();

    @POST
    @Path("/push/subscriptions")
    PushDevice subscribe(PushSubscription subscription);

    @jakarta.ws.rs.DELETE
    @Path("/push/subscriptions/{id}")
    void unsubscribe(@PathParam("id") UUID id);

    @GET
    @Path("/adherence")
    Page<AdherenceLevel> adherence(@QueryParam("size") int size);
}
