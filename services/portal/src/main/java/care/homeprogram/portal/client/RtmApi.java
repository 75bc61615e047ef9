package care.homeprogram.portal.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * plan-service's remote therapeutic monitoring API ({@code /api/rtm}, docs/api.md), as the portal uses it. Only
 * {@link RtmClient} calls it. Same service, same access token and problem mapping as {@link PlansApi}.
 */
@RegisterRestClient(configKey = "plan-service")
@RegisterProvider(ProblemMapper.class)
@RegisterProvider(AccessTokenFilter.class)
@Path("/api/rtm")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface RtmApi {
    String CSV = "text/csv";

    @GET
    @Path("/patients/{id}")
    Rtm.Status status(@PathParam("id") UUID patientId);

    @PUT
    @Path("/patients/{id}/consent")
    Rtm.Status recordConsent(@PathParam("id") UUID patientId, Rtm.ConsentChange consent);

    @POST
    @Path("/patients/{id}/setup")
    Rtm.Setup recordSetup(@PathParam("id") UUID patientId, Rtm.SetupRequest setup);

    /** The body is an empty object ({@code {}}): the timer starts now, for the caller. */
    @POST
    @Path("/patients/{id}/timer/start")
    Rtm.Timer startTimer(@PathParam("id") UUID patientId, Map<String, Object> nothing);

    @POST
    @Path("/patients/{id}/timer/stop")
    Rtm.TimeEntry stopTimer(@PathParam("id") UUID patientId, Rtm.Stop stop);

    @POST
    @Path("/patients/{id}/time")
    Rtm.TimeEntry recordTime(@PathParam("id") UUID patientId, Rtm.ManualTime time);

    @GET
    @Path("/patients/{id}/months/{month}")
    Rtm.Month month(@PathParam("id") UUID patientId, @PathParam("month") String month);

    @GET
    @Path("/patients/{id}/months/{month}.csv")
    @Produces(CSV)
    byte[] monthCsv(@PathParam("id") UUID patientId, @PathParam("month") String month);

    @GET
    @Path("/ledger")
    Rtm.Ledger ledger(@QueryParam("month") String month);

    @GET
    @Path("/ledger.csv")
    @Produces(CSV)
    byte[] ledgerCsv(@QueryParam("month") String month);

    /** Every consenting patient of the clinic: billing staff only. */
    @GET
    @Path("/ledger/clinic")
    Rtm.Ledger clinicLedger(@QueryParam("month") String month);

    @GET
    @Path("/ledger/clinic.csv")
    @Produces(CSV)
    byte[] clinicLedgerCsv(@QueryParam("month") String month);
}
