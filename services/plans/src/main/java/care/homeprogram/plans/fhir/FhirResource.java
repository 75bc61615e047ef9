package care.homeprogram.plans.fhir;

import care.homeprogram.commons.ratelimit.RateLimited;
import ca.uhn.fhir.context.FhirContext;
import care.homeprogram.commons.security.CurrentUser;
import care.homeprogram.plans.service.ExportService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** HL7 FHIR R4 export of a patient's program, sessions and pain scores, for EHRs and the patient's own records. */
@Path("/api/fhir")
public class FhirResource {
    public static final String FHIR_JSON = "application/fhir+json";

    private final ExportService exports;
    private final FhirContext fhir;
    private final CurrentUser caller;
    private final JsonWebToken token;

    public FhirResource(ExportService exports, FhirContext fhir, CurrentUser caller, JsonWebToken token) {
        this.exports = exports;
        this.fhir = fhir;
        this.caller = caller;
        this.token = token;
    }

    @GET
    @Path("/patients/{id}")
    @Produces(FHIR_JSON)
    @RolesAllowed({ CurrentUser.PATIENT, CurrentUser.THERAPIST })
    @RateLimited(RateLimited.EXPORT)
    public String patient(@PathParam("id") UUID id) {
        return fhir.newJsonParser().setPrettyPrint(false)
                .encodeResourceToString(exports.fhirBundle(caller, id, token.getRawToken(), callerName()));
    }

    /** The OpenID Connect profile claims Keycloak puts in the access token, when both are there. */
    private Optional<FhirExport.Name> callerName() {
        String given = token.getClaim("given_name");
        String family = token.getClaim("family_name");
        return given == null || family == null ? Optional.empty() : Optional.of(new FhirExport.Name(given, family));
    }
}
