package care.homeprogram.plans.rest;

import care.homeprogram.commons.rest.Page;
import care.homeprogram.commons.security.CurrentUser;
import care.homeprogram.plans.service.PlanService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;

@Path("/api/plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PlanResource {
    private final PlanService plans;
    private final CurrentUser caller;

    public PlanResource(PlanService plans, CurrentUser caller) {
        this.plans = plans;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(CurrentUser.THERAPIST)
    public Response create(@NotNull @Valid CreatePlanRequest request, @jakarta.ws.rs.core.Context UriInfo uri) {
        PlanView plan = plans.create(caller, request);
        return Response.created(uri.getAbsolutePathBuilder().path(plan.id().toString()).build()).entity(plan).build();
    }

    @GET
    @RolesAllowed(CurrentUser.THERAPIST)
    public Page<PlanView> ofPatient(@QueryParam("patientId") @NotNull UUID patientId) {
        return page(plans.ofPatient(caller, patientId));
    }

    @GET
    @Path("/mine")
    @RolesAllowed(CurrentUser.PATIENT)
    public Page<PlanView> mine() {
        return page(plans.mine(caller));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ CurrentUser.PATIENT, CurrentUser.THERAPIST })
    public PlanView get(@PathParam("id") UUID id, @QueryParam("version") Integer version) {
        return plans.get(caller, id, version);
    }

    private static Page<PlanView> page(List<PlanView> all) {
        return new Page<>(all, all.size());
    }
}
