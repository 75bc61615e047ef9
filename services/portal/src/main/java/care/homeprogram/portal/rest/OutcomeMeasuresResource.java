package care.homeprogram.portal.rest;

import care.homeprogram.portal.client.Instrument;
import care.homeprogram.portal.client.Measure;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The therapist attaches an outcome measure to a patient's plan: when the patient is asked (at the start, every N
 * weeks, at the end). The form is on the patient's page; this page shows it again with plan-service's messages.
 */
@Path("/patients/{patientId}/plans/{planId}/measures")
@RolesAllowed("therapist")
@Produces(MediaType.TEXT_HTML)
public class OutcomeMeasuresResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance attach(UUID patientId, UUID planId, List<Instrument> instruments, Forms form);
    }

    private final PlansClient plans;

    public OutcomeMeasuresResource(PlansClient plans) {
        this.plans = plans;
    }

    @GET
    public TemplateInstance form(@PathParam("patientId") UUID patientId, @PathParam("planId") UUID planId) {
        requirePlanOf(patientId, planId);
        return Templates.attach(patientId, planId, plans.instruments().items(),
                Forms.of(Map.of("atIntake", "on", "instrument", "", "everyWeeks", "")));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response attach(@PathParam("patientId") UUID patientId, @PathParam("planId") UUID planId,
            @RestForm String instrument, @RestForm String atIntake, @RestForm String everyWeeks,
            @RestForm String atDischarge) {
        Forms form = Forms.of(Map.of("instrument", nz(instrument), "atIntake", nz(atIntake),
                "everyWeeks", nz(everyWeeks), "atDischarge", nz(atDischarge)));
        form.required("instrument");
        Integer weeks = null;
        if (!form.value("everyWeeks").isEmpty()) {
            if (form.value("everyWeeks").matches("\\d{1,3}")) {
                weeks = Integer.valueOf(form.value("everyWeeks"));
            } else {
                form.reject("everyWeeks", "Must be a whole number of weeks, from 1 to 52");
            }
        }
        if (form.valid()) {
            requirePlanOf(patientId, planId);
            try {
                plans.attachMeasure(planId, new Measure.Attach(form.value("instrument"),
                        form.is("atIntake", "on") ? Boolean.TRUE : null, weeks,
                        form.is("atDischarge", "on") ? Boolean.TRUE : null));
                return Pages.redirect("/patients/" + patientId + "?done=measure-attached#outcomes");
            } catch (ServiceProblem problem) {
                if (problem.isNotFound() || problem.status() == 403) {
                    throw problem;
                }
                form.reject(problem);
            }
        }
        return Pages.invalid(Templates.attach(patientId, planId, plans.instruments().items(), form));
    }

    /** A plan id from the address is not taken on trust: it must be this patient's (plan-service checks the rest). */
    private void requirePlanOf(UUID patientId, UUID planId) {
        if (!patientId.equals(plans.plan(planId, null).patientId())) {
            throw new NotFoundException();
        }
    }

    private static String nz(String value) {
        return value == null ? "" : value.strip();
    }
}
