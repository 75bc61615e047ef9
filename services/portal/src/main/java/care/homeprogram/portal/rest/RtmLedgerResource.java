package care.homeprogram.portal.rest;

import care.homeprogram.portal.client.RtmClient;
import care.homeprogram.portal.service.RtmLedger;
import care.homeprogram.portal.service.RtmPages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.YearMonth;

/**
 * The remote-monitoring ledger of a month: for a therapist ("RTM ledger" in the menu) each of their patients with
 * consent, for billing staff ("Clinic RTM ledger", their only page) every consenting patient of the clinic; the codes
 * plan-service proposes, with reasons; as plan-service's CSV and as a PDF the portal prints ({@link RtmLedger#pdf}).
 * Only proposals: nothing is billed automatically. Everyone else gets the 403 page.
 */
@Path("/rtm")
public class RtmLedgerResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance ledger(RtmLedger ledger);
    }

    private final RtmPages pages;
    private final RtmClient rtm;

    public RtmLedgerResource(RtmPages pages, RtmClient rtm) {
        this.pages = pages;
        this.rtm = rtm;
    }

    @GET
    @Path("/ledger")
    @RolesAllowed("therapist")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance ledger(@QueryParam("month") String month) {
        return Templates.ledger(pages.ledger(month(month)));
    }

    @GET
    @Path("/ledger.csv")
    @RolesAllowed("therapist")
    @Produces({ RtmResource.CSV, MediaType.TEXT_HTML })
    public Response csv(@QueryParam("month") String month) {
        YearMonth asked = month(month);
        return download(rtm.ledgerCsv(asked), RtmResource.CSV + "; charset=UTF-8", "rtm-ledger-" + asked + ".csv");
    }

    @GET
    @Path("/ledger.pdf")
    @RolesAllowed("therapist")
    @Produces({ "application/pdf", MediaType.TEXT_HTML })
    public Response pdf(@QueryParam("month") String month) {
        YearMonth asked = month(month);
        return download(pages.ledger(asked).pdf(), "application/pdf", "rtm-ledger-" + asked + ".pdf");
    }

    @GET
    @Path("/clinic-ledger")
    @RolesAllowed("billing")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance clinicLedger(@QueryParam("month") String month) {
        return Templates.ledger(pages.clinicLedger(month(month)));
    }

    @GET
    @Path("/clinic-ledger.csv")
    @RolesAllowed("billing")
    @Produces({ RtmResource.CSV, MediaType.TEXT_HTML })
    public Response clinicCsv(@QueryParam("month") String month) {
        YearMonth asked = month(month);
        return download(pages.clinicLedgerCsv(asked), RtmResource.CSV + "; charset=UTF-8",
                "rtm-clinic-ledger-" + asked + ".csv");
    }

    @GET
    @Path("/clinic-ledger.pdf")
    @RolesAllowed("billing")
    @Produces({ "application/pdf", MediaType.TEXT_HTML })
    public Response clinicPdf(@QueryParam("month") String month) {
        YearMonth asked = month(month);
        return download(pages.clinicLedger(asked).pdf(), "application/pdf", "rtm-clinic-ledger-" + asked + ".pdf");
    }

    /** The ledger as a file the browser saves under {@code fileName}. */
    private static Response download(Object body, String type, String fileName) {
        return Response.ok(body, type).header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .build();
    }

    private YearMonth month(String month) {
        return month == null || month.isBlank() ? pages.currentMonth() : RtmWording.month(month);
    }
}
