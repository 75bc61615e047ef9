package care.homeprogram.plans.rest;

import care.homeprogram.commons.rest.QueryValues;
import care.homeprogram.commons.security.CurrentUser;
import care.homeprogram.plans.api.PatientOverviewView;
import care.homeprogram.plans.service.KeptOverviews;
import care.homeprogram.plans.service.PatientOverviews;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The therapist's page of one patient in one read (docs/api.md, "The patient overview"): what {@code GET /api/plans},
 * the plan's sessions, adherence, versions and earlier versions, its measures, the patient's scores and open alerts
 * and the instruments answer separately. A patient outside the therapist's care team is a 404, as for every read.
 */
@Path("/api/plans/overview")
@Produces(MediaType.APPLICATION_JSON)
public class PatientOverviewResource {
    /** The versions a page's history compares: the newest six and the one before each. */
    static final int DEFAULT_VERSIONS_BEFORE = 6;

    private final KeptOverviews overviews;
    private final CurrentUser caller;
    private final ResponseLanguage language;

    public PatientOverviewResource(KeptOverviews overviews, CurrentUser caller, ResponseLanguage language) {
        this.overviews = overviews;
        this.caller = caller;
        this.language = language;
    }

    /** Answered with the JSON {@link KeptOverviews} kept while it is current. */
    @GET
    @RolesAllowed(CurrentUser.THERAPIST)
    @APIResponse(responseCode = "200", description = "The therapist's page of the patient", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PatientOverviewView.class)))
    public Response overview(@QueryParam("patientId") String patientId,
            @QueryParam("versionsBefore") String versionsBefore,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return Response.ok(overviews.of(caller, QueryValues.id("patientId", patientId),
                QueryValues.between("versionsBefore", versionsBefore, DEFAULT_VERSIONS_BEFORE, 0,
                        PatientOverviews.MAX_VERSIONS_BEFORE),
                language.choose(acceptLanguage)), MediaType.APPLICATION_JSON_TYPE).build();
    }
}
