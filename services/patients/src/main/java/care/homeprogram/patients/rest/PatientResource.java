package care.homeprogram.patients.rest;

import care.homeprogram.commons.audit.AuditContext;
import care.homeprogram.commons.rest.Page;
import care.homeprogram.commons.security.CurrentUser;
import care.homeprogram.patients.service.AccountService;
import care.homeprogram.patients.service.PatientService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;

@Path("/api/patients")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PatientResource {
    private final PatientService patients;
    private final AccountService accounts;
    private final CurrentUser caller;
    private final AuditContext audit;

    public PatientResource(PatientService patients, AccountService accounts, CurrentUser caller,
            AuditContext audit) {
        this.patients = patients;
        this.accounts = accounts;
        this.caller = caller;
        this.audit = audit;
    }

    /** A therapist's own patients; an admin gets account data only. {@code q} searches names. */
    @GET
    @RolesAllowed({ CurrentUser.THERAPIST, CurrentUser.ADMIN })
    public Page<?> list(@QueryParam("q") @Size(max = 100) String query,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(Page.MAX_SIZE) int size) {
        return patients.list(caller, query, page, size);
    }

    /** The patient record and their login account; the therapist who creates it is in the care team. */
    @POST
    @RolesAllowed({ CurrentUser.THERAPIST, CurrentUser.ADMIN })
    public Response create(@NotNull @Valid NewPatient request, @Context UriInfo uri) {
        Object created = accounts.createPatient(caller, request);
        UUID id = created instanceof PatientView view ? view.id() : ((PatientAccountView) created).id();
        return Response.created(uri.getAbsolutePathBuilder().path(id.toString()).build()).entity(created).build();
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
    @Path("/me/intake")
    @RolesAllowed(CurrentUser.PATIENT)
    public IntakeView myIntake() {
        return patients.intake(caller, caller.id());
    }

    /** The patient answers the intake screen at first sign-in; afterwards only their therapist can change it. */
    @PUT
    @Path("/me/intake")
    @RolesAllowed(CurrentUser.PATIENT)
    public IntakeView screenMyself(@NotNull @Valid IntakeRequest request) {
        return patients.screenMyself(caller, request);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ CurrentUser.PATIENT, CurrentUser.THERAPIST })
    public PatientView get(@PathParam("id") UUID id) {
        audit.concernsPatient(id);
        return patients.get(caller, id);
    }

    @PUT
    @Path("/{id}/care-team")
    @RolesAllowed({ CurrentUser.THERAPIST, CurrentUser.ADMIN })
    public CareTeamView setCareTeam(@PathParam("id") UUID id, @NotNull @Valid CareTeamUpdate update) {
        audit.concernsPatient(id);
        return patients.setCareTeam(caller, id, update);
    }

    @GET
    @Path("/{id}/intake")
    @RolesAllowed({ CurrentUser.PATIENT, CurrentUser.THERAPIST })
    public IntakeView intake(@PathParam("id") UUID id) {
        audit.concernsPatient(id);
        return patients.intake(caller, id);
    }

    /** A therapist in the patient's care records the intake screen; flags make a plan need their sign-off. */
    @PUT
    @Path("/{id}/intake")
    @RolesAllowed(CurrentUser.THERAPIST)
    public IntakeView screen(@PathParam("id") UUID id, @NotNull @Valid IntakeRequest request) {
        audit.concernsPatient(id);
        return patients.screen(caller, id, request);
    }
}
