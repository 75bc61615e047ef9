package care.homeprogram.portal.client;

import care.homeprogram.contract.Page;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** patient-service's public API (docs/api-contract.md), as the portal uses it. Only {@link PatientsClient} calls it. */
@RegisterRestClient(configKey = "patient-service")
@RegisterProvider(ProblemMapper.class)
@RegisterProvider(AccessTokenFilter.class)
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface PatientsApi {

    @GET
    @Path("/patients")
    Page<Patient> patients(@QueryParam("q") String query,
            @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/patients/{id}")
    Patient patient(@PathParam("id") UUID id);

    @GET
    @Path("/patients/billing-identities")
    List<BillingIdentity> billingIdentities(@QueryParam("id") List<UUID> ids);

    @POST
    @Path("/patients")
    CreatedLogin createPatient(NewPatient patient);

    @GET
    @Path("/patients/me")
    Patient me();

    @PATCH
    @Path("/patients/me")
    Patient updateMe(PatientPreferences preferences);

    @PUT
    @Path("/patients/{id}/intake")
    Patient.Intake screen(@PathParam("id") UUID id,
            IntakeAnswers answers);

    @GET
    @Path("/patients/me/intake")
    Patient.Intake myIntake();

    @PUT
    @Path("/patients/me/intake")
    Patient.Intake screenMyself(IntakeAnswers answers);

    @GET
    @Path("/therapists")
    Page<Therapist> therapists(@QueryParam("size") int size);

    @GET
    @Path("/accounts")
    Page<Account> accounts(@QueryParam("role") String role,
            @QueryParam("q") String query, @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/accounts/{id}")
    Account account(@PathParam("id") UUID id);

    @POST
    @Path("/accounts")
    CreatedLogin createAccount(NewAccount account);

    @PATCH
    @Path("/accounts/{id}")
    Account changeAccount(@PathParam("id") UUID id,
            AccountChange change);

    @POST
    @Path("/accounts/{id}/reset-credentials")
    void resetCredentials(@PathParam("id") UUID id,
            CredentialsReset reset);

    @GET
    @Path("/accounts/audit")
    Page<AuditEntry> audit(@QueryParam("patientId") UUID patientId, @QueryParam("actor") String actor,
            @QueryParam("page") int page, @QueryParam("size") int size);

    // Care teams: who is in one, an admin's change (applied, or a request that waits), deciding a request.

    @GET
    @Path("/patients/{id}/care-team")
    CareTeam careTeam(@PathParam("id") UUID patientId);

    @PUT
    @Path("/patients/{id}/care-team")
    CareTeamRequest setCareTeam(@PathParam("id") UUID patientId, CareTeamUpdate update);

    @GET
    @Path("/patients/{id}/care-team/requests")
    java.util.List<CareTeamRequest> careTeamRequests(@PathParam("id") UUID patientId);

    @GET
    @Path("/care-team-requests")
    java.util.List<CareTeamRequestToDecide> careTeamRequestsToDecide(@QueryParam("limit") int limit);

    @POST
    @Path("/patients/{id}/care-team/requests/{requestId}/confirm")
    CareTeam confirmCareTeamRequest(@PathParam("id") UUID patientId, @PathParam("requestId") UUID requestId);

    @POST
    @Path("/patients/{id}/care-team/requests/{requestId}/decline")
    CareTeamRequest declineCareTeamRequest(@PathParam("id") UUID patientId, @PathParam("requestId") UUID requestId);

    @GET
    @Path("/therapists")
    Page<Therapist> searchTherapists(@QueryParam("q") String query, @QueryParam("page") int page,
            @QueryParam("size") int size);

    @GET
    @Path("/therapists/{id}")
    Therapist therapist(@PathParam("id") UUID id);
}
