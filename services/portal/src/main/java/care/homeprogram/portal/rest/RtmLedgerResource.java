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
 * The clinic's remote-monitoring ledger of a month for a therapist ("RTM ledger" in the menu): each of their patients
 * with consent and the codes plan-service proposes, with reasons; as plan-service's CSV and as a PDF the portal prints
 * ({@link RtmLedger#pdf}). Only proposals: nothing is billed automatically. Patients and admins get the 403 page.
 */
@Path("/rtm")
@RolesAllowed("therapist")
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
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance ledger(@QueryParam("month") String month) {
        return Templates.ledger(pages.ledger(month(month)));
    }

    @GET
    @Path("/ledger.csv")
    @Produces({ RtmResource.CSV, MediaType.TEXT_HTML })
    public Response csv(@QueryParam("month") String month) {
        YearMonth asked = month(month);
        return Response.ok(rtm.ledgerCsv(asked), RtmResource.CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"rtm-ledger-" + asked + ".csv\"").build();
    }

    @GET
    @Path("/ledger.pdf")
    @Produces({ "application/pdf", MediaType.TEXT_HTML })
    public Response pdf(@QueryParam("month") String month) {
        YearMonth asked = month(month);
        return Response.ok(pages.ledger(asked).pdf(), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"rtm-ledger-" + asked + ".pdf\"").build();
    }

    private YearMonth month(String month) {
        return month == null || month.isBlank() ? pages.currentMonth() : RtmWording.month(month);
    }
}
