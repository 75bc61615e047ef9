package care.homeprogram.plans.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** patient-service's API as plan-service calls it; used only through {@link PatientsClient}. */
@RegisterRestClient(configKey = "patient-service")
@Path("/api/patients")
@Produces(MediaType.APPLICATION_JSON)
interface PatientsApi {
    @GET
    @Path("/{id}")
    PatientDetails get(@PathParam("id") UUID id, @HeaderParam("Authorization") String authorization);

    @GET
    @Path("/{id}/intake")
    IntakeStatus intake(@PathParam("id") UUID id, @HeaderParam("Authorization") String authorization);
}
