package care.homeprogram.plans.rest;

import care.homeprogram.commons.csv.Csv;
import care.homeprogram.commons.security.CurrentUser;
import care.homeprogram.plans.api.ManualTimeRequest;
import care.homeprogram.plans.api.RecordConsentRequest;
import care.homeprogram.plans.api.RecordSetupRequest;
import care.homeprogram.plans.api.RtmViews;
import care.homeprogram.plans.api.StopTimerRequest;
import care.homeprogram.plans.service.RtmService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/**
 * Remote therapeutic monitoring (docs/rtm.md): consent and set-up, treatment-management time, and monthly summaries
 * and ledgers of what qualified and why. For the patient's care team; a patient reads their own consent; billing
 * staff read the clinic-wide ledger and nothing else; an admin none of it. Nothing here bills anything.
 */
@Path("/api/rtm")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RtmResource {
    private static final String CSV = Csv.MEDIA_TYPE + "; charset=UTF-8";

    private final RtmService rtm;
    private final CurrentUser caller;

    public RtmResource(RtmService rtm, CurrentUser caller) {
        this.rtm = rtm;
        this.caller = caller;
    }

    @GET
    @Path("/patients/{id}")
    @RolesAllowed({ CurrentUser.THERAPIST, CurrentUser.PATIENT })
    public RtmViews.Patient patient(@PathParam("id") UUID patientId) {
        return rtm.patient(caller, patientId);
    }

    @PUT
    @Path("/patients/{id}/consent")
    @RolesAllowed(CurrentUser.THERAPIST)
    public RtmViews.Patient consent(@PathParam("id") UUID patientId, @NotNull @Valid RecordConsentRequest request) {
        return rtm.recordConsent(caller, patientId, request);
    }

    @POST
    @Path("/patients/{id}/setup")
    @RolesAllowed(CurrentUser.THERAPIST)
    public Response setup(@PathParam("id") UUID patientId, @Valid RecordSetupRequest request) {
        return Response.status(Response.Status.CREATED).entity(rtm.recordSetup(caller, patientId, request)).build();
    }

    @POST
    @Path("/patients/{id}/timer/start")
    @Consumes(MediaType.WILDCARD) // no body to read: `{}` or nothing at all
    @RolesAllowed(CurrentUser.THERAPIST)
    public Response startTimer(@PathParam("id") UUID patientId) {
        return Response.status(Response.Status.CREATED).entity(rtm.startTimer(caller, patientId)).build();
    }

    @POST
    @Path("/patients/{id}/timer/stop")
    @RolesAllowed(CurrentUser.THERAPIST)
    public Response stopTimer(@PathParam("id") UUID patientId, @NotNull @Valid StopTimerRequest request) {
        return Response.status(Response.Status.CREATED).entity(rtm.stopTimer(caller, patientId, request)).build();
    }

    @DELETE
    @Path("/patients/{id}/timer")
    @RolesAllowed(CurrentUser.THERAPIST)
    public Response discardTimer(@PathParam("id") UUID patientId) {
        rtm.discardTimer(caller, patientId);
        return Response.noContent().build();
    }

    @POST
    @Path("/patients/{id}/time")
    @RolesAllowed(CurrentUser.THERAPIST)
    public Response recordTime(@PathParam("id") UUID patientId, @NotNull @Valid ManualTimeRequest request) {
        return Response.status(Response.Status.CREATED).entity(rtm.recordTime(caller, patientId, request)).build();
    }

    @GET
    @Path("/patients/{id}/time")
    @RolesAllowed(CurrentUser.THERAPIST)
    public RtmViews.TimeEntries time(@PathParam("id") UUID patientId, @QueryParam("month") String month) {
        return rtm.time(caller, patientId, month);
    }

    @GET
    @Path("/patients/{id}/months/{month}")
    @RolesAllowed(CurrentUser.THERAPIST)
    public RtmViews.MonthSummary month(@PathParam("id") UUID patientId, @PathParam("month") String month) {
        return rtm.month(caller, patientId, month);
    }

    @GET
    @Path("/patients/{id}/months/{month}.csv")
    @Produces({ Csv.MEDIA_TYPE, MediaType.APPLICATION_JSON })
    @RolesAllowed(CurrentUser.THERAPIST)
    public Response monthCsv(@PathParam("id") UUID patientId, @PathParam("month") String month) {
        RtmViews.MonthSummary summary = rtm.month(caller, patientId, month);
        return Response.ok(RtmService.monthCsv(summary), CSV).header("Content-Disposition",
                "attachment; filename=\"rtm-" + patientId + "-" + summary.month() + ".csv\"").build();
    }

    @GET
    @Path("/ledger")
    @RolesAllowed(CurrentUser.THERAPIST)
    public RtmViews.Ledger ledger(@QueryParam("month") String month) {
        return rtm.ledger(caller, RtmService.month("month", month));
    }

    @GET
    @Path("/ledger.csv")
    @Produces({ Csv.MEDIA_TYPE, MediaType.APPLICATION_JSON })
    @RolesAllowed(CurrentUser.THERAPIST)
    public Response ledgerCsv(@QueryParam("month") String month) {
        RtmViews.Ledger ledger = rtm.ledger(caller, RtmService.month("month", month));
        return Response.ok(RtmService.ledgerCsv(ledger), CSV).header("Content-Disposition",
                "attachment; filename=\"rtm-ledger-" + ledger.month() + ".csv\"").build();
    }

    /** Every consenting patient of the clinic, for billing staff only (docs/rtm.md "The clinic's ledger"). */
    @GET
    @Path("/ledger/clinic")
    @RolesAllowed(CurrentUser.BILLING)
    public RtmViews.Ledger clinicLedger(@QueryParam("month") String month) {
        return rtm.clinicLedger(RtmService.month("month", month));
    }

    @GET
    @Path("/ledger/clinic.csv")
    @Produces({ Csv.MEDIA_TYPE, MediaType.APPLICATION_JSON })
    @RolesAllowed(CurrentUser.BILLING)
    public Response clinicLedgerCsv(@QueryParam("month") String month) {
        RtmViews.Ledger ledger = rtm.clinicLedger(RtmService.month("month", month));
        return Response.ok(RtmService.ledgerCsv(ledger), CSV).header("Content-Disposition",
                "attachment; filename=\"rtm-clinic-ledger-" + ledger.month() + ".csv\"").build();
    }
}
