package care.homeprogram.notifications.rest;

import care.homeprogram.commons.rest.Page;
import care.homeprogram.commons.security.CurrentUser;
import care.homeprogram.notifications.service.NotificationService;
import io.quarkus.security.Authenticated;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** The signed-in person's own in-app inbox, whatever their role. */
@Path("/api/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class NotificationResource {
    private final NotificationService notifications;
    private final CurrentUser caller;

    public NotificationResource(NotificationService notifications, CurrentUser caller) {
        this.notifications = notifications;
        this.caller = caller;
    }

    @GET
    public Page<NotificationView> inbox(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return notifications.inbox(caller.id(), page, size);
    }

    @POST
    @Path("/{id}/read")
    public NotificationView markRead(@PathParam("id") UUID id) {
        return notifications.markRead(caller.id(), id);
    }
}
