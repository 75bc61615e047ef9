package care.homeprogram.patients.rest;

import care.homeprogram.commons.rest.Page;
import care.homeprogram.commons.security.CurrentUser;
import care.homeprogram.patients.service.TherapistService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

@Path("/api/therapists")
@Produces(MediaType.APPLICATION_JSON)
public class TherapistResource {
    private final TherapistService therapists;
    private final CurrentUser caller;

    public TherapistResource(TherapistService therapists, CurrentUser caller) {
        this.therapists = therapists;
        this.caller = caller;
    }

    /** Paged, by name; {@code q} matches first name, last name or username. */
    @GET
    @RolesAllowed({ CurrentUser.THERAPIST, CurrentUser.ADMIN })
    public Page<TherapistView> search(@QueryParam("q") @Size(max = 100) String query,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return therapists.search(query, page, size);
    }

    @GET
    @Path("/me")
    @RolesAllowed(CurrentUser.THERAPIST)
    public TherapistView me() {
        return therapists.me(caller);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ CurrentUser.THERAPIST, CurrentUser.ADMIN })
    public TherapistView get(@PathParam("id") UUID id) {
        return therapists.get(id);
    }
}
