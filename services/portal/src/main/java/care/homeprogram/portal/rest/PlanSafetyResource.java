package care.homeprogram.portal.rest;

import care.homeprogram.portal.client.Hydration;
import care.homeprogram.portal.client.Plan;
import care.homeprogram.portal.client.PlansClient;
import care.homeprogram.portal.client.ServiceProblem;
import care.homeprogram.portal.service.Forms;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A plan's safety thresholds (its own, beside the clinic's defaults) and the patient's daily drink target. Each
 * change is a new plan version with the therapist's reason. The portal checks only that the numbers parse; what they
 * may be is plan-service's to say, and its field errors show next to the fields.
 */
@Path("/patients/{patientId}/plans/{planId}/safety")
@RolesAllowed("therapist")
@Produces(MediaType.TEXT_HTML)
public class PlanSafetyResource {

    /** The page: the plan, its drink target as plan-service explains it, and the two forms as typed. */
    public record SafetyView(UUID patientId, Plan plan, Hydration hydration, Forms thresholds, Forms drink,
            String notice) {
        public boolean ownThresholds() {
            return plan.thresholds() != null && !plan.thresholds().equals(plan.clinicThresholds());
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance safety(SafetyView view);
    }

    private final PlansClient plans;

    public PlanSafetyResource(PlansClient plans) {
        this.plans = plans;
    }

    @GET
    public TemplateInstance page(@PathParam("patientId") UUID patientId, @PathParam("planId") UUID planId,
            @QueryParam("done") String done) {
        Plan plan = plan(patientId, planId);
        Hydration hydration = plans.hydration(planId);
        return Templates.safety(new SafetyView(patientId, plan, hydration, thresholdsForm(plan),
                drinkForm(hydration), Notices.of(done)));
    }

    @POST
    @Path("/thresholds")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response thresholds(@PathParam("patientId") UUID patientId, @PathParam("planId") UUID planId,
            @RestForm String greenMax, @RestForm String amberMax, @RestForm String baselineRiseAlert,
            @RestForm String reason) {
        Plan plan = plan(patientId, planId);
        Map<String, String> values = new HashMap<>();
        values.put("greenMax", nz(greenMax));
        values.put("amberMax", nz(amberMax));
        values.put("baselineRiseAlert", nz(baselineRiseAlert));
        values.put("reason", nz(reason));
        Forms form = Forms.of(values);
        Integer green = whole(form, "greenMax");
        Integer amber = whole(form, "amberMax");
        Integer rise = whole(form, "baselineRiseAlert");
        if (form.valid()) {
            try {
                plans.changeThresholds(planId, new Plan.Thresholds(green, amber, rise), form.value("reason"));
                return Pages.redirect(page(patientId, planId) + "?done=thresholds-changed");
            } catch (ServiceProblem problem) {
                if (problem.isNotFound()) {
                    throw problem;
                }
                LibraryResource.reject(form, problem, java.util.List.of("greenMax", "amberMax", "baselineRiseAlert",
                        "reason"));
            }
        }
        Hydration hydration = plans.hydration(planId);
        return Pages.invalid(Templates.safety(new SafetyView(patientId, plan, hydration, form, drinkForm(hydration),
                null)));
    }

    @POST
    @Path("/hydration")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response hydration(@PathParam("patientId") UUID patientId, @PathParam("planId") UUID planId,
            @RestForm String targetLitres, @RestForm String fluidRestrictionChecked, @RestForm String reason,
            @RestForm String action) {
        Plan plan = plan(patientId, planId);
        if ("clear".equals(action)) {
            plans.clearHydration(planId);
            return Pages.redirect(page(patientId, planId) + "?done=hydration-cleared");
        }
        Map<String, String> values = new HashMap<>();
        values.put("targetLitres", nz(targetLitres));
        values.put("fluidRestrictionChecked", fluidRestrictionChecked == null ? "" : "yes");
        values.put("reason", nz(reason));
        Forms form = Forms.of(values);
        BigDecimal litres = null;
        try {
            litres = new BigDecimal(form.value("targetLitres").strip());
        } catch (NumberFormatException e) {
            form.reject("targetLitres", "Must be a number of litres, such as 2.5");
        }
        if (form.valid()) {
            try {
                plans.setHydration(planId, new Hydration.Change(litres, fluidRestrictionChecked != null,
                        form.value("reason")));
                return Pages.redirect(page(patientId, planId) + "?done=hydration-set");
            } catch (ServiceProblem problem) {
                if (problem.isNotFound()) {
                    throw problem;
                }
                if ("hydration-caution-not-confirmed".equals(problem.type())) {
                    form.reject("fluidRestrictionChecked", problem.detail());
                } else {
                    LibraryResource.reject(form, problem, java.util.List.of("targetLitres", "reason"));
                }
            }
        }
        return Pages.invalid(Templates.safety(new SafetyView(patientId, plan, plans.hydration(planId),
                thresholdsForm(plan), form, null)));
    }

    private Plan plan(UUID patientId, UUID planId) {
        Plan plan = plans.plan(planId, null);
        if (!patientId.equals(plan.patientId())) {
            throw new NotFoundException();
        }
        return plan;
    }

    private static Forms thresholdsForm(Plan plan) {
        Plan.Thresholds t = plan.thresholds();
        Map<String, String> values = new HashMap<>();
        values.put("greenMax", t == null ? "" : Integer.toString(t.greenMax()));
        values.put("amberMax", t == null ? "" : Integer.toString(t.amberMax()));
        values.put("baselineRiseAlert", t == null ? "" : Integer.toString(t.baselineRiseAlert()));
        values.put("reason", "");
        return Forms.of(values);
    }

    private static Forms drinkForm(Hydration hydration) {
        Map<String, String> values = new HashMap<>();
        values.put("targetLitres", hydration.targetLitres() == null ? "" : hydration.targetLitres().toPlainString());
        values.put("fluidRestrictionChecked", "");
        values.put("reason", "");
        return Forms.of(values);
    }

    private static Integer whole(Forms form, String field) {
        try {
            return Integer.valueOf(form.value(field).strip());
        } catch (NumberFormatException e) {
            form.reject(field, "Must be a whole number from 0 to 10");
            return null;
        }
    }

    private static String page(UUID patientId, UUID planId) {
        return "/patients/" + patientId + "/plans/" + planId + "/safety";
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
