package care.homeprogram.patients.rest;

import care.homeprogram.patients.api.TherapistPreferencesUpdate;
import care.homeprogram.patients.api.TherapistView;
import care.homeprogram.commons.rest.PageRequest;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import care.homeprogram.contract.Page;
import care.homeprogram.commons.security.CurrentUser;
import care.homeprogram.patients.service.TherapistService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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
            @Valid @BeanParam PageRequest paging) {
        return therapists.search(query, paging.page(), paging.size());
    }

    @GET
    @Path("/me")
    @RolesAllowed(CurrentUser.THERAPIST)
    public TherapistView me() {
        return therapists.me(caller);
    }

    /** The therapist's own time zone, quiet hours and channels; notification-service follows by the event. */
    @PATCH
    @Path("/me")
    @RolesAllowed(CurrentUser.THERAPIST)
    @Consumes(MediaType.APPLICATION_JSON)
    public TherapistView updateMe(@NotNull @Valid TherapistPreferencesUpdate update) {
        return therapists.updatePreferences(caller, update);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ CurrentUser.THERAPIST, CurrentUser.ADMIN })
    public TherapistView get(@PathParam("id") UUID id) {
        return therapists.get(id);
    }
}
