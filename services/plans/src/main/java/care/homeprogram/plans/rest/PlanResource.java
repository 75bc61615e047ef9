package care.homeprogram.plans.rest;

import care.homeprogram.commons.audit.AuditContext;
import care.homeprogram.commons.ratelimit.RateLimited;
import care.homeprogram.commons.rest.PageRequest;
import care.homeprogram.commons.security.CurrentUser;
import care.homeprogram.contract.Page;
import care.homeprogram.plans.api.AdherenceView;
import care.homeprogram.plans.api.CreatePlanRequest;
import care.homeprogram.plans.api.DismissProgressionRequest;
import care.homeprogram.plans.api.LogSessionRequest;
import care.homeprogram.plans.api.PatientDayView;
import care.homeprogram.plans.api.PlanVersionView;
import care.homeprogram.plans.api.PlanView;
import care.homeprogram.plans.api.SessionCorrection;
import care.homeprogram.plans.api.SessionOutcome;
import care.homeprogram.plans.api.SessionView;
import care.homeprogram.plans.api.UpdatePlanRequest;
import care.homeprogram.plans.service.HydrationService;
import care.homeprogram.plans.service.PatientDays;
import care.homeprogram.plans.service.PatientScreens;
import care.homeprogram.plans.service.PlanAdherence;
import care.homeprogram.plans.service.PlanLifecycle;
import care.homeprogram.plans.service.PlanService;
import care.homeprogram.plans.service.SafetyService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PlanResource {
    private final PlanService plans;
    private final PlanLifecycle lifecycle;
    private final PlanAdherence adherence;
    private final SafetyService safety;
    private final HydrationService hydration;
    private final CurrentUser caller;
    private final AuditContext audit;
    private final ResponseLanguage language;
    private final PatientScreens screens;
    private final PatientDays days;

    public PlanResource(PlanService plans, PatientScreens screens, PatientDays days, PlanLifecycle lifecycle,
            PlanAdherence adherence, SafetyService safety, HydrationService hydration, CurrentUser caller,
            AuditContext audit, ResponseLanguage language) {
        this.language = language;
        this.days = days;
        this.plans = plans;
        this.screens = screens;
        this.lifecycle = lifecycle;
        this.adherence = adherence;
        this.safety = safety;
        this.hydration = hydration;
        this.caller = caller;
        this.audit = audit;
    }

    @POST
    @RolesAllowed(CurrentUser.THERAPIST)
    public Response create(@NotNull @Valid CreatePlanRequest request, @Context UriInfo uri) {
        PlanView plan = lifecycle.create(caller, request);
        return Response.created(uri.getAbsolutePathBuilder().path(plan.id().toString()).build()).entity(plan).build();
    }

    @GET
    @RolesAllowed(CurrentUser.THERAPIST)
    public Page<PlanView> ofPatient(@QueryParam("patientId") @NotNull UUID patientId, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return page(plans.ofPatient(caller, patientId, language.choose(acceptLanguage)));
    }

    /**
     * The patient's current plans ({@code Page<PlanView>}, the same shape as {@link #myHistory}): the hot read, answered
     * with the JSON {@link PatientScreens} kept while it is current.
     */
    @GET
    @Path("/mine")
    @RolesAllowed(CurrentUser.PATIENT)
    @APIResponse(responseCode = "200", description = "The patient's current plans", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "PagePlanView")))
    public Response mine(@HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return Response.ok(screens.mine(caller, language.choose(acceptLanguage)), MediaType.APPLICATION_JSON_TYPE)
                .build();
    }

    /**
     * The patient's Today page in one read (docs/api.md, "The patient's day"): their current plans as {@link #mine}
     * answers them, today's sessions of each plan with something due, the pictures of the items due and the
     * questionnaires due.
     */
    @GET
    @Path("/mine/today")
    @RolesAllowed(CurrentUser.PATIENT)
    public PatientDayView myDay(@HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return days.today(caller, language.choose(acceptLanguage));
    }

    /** The patient's finished plans (completed, revoked), newest first, paged; {@link #mine} has the current ones. */
    @GET
    @Path("/mine/history")
    @RolesAllowed(CurrentUser.PATIENT)
    public Page<PlanView> myHistory(@Valid @BeanParam PageRequest paging, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return plans.myHistory(caller, paging.offset(), paging.size(), language.choose(acceptLanguage));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ CurrentUser.PATIENT, CurrentUser.THERAPIST })
    public PlanView get(@PathParam("id") UUID id, @QueryParam("version") Integer version, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        return plans.get(caller, id, version, language.choose(acceptLanguage));
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed(CurrentUser.THERAPIST)
    public PlanView update(@PathParam("id") UUID id, @NotNull @Valid UpdatePlanRequest request) {
        return lifecycle.update(caller, id, request);
    }

    @GET
    @Path("/{id}/versions")
    @RolesAllowed({ CurrentUser.PATIENT, CurrentUser.THERAPIST })
    public Page<PlanVersionView> versions(@PathParam("id") UUID id) {
        return page(plans.versions(caller, id));
    }

    @POST
    @Path("/{id}/sessions")
    @RolesAllowed(CurrentUser.PATIENT)
    @RateLimited(RateLimited.CLINICAL_LOG)
    public Response logSession(@PathParam("id") UUID id, @NotNull @Valid LogSessionRequest request,
            @HeaderParam("Idempotency-Key") String idempotencyKey, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        // The same Idempotency-Key again answers 201 with the first outcome (docs/api-contract.md).
        return Response.status(Response.Status.CREATED)
                .entity(safety.logSession(caller, id, request, idempotencyKey, language.choose(acceptLanguage)))
                .build();
    }

    @GET
    @Path("/{id}/sessions")
    @RolesAllowed({ CurrentUser.PATIENT, CurrentUser.THERAPIST })
    public Page<SessionView> sessions(@PathParam("id") UUID id) {
        return page(plans.sessions(caller, id));
    }

    /** The patient who logged the session corrects it within the correction window; the rules judge it again. */
    @PUT
    @Path("/{id}/sessions/{sessionId}")
    @RolesAllowed(CurrentUser.PATIENT)
    @RateLimited(RateLimited.CLINICAL_LOG)
    public SessionOutcome correctSession(@PathParam("id") UUID id, @PathParam("sessionId") UUID sessionId,
            @NotNull @Valid SessionCorrection correction, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        audit.concernsObject(sessionId);
        return safety.correct(caller, id, sessionId, correction, language.choose(acceptLanguage));
    }

    /** The patient who logged the session withdraws it within the correction window; it stays, marked withdrawn. */
    @POST
    @Path("/{id}/sessions/{sessionId}/withdraw")
    @RolesAllowed(CurrentUser.PATIENT)
    @RateLimited(RateLimited.CLINICAL_LOG)
    public SessionView withdrawSession(@PathParam("id") UUID id, @PathParam("sessionId") UUID sessionId,
            @NotNull @Valid WithdrawSessionRequest request) {
        audit.concernsObject(sessionId);
        safety.withdraw(caller, id, sessionId, request.reason());
        return plans.session(caller, id, sessionId);
    }

    @POST
    @Path("/{id}/items/{itemId}/resume")
    @RolesAllowed(CurrentUser.THERAPIST)
    public PlanView resume(@PathParam("id") UUID id, @PathParam("itemId") UUID itemId,
            @NotNull @Valid ResumeItemRequest request) {
        return lifecycle.resumeItem(caller, id, itemId, request.reason());
    }

    @GET
    @Path("/{id}/adherence")
    @RolesAllowed({ CurrentUser.PATIENT, CurrentUser.THERAPIST })
    public AdherenceView adherence(@PathParam("id") UUID id) {
        return adherence.adherence(caller, id);
    }

    /** A therapist of the care team dismisses the progression suggested after a week, saying why. */
    @POST
    @Path("/{id}/progression/dismiss")
    @RolesAllowed(CurrentUser.THERAPIST)
    public AdherenceView.Dismissal dismissProgression(@PathParam("id") UUID id,
            @NotNull @Valid DismissProgressionRequest request) {
        return adherence.dismissProgression(caller, id, request.week(), request.reason());
    }

    /** The drink target with the guide's suggestion and the caution, for the therapist setting it. */
    @GET
    @Path("/{id}/hydration")
    @RolesAllowed(CurrentUser.THERAPIST)
    public HydrationView hydration(@PathParam("id") UUID id) {
        return view(hydration.get(caller, id));
    }

    @PUT
    @Path("/{id}/hydration")
    @RolesAllowed(CurrentUser.THERAPIST)
    public HydrationView setHydration(@PathParam("id") UUID id, @NotNull @Valid HydrationRequest request) {
        return view(hydration.set(caller, id, request.targetLitres(), request.fluidRestrictionChecked(),
                request.reason()));
    }

    @DELETE
    @Path("/{id}/hydration")
    @RolesAllowed(CurrentUser.THERAPIST)
    public HydrationView clearHydration(@PathParam("id") UUID id) {
        return view(hydration.clear(caller, id));
    }

    private static HydrationView view(HydrationService.Hydration h) {
        return new HydrationView(h.planId(), h.targetLitres(), h.suggestion() == null ? null
                : new HydrationView.Suggestion(h.suggestion().minLitres(), h.suggestion().maxLitres(),
                        h.suggestion().source()), h.restrictions(), h.minLitres(), h.maxLitres(), h.caution());
    }

    private static <T> Page<T> page(List<T> all) {
        return new Page<>(all, all.size());
    }
}
