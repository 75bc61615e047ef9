package care.homeprogram.patients.rest;

import care.homeprogram.commons.security.CurrentUser;
import care.homeprogram.patients.api.CareTeamRequestToDecide;
import care.homeprogram.patients.service.PatientService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * The admins' care-team requests a therapist may decide, across all their patients (one read for the therapist's
 * "care-team requests" page instead of one per patient). Deciding stays on the patient's own endpoints.
 */
@Path("/api/care-team-requests")
@Produces(MediaType.APPLICATION_JSON)
public class CareTeamRequestResource {
    private final PatientService patients;
    private final CurrentUser caller;

    public CareTeamRequestResource(PatientService patients, CurrentUser caller) {
        this.patients = patients;
        this.caller = caller;
    }

    @GET
    @RolesAllowed(CurrentUser.THERAPIST)
    public List<CareTeamRequestToDecide> toDecide(
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(100) int limit) {
        return patients.careTeamRequestsToDecide(caller, limit);
    }
}
