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

/** plan-service's public API (docs/api-contract.md), as the portal uses it. Only {@link PlansClient} calls it. */
@RegisterRestClient(configKey = "plan-service")
@RegisterProvider(ProblemMapper.class)
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface PlansApi {

    @GET
    @Path("/plans/mine")
    Page<Plan> mine(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer);

    @GET
    @Path("/plans")
    Page<Plan> ofPatient(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
            @QueryParam("patientId") UUID patientId);

    @GET
    @Path("/plans/{id}")
    Plan plan(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("id") UUID id,
            @QueryParam("version") Integer version);

    @GET
    @Path("/plans/{id}/versions")
    Page<PlanVersion> versions(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("id") UUID id);

    @GET
    @Path("/plans/{id}/sessions")
    Page<Session> sessions(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("id") UUID id);

    @GET
    @Path("/plans/{id}/adherence")
    Adherence adherence(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("id") UUID id);

    @POST
    @Path("/plans")
    Plan create(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, NewPlan plan);

    @PATCH
    @Path("/plans/{id}")
    Plan change(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("id") UUID id, PlanChange change);

    @POST
    @Path("/plans/{id}/items/{itemId}/resume")
    Plan resume(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("id") UUID id,
            @PathParam("itemId") UUID itemId, Reason reason);

    @POST
    @Path("/plans/{id}/sessions")
    SafetyOutcome logSession(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("id") UUID id,
            SessionLog session);

    @PUT
    @Path("/plans/{id}/sessions/{sessionId}")
    SafetyOutcome correctSession(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("id") UUID id,
            @PathParam("sessionId") UUID sessionId, SessionCorrection correction);

    @POST
    @Path("/plans/{id}/sessions/{sessionId}/withdraw")
    Session withdrawSession(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("id") UUID id,
            @PathParam("sessionId") UUID sessionId, Reason reason);

    @POST
    @Path("/check-ins")
    SafetyOutcome checkIn(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, CheckIn checkIn);

    @GET
    @Path("/alerts")
    Page<Alert> alerts(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @QueryParam("status") String status);

    @POST
    @Path("/alerts/{id}/acknowledge")
    Alert acknowledge(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("id") UUID id);

    @GET
    @Path("/exercises")
    Page<Exercise> exercises(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer);

    @GET
    @Path("/templates")
    Page<Template> templates(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer);

    /** The patient's record as an HL7 FHIR R4 Bundle (plan-service checks the caller is in the care team). */
    @GET
    @Path("/fhir/patients/{id}")
    @Produces("application/fhir+json")
    byte[] fhirRecord(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer, @PathParam("id") UUID patientId);

    @GET
    @Path("/plans/audit")
    Page<AuditEntry> audit(@HeaderParam(HttpHeaders.AUTHORIZATION) String bearer,
            @QueryParam("patientId") UUID patientId, @QueryParam("actor") String actor,
            @QueryParam("page") int page, @QueryParam("size") int size);
}
