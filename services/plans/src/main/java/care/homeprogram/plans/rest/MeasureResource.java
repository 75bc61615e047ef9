package care.homeprogram.plans.rest;

import care.homeprogram.commons.ratelimit.RateLimited;
import care.homeprogram.commons.security.CurrentUser;
import care.homeprogram.contract.Page;
import care.homeprogram.plans.api.AttachMeasureRequest;
import care.homeprogram.plans.api.DueMeasureView;
import care.homeprogram.plans.api.MeasureScheduleView;
import care.homeprogram.plans.api.ScoreHistoryView;
import care.homeprogram.plans.api.SubmitAnswersRequest;
import care.homeprogram.plans.service.OutcomeService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;

/**
 * Outcome measures on a patient's plans: the therapist attaches them, the patient sees which are due and answers,
 * both read the scores over time.
 */
@Path("/api/measures")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MeasureResource {
    private final OutcomeService outcomes;
    private final CurrentUser caller;

    private final ResponseLanguage language;

    public MeasureResource(OutcomeService outcomes, CurrentUser caller, ResponseLanguage language) {
        this.outcomes = outcomes;
        this.caller = caller;
        this.language = language;
    }

    @POST
    @Path("/plans/{id}/schedules")
    @RolesAllowed(CurrentUser.THERAPIST)
    public Response attach(@PathParam("id") UUID planId, @NotNull @Valid AttachMeasureRequest request) {
        return Response.status(Response.Status.CREATED).entity(outcomes.attach(caller, planId, request)).build();
    }

    @GET
    @Path("/plans/{id}/schedules")
    @RolesAllowed({ CurrentUser.PATIENT, CurrentUser.THERAPIST })
    public Page<MeasureScheduleView> schedules(@PathParam("id") UUID planId) {
        List<MeasureScheduleView> all = outcomes.schedules(caller, planId);
        return new Page<>(all, all.size());
    }

    @GET
    @Path("/due")
    @RolesAllowed(CurrentUser.PATIENT)
    public Page<DueMeasureView> due(@HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        List<DueMeasureView> due = outcomes.due(caller, language.choose(acceptLanguage));
        return new Page<>(due, due.size());
    }

    @POST
    @Path("/schedules/{id}/responses")
    @RolesAllowed(CurrentUser.PATIENT)
    @RateLimited(RateLimited.CLINICAL_LOG)
    public Response submit(@PathParam("id") UUID scheduleId, @NotNull @Valid SubmitAnswersRequest request,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return Response.status(Response.Status.CREATED)
                .entity(outcomes.submit(caller, scheduleId, request, language.choose(acceptLanguage))).build();
    }

    @GET
    @Path("/patients/{id}/scores")
    @RolesAllowed({ CurrentUser.PATIENT, CurrentUser.THERAPIST })
    public ScoreHistoryView scores(@PathParam("id") UUID patientId,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return outcomes.history(caller, patientId, language.choose(acceptLanguage));
    }
}
