package care.homeprogram.portal.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** patient-service's public API (docs/api-contract.md), as the portal uses it. Only {@link PatientsClient} calls it. */
@RegisterRestClient(configKey = "patient-service")
@RegisterProvider(ProblemMapper.class)
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface PatientsApi {

    @GET
    @Path("/patients")
    Page<Patient> patients(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @QueryParam("q") String query,
            @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/patients/{id}")
    Patient patient(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("id") UUID id);

    @POST
    @Path("/patients")
    Patient createPatient(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, NewPatient patient);

    @GET
    @Path("/patients/me")
    Patient me(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer);

    @PATCH
    @Path("/patients/me")
    Patient updateMe(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, PatientPreferences preferences);

    @PUT
    @Path("/patients/{id}/intake")
    Patient.Intake screen(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("id") UUID id,
            IntakeAnswers answers);

    @GET
    @Path("/patients/me/intake")
    Patient.Intake myIntake(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer);

    @PUT
    @Path("/patients/me/intake")
    Patient.Intake screenMyself(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, IntakeAnswers answers);

    @GET
    @Path("/therapists")
    Page<Therapist> therapists(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @QueryParam("size") int size);

    @GET
    @Path("/accounts")
    Page<Account> accounts(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @QueryParam("role") String role,
            @QueryParam("q") String query, @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/accounts/{id}")
    Account account(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("id") UUID id);

    @POST
    @Path("/accounts")
    Account createAccount(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, NewAccount account);

    @PATCH
    @Path("/accounts/{id}")
    Account changeAccount(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("id") UUID id,
            AccountChange change);

    @POST
    @Path("/accounts/{id}/reset-credentials")
    void resetCredentials(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("id") UUID id,
            CredentialsReset reset);

    @GET
    @Path("/accounts/audit")
    Page<AuditEntry> audit(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
            @QueryParam("patientId") UUID patientId, @QueryParam("actor") String actor,
            @QueryParam("page") int page, @QueryParam("size") int size);
}
