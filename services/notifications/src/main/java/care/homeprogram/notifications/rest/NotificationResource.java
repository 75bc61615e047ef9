package care.homeprogram.notifications.rest;

import care.homeprogram.notifications.api.AdherenceView;
import care.homeprogram.notifications.api.DeliveryView;
import care.homeprogram.notifications.api.NotificationView;
import care.homeprogram.notifications.api.UnreadView;
import care.homeprogram.commons.rest.PageRequest;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import care.homeprogram.contract.Page;
import care.homeprogram.commons.security.CurrentUser;
import care.homeprogram.notifications.service.AdherenceService;
import care.homeprogram.notifications.service.NotificationService;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/** The signed-in person's own in-app inbox and delivery log, whatever their role; adherence for therapists. */
@Path("/api/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class NotificationResource {
    private final NotificationService notifications;
    private final AdherenceService adherence;
    private final CurrentUser caller;

    public NotificationResource(NotificationService notifications, AdherenceService adherence, CurrentUser caller) {
        this.notifications = notifications;
        this.adherence = adherence;
        this.caller = caller;
    }

    @GET
    public Page<NotificationView> inbox(@Valid @BeanParam PageRequest paging) {
        return notifications.inbox(caller.id(), paging.page(), paging.size());
    }

    /** How many in-app messages the person has not read: one count, not a page of messages. */
    @GET
    @Path("/unread")
    public UnreadView unread() {
        return notifications.unread(caller.id());
    }

    @POST
    @Path("/{id}/read")
    public NotificationView markRead(@PathParam("id") UUID id) {
        return notifications.markRead(caller.id(), id);
    }

    /** The person's own delivery log, emails and pushes: attempts, next try, last error, final state. */
    @GET
    @Path("/deliveries")
    public Page<DeliveryView> deliveries(@Valid @BeanParam PageRequest paging) {
        return notifications.deliveries(caller.id(), paging.page(), paging.size());
    }

    /** Non-adherence of the plans the signed-in therapist assigned: who is inactive, stalled or dropped. */
    @GET
    @Path("/adherence")
    @RolesAllowed(CurrentUser.THERAPIST)
    public Page<AdherenceView> adherence(@Valid @BeanParam PageRequest paging) {
        return adherence.ofTherapist(caller.id(), paging.page(), paging.size());
    }
}
