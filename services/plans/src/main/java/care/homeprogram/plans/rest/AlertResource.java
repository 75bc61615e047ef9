package care.homeprogram.plans.rest;

import care.homeprogram.commons.problem.ProblemException;
import care.homeprogram.commons.security.CurrentUser;
import care.homeprogram.contract.Page;
import care.homeprogram.plans.api.AlertView;
import care.homeprogram.plans.domain.Alert;
import care.homeprogram.plans.service.AlertService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

@Path("/api/alerts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(CurrentUser.THERAPIST)
public class AlertResource {
    private final AlertService alerts;
    private final CurrentUser caller;

    public AlertResource(AlertService alerts, CurrentUser caller) {
        this.alerts = alerts;
        this.caller = caller;
    }

    /** {@code status}: open (default), acknowledged or all. */
    @GET
    public Page<AlertView> list(@QueryParam("status") @DefaultValue("open") String status) {
        Alert.Status wanted = switch (status.toLowerCase(Locale.ROOT)) {
            case "open" -> Alert.Status.OPEN;
            case "acknowledged" -> Alert.Status.ACKNOWLEDGED;
            case "all" -> null;
            default -> throw ProblemException.badRequest("status must be open, acknowledged or all");
        };
        List<AlertView> found = alerts.forTherapist(caller, wanted);
        return new Page<>(found, found.size());
    }

    @POST
    @Path("/{id}/acknowledge")
    public AlertView acknowledge(@PathParam("id") UUID id) {
        return alerts.acknowledge(caller, id);
    }
}
