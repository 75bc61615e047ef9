package care.homeprogram.portal.rest;

import care.homeprogram.portal.client.CareTeam;
import care.homeprogram.portal.client.PatientsClient;
import care.homeprogram.portal.client.ServiceProblem;
import care.homeprogram.portal.service.CareTeamPages;
import care.homeprogram.portal.service.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A therapist decides the admins' care-team requests about their patients: confirm (the requested team takes effect;
 * after a hand-over away from them, they no longer see the patient) or decline (nothing changes).
 */
@Path("/care-team-requests")
@RolesAllowed("therapist")
@Produces(MediaType.TEXT_HTML)
public class CareTeamRequestsResource {
    private static final Map<String, String> DONE = Map.of(
            "confirmed", "Confirmed: the care team is changed.",
            "handed-over", "Confirmed: the patient is handed over and is no longer in your care.",
            "declined", "Declined: the care team stays as it was.");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance requests(List<CareTeamPages.ToDecide> requests, String notice,
                String error);
    }

    private final PatientsClient patients;
    private final CareTeamPages pages;
    private final Viewer viewer;

    public CareTeamRequestsResource(PatientsClient patients, CareTeamPages pages, Viewer viewer) {
        this.patients = patients;
        this.pages = pages;
        this.viewer = viewer;
    }

    @GET
    public TemplateInstance requests(@QueryParam("done") String done) {
        return Templates.requests(pages.toDecide(viewer.id()), done == null ? null : DONE.get(done), null);
    }

    @POST
    @Path("/{patientId}/{requestId}/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(@PathParam("patientId") UUID patientId, @PathParam("requestId") UUID requestId) {
        try {
            CareTeam team = patients.confirmCareTeamRequest(patientId, requestId);
            return Pages.redirect("/care-team-requests?done="
                    + (team.therapistIds().contains(viewer.id()) ? "confirmed" : "handed-over"));
        } catch (ServiceProblem refused) {
            return decidedAlready(refused);
        }
    }

    @POST
    @Path("/{patientId}/{requestId}/decline")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decline(@PathParam("patientId") UUID patientId, @PathParam("requestId") UUID requestId) {
        try {
            patients.declineCareTeamRequest(patientId, requestId);
            return Pages.redirect("/care-team-requests?done=declined");
        } catch (ServiceProblem refused) {
            return decidedAlready(refused);
        }
    }

    /** A colleague decided first (409): the list again, with the service's explanation. Anything else propagates. */
    private Response decidedAlready(ServiceProblem refused) {
        if (refused.status() != 409) {
            throw refused;
        }
        return Response.status(409).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.requests(pages.toDecide(viewer.id()), null, refused.detail()).render()).build();
    }
}
