package care.homeprogram.portal.client;

import care.homeprogram.contract.Page;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** plan-service's public API (docs/api-contract.md), as the portal uses it. Only {@link PlansClient} calls it. */
@RegisterRestClient(configKey = "plan-service")
@RegisterProvider(ProblemMapper.class)
@RegisterProvider(AccessTokenFilter.class)
@RegisterProvider(ReaderLanguageFilter.class)
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
interface PlansApi {

    @GET
    @Path("/plans/mine")
    Page<Plan> mine();

    /** The patient's Today page in one read: the plans, today's sessions, the pictures due, the questionnaires due. */
    @GET
    @Path("/plans/mine/today")
    PatientDay myDay();

    @GET
    @Path("/plans/mine/history")
    Page<Plan> myHistory(@QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/plans")
    Page<Plan> ofPatient(@QueryParam("patientId") UUID patientId);

    /** The therapist's page of one patient in one read: plans, alerts, scores and the leading plan's details. */
    @GET
    @Path("/plans/overview")
    PatientOverview overview(@QueryParam("patientId") UUID patientId,
            @QueryParam("versionsBefore") int versionsBefore);

    @GET
    @Path("/plans/{id}")
    Plan plan(@PathParam("id") UUID id,
            @QueryParam("version") Integer version);

    @GET
    @Path("/plans/{id}/versions")
    Page<PlanVersion> versions(@PathParam("id") UUID id);

    @GET
    @Path("/plans/{id}/sessions")
    Page<Session> sessions(@PathParam("id") UUID id);

    @GET
    @Path("/plans/{id}/adherence")
    Adherence adherence(@PathParam("id") UUID id);

    @POST
    @Path("/plans")
    Plan create(NewPlan plan);

    @PATCH
    @Path("/plans/{id}")
    Plan change(@PathParam("id") UUID id, PlanChange change);

    @POST
    @Path("/plans/{id}/items/{itemId}/resume")
    Plan resume(@PathParam("id") UUID id,
            @PathParam("itemId") UUID itemId, Reason reason);

    @POST
    @Path("/plans/{id}/sessions")
    SafetyOutcome logSession(@PathParam("id") UUID id,
            @HeaderParam("Idempotency-Key") String idempotencyKey, SessionLog session);

    @PUT
    @Path("/plans/{id}/sessions/{sessionId}")
    SafetyOutcome correctSession(@PathParam("id") UUID id,
            @PathParam("sessionId") UUID sessionId, SessionCorrection correction);

    @POST
    @Path("/plans/{id}/sessions/{sessionId}/withdraw")
    Session withdrawSession(@PathParam("id") UUID id,
            @PathParam("sessionId") UUID sessionId, Reason reason);

    @POST
    @Path("/check-ins")
    SafetyOutcome checkIn(CheckIn checkIn);

    @GET
    @Path("/alerts")
    Page<Alert> alerts(@QueryParam("status") String status);

    @POST
    @Path("/alerts/{id}/acknowledge")
    Alert acknowledge(@PathParam("id") UUID id);

    @GET
    @Path("/exercises")
    Page<Exercise> exercises();

    @GET
    @Path("/exercises/{id}/media")
    Page<Media> media(@PathParam("id") UUID exerciseId);

    /** The media of several library entries in one read (each as {@link #media} answers it). */
    @GET
    @Path("/media")
    Page<Media> mediaOf(@QueryParam("exerciseId") java.util.List<UUID> exerciseIds);

    @GET
    @Path("/templates")
    Page<Template> templates();

    @jakarta.ws.rs.DELETE
    @Path("/exercises/{id}/media/{mediaId}")
    jakarta.ws.rs.core.Response removeMedia(@PathParam("id") UUID exerciseId, @PathParam("mediaId") UUID mediaId);

    @PATCH
    @Path("/plans/{id}")
    Plan changeThresholds(@PathParam("id") UUID id, ThresholdsChange change);

    @GET
    @Path("/plans/{id}/hydration")
    Hydration hydration(@PathParam("id") UUID id);

    @PUT
    @Path("/plans/{id}/hydration")
    Hydration setHydration(@PathParam("id") UUID id, Hydration.Change change);

    @jakarta.ws.rs.DELETE
    @Path("/plans/{id}/hydration")
    Hydration clearHydration(@PathParam("id") UUID id);

    @POST
    @Path("/plans/{id}/progression/dismiss")
    Adherence.Dismissal dismissProgression(@PathParam("id") UUID id, ProgressionDismissal dismissal);

    @POST
    @Path("/exercises")
    Exercise createExercise(ExerciseChange exercise);

    @PUT
    @Path("/exercises/{id}")
    Exercise changeExercise(@PathParam("id") UUID id, ExerciseChange exercise);

    @POST
    @Path("/exercises/{id}/archive")
    Exercise archiveExercise(@PathParam("id") UUID id);

    @POST
    @Path("/templates")
    Template saveTemplate(TemplateChange.FromPlan template);

    @PUT
    @Path("/templates/{id}")
    Template changeTemplate(@PathParam("id") UUID id, TemplateChange template);

    @GET
    @Path("/calendar-feed")
    CalendarFeed calendarFeed();

    @POST
    @Path("/calendar-feed")
    CalendarFeed createCalendarFeed();

    @jakarta.ws.rs.DELETE
    @Path("/calendar-feed")
    jakarta.ws.rs.core.Response revokeCalendarFeed();

    @jakarta.ws.rs.DELETE
    @Path("/templates/{id}")
    jakarta.ws.rs.core.Response deleteTemplate(@PathParam("id") UUID id);

    /** The patient's record as an HL7 FHIR R4 Bundle (plan-service checks the caller is in the care team). */
    @GET
    @Path("/fhir/patients/{id}")
    @Produces("application/fhir+json")
    byte[] fhirRecord(@PathParam("id") UUID patientId);

    @GET
    @Path("/plans/audit")
    Page<AuditEntry> audit(@QueryParam("patientId") UUID patientId, @QueryParam("actor") String actor,
            @QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/instruments")
    Page<Instrument> instruments();

    @GET
    @Path("/instruments/{key}")
    Instrument instrument(@PathParam("key") String key);

    @GET
    @Path("/instruments/{key}/terms")
    Instrument.Terms instrumentTerms(@PathParam("key") String key);

    @POST
    @Path("/instruments/{key}/enable")
    Instrument.Terms enableInstrument(@PathParam("key") String key, Instrument.Acceptance acceptance);

    @POST
    @Path("/instruments")
    Instrument importInstrument(Instrument.Import instrument);

    @GET
    @Path("/measures/plans/{id}/schedules")
    Page<Measure.Schedule> measureSchedules(@PathParam("id") UUID planId);

    @POST
    @Path("/measures/plans/{id}/schedules")
    Measure.Schedule attachMeasure(@PathParam("id") UUID planId, Measure.Attach attach);

    @GET
    @Path("/measures/due")
    Page<Measure.Due> dueMeasures();

    @POST
    @Path("/measures/schedules/{id}/responses")
    Measure.Result answerMeasure(@PathParam("id") UUID scheduleId, Measure.Answers answers);

    @GET
    @Path("/measures/patients/{id}/scores")
    Measure.History scores(@PathParam("id") UUID patientId);
}
