package care.homeprogram.portal.rest;

import care.homeprogram.portal.client.Exercise;
import care.homeprogram.portal.client.NewPlan;
import care.homeprogram.portal.client.Patient;
import care.homeprogram.portal.client.PatientsClient;
import care.homeprogram.portal.client.Plan;
import care.homeprogram.portal.client.PlanChange;
import care.homeprogram.portal.client.PlansClient;
import care.homeprogram.portal.client.ServiceProblem;
import care.homeprogram.portal.client.Template;
import care.homeprogram.portal.service.BuilderView;
import care.homeprogram.portal.service.PlanForm;
import care.homeprogram.portal.service.Section;
import care.homeprogram.portal.service.Wording;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The program builder. Works without JavaScript: every change (add from the library, remove, preview) is a form
 * POST that shows the builder again; "Assign" creates the plan, "Save" makes a new version of an existing one.
 */
@Path("/patients/{patientId}/plans")
@RolesAllowed("therapist")
@Produces(MediaType.TEXT_HTML)
public class PlanBuilderResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance builder(BuilderView view);
    }

    private final PlansClient plans;
    private final PatientsClient patients;

    public PlanBuilderResource(PlansClient plans, PatientsClient patients) {
        this.plans = plans;
        this.patients = patients;
    }

    /** The posted builder form (parallel lists, see {@link PlanForm#fromPost}). */
    public static class Posted extends PostedItems {
        @RestForm List<String> flareUp;
        @RestForm List<String> confirmed;
        @RestForm List<String> note;
        @RestForm String action;
        @RestForm String signOff;
        @RestForm String reason;
        @RestForm String templateId;

        PlanForm.Posted rows() {
            return rows(flareUp, confirmed, note);
        }
    }

    @GET
    @Path("/new")
    public TemplateInstance start(@PathParam("patientId") UUID patientId, @QueryParam("template") UUID templateId) {
        Context context = context(patientId);
        PlanForm form = context.templates.stream().filter(t -> t.id().equals(templateId)).findFirst()
                .map(t -> PlanForm.fromTemplate(t, context.library)).orElseGet(() -> PlanForm.fromPost(
                        new PlanForm.Posted(null, null, null, null, null, null, null, null, null, null, null, null,
                                null, null), context.library));
        return Templates.builder(view(context, templateId, form, false, false, null, null, null));
    }

    @POST
    @Path("/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response build(@PathParam("patientId") UUID patientId, @BeanParam Posted posted) {
        Context context = context(patientId);
        PlanForm form = PlanForm.fromPost(posted.rows(), context.library);
        boolean signOff = posted.signOff != null;
        UUID templateId = uuid(posted.templateId);
        String action = posted.action == null ? "update" : posted.action;
        if ("update".equals(action) || !form.validate().valid()) {
            BuilderView view = view(context, templateId, form, false, signOff, null, null, null);
            return "update".equals(action) ? Pages.ok(Templates.builder(view)) : Pages.invalid(Templates.builder(view));
        }
        if (!"assign".equals(action)) {
            return Pages.ok(Templates.builder(view(context, templateId, form, true, signOff, null, null, null)));
        }
        try {
            // A plan begun from an acute template stays acute-phase, as one made from the template id would be.
            boolean acute = context.templates.stream().anyMatch(t -> t.id().equals(templateId) && t.acute());
            plans.create(new NewPlan(patientId, form.items(), "ACTIVE", signOff ? Boolean.TRUE : null,
                    acute ? Boolean.TRUE : null));
            return Pages.redirect("/patients/" + patientId + "?done=plan-assigned");
        } catch (ServiceProblem problem) {
            if (problem.isNotFound()) {
                throw problem;
            }
            reject(form, problem);
            return Pages.invalid(Templates.builder(view(context, templateId, form, true, signOff, null, null, null)));
        }
    }

    @GET
    @Path("/{planId}/edit")
    public TemplateInstance edit(@PathParam("patientId") UUID patientId, @PathParam("planId") UUID planId,
            @QueryParam("progression") Integer progressionWeek) {
        Context context = context(patientId);
        Plan plan = plans.plan(planId, null);
        requireOfPatient(plan, patientId);
        String note = progressionWeek == null ? null : "Progression accepted after week " + progressionWeek;
        return Templates.builder(view(context, null, PlanForm.fromPlan(plan, context.library), false, false, planId,
                note, note));
    }

    @POST
    @Path("/{planId}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@PathParam("patientId") UUID patientId, @PathParam("planId") UUID planId,
            @BeanParam Posted posted) {
        Context context = context(patientId);
        PlanForm form = PlanForm.fromPost(posted.rows(), context.library);
        boolean signOff = posted.signOff != null;
        String reason = posted.reason == null ? "" : posted.reason.strip();
        String action = posted.action == null ? "update" : posted.action;
        form.validate();
        if ("save".equals(action) && reason.isEmpty()) {
            form.reject("reason", "Say why the plan changes: it is kept with the new version");
        }
        if ("update".equals(action) || !form.valid()) {
            BuilderView view = view(context, null, form, false, signOff, planId, reason, null);
            return "update".equals(action) ? Pages.ok(Templates.builder(view)) : Pages.invalid(Templates.builder(view));
        }
        if (!"save".equals(action)) {
            return Pages.ok(Templates.builder(view(context, null, form, true, signOff, planId, reason, null)));
        }
        try {
            plans.change(planId, new PlanChange(null, form.items(), signOff ? Boolean.TRUE : null, reason));
            return Pages.redirect("/patients/" + patientId + "?done=plan-changed");
        } catch (ServiceProblem problem) {
            if (problem.isNotFound()) {
                throw problem;
            }
            reject(form, problem);
            return Pages.invalid(Templates.builder(view(context, null, form, true, signOff, planId, reason, null)));
        }
    }

    /**
     * plan-service's refusal next to what the therapist can do about it. The intake gate's three answers get the
     * portal's own words (plan-service's mention API fields): record the screen, sign off the flags, or try again.
     */
    private static void reject(PlanForm form, ServiceProblem problem) {
        switch (problem.type()) {
            case "intake-screening-required" -> form.reject(BuilderView.INTAKE_SCREENING,
                    "The plan is not active yet: this patient has no intake screen. Record it on the patient's "
                            + "page (or ask the patient to answer it when they sign in), then assign the plan again.");
            case "intake-sign-off-required" -> form.reject("signOff",
                    "The intake screen flagged this patient: tick the box to confirm you reviewed the flags, then "
                            + "assign again.");
            case "intake-unavailable" -> form.reject(BuilderView.INTAKE_UNAVAILABLE,
                    "The plan is not active yet: the intake screen could not be checked just now because the "
                            + "patient service did not answer. Nothing was saved; your items are kept below. Please "
                            + "try again in a minute.");
            default -> form.reject(problem);
        }
    }

    private static void requireOfPatient(Plan plan, UUID patientId) {
        if (!patientId.equals(plan.patientId())) {
            throw new jakarta.ws.rs.NotFoundException();
        }
    }

    private record Context(UUID patientId, Section<Patient> patient, List<Template> templates,
            Map<UUID, Exercise> library) {
    }

    private Context context(UUID patientId) {
        Section<Patient> patient = Section.load(() -> patients.patient(patientId));
        List<Template> templates = plans.templates().items();
        Map<UUID, Exercise> library = plans.exercises().items().stream()
                .collect(Collectors.toMap(Exercise::id, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
        return new Context(patientId, patient, templates, library);
    }

    private static BuilderView view(Context context, UUID templateId, PlanForm form, boolean preview, boolean signOff,
            UUID planId, String reason, String progressionNote) {
        Patient p = context.patient.available() ? context.patient.value() : null;
        List<Exercise> library = context.library.values().stream()
                .sorted(Comparator.comparing(Exercise::category).thenComparing(Exercise::name)).toList();
        Patient.Intake intake = p == null ? null : p.intake();
        return new BuilderView(context.patientId, p == null ? "this patient" : p.fullName(),
                intake != null && intake.requiresSignOff(),
                intake == null ? List.of() : Wording.intakeFlags(intake.flags()),
                intake != null && intake.screenedAt() == null, context.templates, library,
                templateId, form, preview, signOff, planId, reason, progressionNote);
    }

    private static UUID uuid(String value) {
        try {
            return value == null || value.isBlank() ? null : UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
