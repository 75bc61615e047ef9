package care.homeprogram.portal.rest;

import care.homeprogram.portal.service.ProgressReports;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/**
 * The patient's progress (or discharge) report as a PDF, for their therapist to send to the referrer and keep in the
 * record. Only a therapist of the patient's care team gets it: patient-service and plan-service refuse anyone else
 * (shown as the portal's "not found" page); patients and admins get the 403 page. Not cached ({@link NoStore}).
 */
@Path("/patients/{id}/report.pdf")
@RolesAllowed("therapist")
public class ProgressReportResource {
    private final ProgressReports reports;

    public ProgressReportResource(ProgressReports reports) {
        this.reports = reports;
    }

    @GET
    @Produces({ "application/pdf", MediaType.TEXT_HTML })
    public Response pdf(@PathParam("id") UUID id) {
        byte[] pdf = reports.of(id).pdf();
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "inline; filename=\"progress-report.pdf\"").build();
    }
}
