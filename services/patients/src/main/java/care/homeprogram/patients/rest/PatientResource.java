package care.homeprogram.patients.rest;

import care.homeprogram.commons.rest.Page;
import care.homeprogram.commons.security.CurrentUser;
import care.homeprogram.patients.service.PatientService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

@Path("/api/patients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PatientResource {
    private final PatientService patients;
    private final CurrentUser caller;

    public PatientResource(PatientService patients, CurrentUser caller) {
        this.patients = patients;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ CurrentUser.THERAPIST, CurrentUser.ADMIN })
    public Page<?> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return patients.list(caller, page, size);
    }

    @GET
    @Path("/me")
    @RolesAllowed(CurrentUser.PATIENT)
    public PatientView me() {
        return patients.me(caller);
    }

    @PATCH
    @Path("/me")
    @RolesAllowed(CurrentUser.PATIENT)
    public PatientView updateMe(@NotNull @Valid PreferencesUpdate update) {
        return patients.updatePreferences(caller, update);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ CurrentUser.PATIENT, CurrentUser.THERAPIST })
    public PatientView get(@PathParam("id") UUID id) {
        return patients.get(caller, id);
    }
}
