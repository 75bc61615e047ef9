package care.homeprogram.patients.rest;

import care.homeprogram.patients.api.BillingIdentity;
import care.homeprogram.patients.api.CareTeamOutcome;
import care.homeprogram.patients.api.CareTeamRequestView;
import care.homeprogram.patients.api.PatientRepresentation;
import care.homeprogram.patients.api.CareTeamUpdate;
import care.homeprogram.patients.api.CareTeamView;
import care.homeprogram.patients.api.IntakeRequest;
import care.homeprogram.patients.api.IntakeView;
import care.homeprogram.patients.api.Invited;
import care.homeprogram.patients.api.NewPatient;
import care.homeprogram.patients.api.PatientView;
import care.homeprogram.patients.api.PreferencesUpdate;
import care.homeprogram.commons.rest.PageRequest;
import jakarta.ws.rs.BeanParam;
import care.homeprogram.commons.audit.AuditContext;
import care.homeprogram.contract.Page;
import care.homeprogram.commons.problem.ProblemException;
import care.homeprogram.commons.security.CurrentUser;
import care.homeprogram.patients.service.AccountService;
import care.homeprogram.patients.service.PatientService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

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
    public Page<PatientRepresentation> list(@QueryParam("q") @Size(max = 100) String query,
            @Valid @BeanParam PageRequest paging) {
        return patients.list(caller, query, paging.page(), paging.size());
    }

    /** The patient record and their login account; the therapist who creates it is in the care team. */
    @POST
    @RolesAllowed({ CurrentUser.THERAPIST, CurrentUser.ADMIN })
    public Response create(@NotNull @Valid NewPatient request, @Context UriInfo uri) {
        Invited<PatientRepresentation> created = accounts.createPatient(caller, request);
        return Response.created(uri.getAbsolutePathBuilder().path(created.created().id().toString()).build())
                .entity(created).build();
    }

    /**
     * Billing staff's only read here: the name and birth date of each patient of the clinic's RTM ledger they claim
     * for ({@code id} repeated, at most {@value PatientService#MAX_BILLING_IDENTITIES}); unknown ids are left out.
     */
    @GET
    @Path("/billing-identities")
    @RolesAllowed(CurrentUser.BILLING)
    public List<BillingIdentity> billingIdentities(@QueryParam("id") List<String> ids) {
        return patients.billingIdentities(caller, patientIds(ids));
    }

    /** Parsed here, not by JAX-RS: a malformed query parameter would otherwise be a 404, not the 400 it is. */
    private static List<UUID> patientIds(List<String> ids) {
        if (ids == null) {
            return List.of();
        }
        List<UUID> parsed = new ArrayList<>(ids.size());
        for (String id : ids) {
            try {
                parsed.add(UUID.fromString(id.strip()));
            } catch (IllegalArgumentException notAnId) {
                throw ProblemException.invalidField("id", "each id is a patient id (a UUID)");
            }
        }
        return parsed;
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

    /** Who is in the patient's care team (ids): for the patient, a therapist in it, and admins who assign it. */
    @GET
    @Path("/{id}/care-team")
    @RolesAllowed({ CurrentUser.PATIENT, CurrentUser.THERAPIST, CurrentUser.ADMIN })
    public CareTeamView careTeam(@PathParam("id") UUID id) {
        audit.concernsPatient(id);
        return patients.careTeam(caller, id);
    }

    /**
     * 200 with the team when it took effect; 202 with a pending request when an admin's change adds a therapist to a
     * patient with clinical data (a therapist of the care team must confirm it).
     */
    @PUT
    @Path("/{id}/care-team")
    @RolesAllowed({ CurrentUser.THERAPIST, CurrentUser.ADMIN })
    @APIResponse(responseCode = "200", description = "the care team now",
            content = @Content(schema = @Schema(implementation = CareTeamView.class)))
    @APIResponse(responseCode = "202", description = "an admin's change waiting for a care-team therapist",
            content = @Content(schema = @Schema(implementation = CareTeamRequestView.class)))
    public Response setCareTeam(@PathParam("id") UUID id, @NotNull @Valid CareTeamUpdate update) {
        audit.concernsPatient(id);
        CareTeamOutcome result = patients.setCareTeam(caller, id, update);
        int status = switch (result) {
            case CareTeamView applied -> 200;
            case CareTeamRequestView pending -> 202;
        };
        return Response.status(status).entity(result).build();
    }

    /** Admins' pending care-team changes of this patient. */
    @GET
    @Path("/{id}/care-team/requests")
    @RolesAllowed({ CurrentUser.PATIENT, CurrentUser.THERAPIST, CurrentUser.ADMIN })
    public List<CareTeamRequestView> careTeamRequests(@PathParam("id") UUID id) {
        audit.concernsPatient(id);
        return patients.careTeamRequests(caller, id);
    }

    /** A therapist of the care team (or the patient, when it is empty) accepts an admin's change: it takes effect. */
    @POST
    @Path("/{id}/care-team/requests/{requestId}/confirm")
    @RolesAllowed({ CurrentUser.PATIENT, CurrentUser.THERAPIST })
    @Consumes(MediaType.WILDCARD) // no body
    public CareTeamView confirmCareTeamRequest(@PathParam("id") UUID id, @PathParam("requestId") UUID requestId) {
        audit.concernsPatient(id);
        audit.concernsObject(requestId);
        return patients.confirmCareTeamRequest(caller, id, requestId);
    }

    @POST
    @Path("/{id}/care-team/requests/{requestId}/decline")
    @RolesAllowed({ CurrentUser.PATIENT, CurrentUser.THERAPIST })
    @Consumes(MediaType.WILDCARD) // no body
    public CareTeamRequestView declineCareTeamRequest(@PathParam("id") UUID id,
            @PathParam("requestId") UUID requestId) {
        audit.concernsPatient(id);
        audit.concernsObject(requestId);
        return patients.declineCareTeamRequest(caller, id, requestId);
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
