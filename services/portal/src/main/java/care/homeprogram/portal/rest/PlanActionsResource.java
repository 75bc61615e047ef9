package care.homeprogram.portal.rest;

import care.homeprogram.portal.client.PlanChange;
import care.homeprogram.portal.client.PlansClient;
import care.homeprogram.portal.client.ServiceProblem;
import care.homeprogram.portal.client.TemplateChange;
import care.homeprogram.portal.service.Viewer;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The therapist's actions on a patient's page, each a plain form POST that redirects back (POST-redirect-GET):
 * acknowledge an alert, pause/resume/complete a plan, resume a paused item, dismiss a progression suggestion (kept
 * by plan-service with who and why), save the plan as a template.
 */
@Path("/patients/{patientId}")
@RolesAllowed("therapist")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
public class PlanActionsResource {
    private static final Set<String> STATUSES = Set.of("ACTIVE", "ON_HOLD", "COMPLETED");

    private final PlansClient plans;
    private final Viewer viewer;

    public PlanActionsResource(PlansClient plans, Viewer viewer) {
        this.plans = plans;
        this.viewer = viewer;
    }

    @POST
    @Path("/alerts/{alertId}/acknowledge")
    public Response acknowledge(@PathParam("patientId") UUID patientId, @PathParam("alertId") UUID alertId) {
        plans.acknowledge(alertId);
        return back(patientId, "alert-acknowledged");
    }

    @POST
    @Path("/plans/{planId}/status")
    public Response status(@PathParam("patientId") UUID patientId, @PathParam("planId") UUID planId,
            @RestForm String status, @RestForm String reason, @RestForm String intakeSignOff) {
        if (status == null || !STATUSES.contains(status)) {
            throw new jakarta.ws.rs.BadRequestException("unknown status");
        }
        String why = reason == null || reason.isBlank()
                ? switch (status) {
                    case "ON_HOLD" -> "Paused by " + viewer.fullName();
                    case "COMPLETED" -> "Completed by " + viewer.fullName();
                    default -> "Resumed by " + viewer.fullName();
                }
                : reason.strip();
        // The sign-off only means something when the plan becomes active (plan-service's intake gate).
        Boolean signOff = "ACTIVE".equals(status) && intakeSignOff != null ? Boolean.TRUE : null;
        try {
            plans.change(planId, new PlanChange(status, null, signOff, why));
        } catch (ServiceProblem problem) {
            throw plainIntakeRefusal(problem);
        }
        return back(patientId, "plan-changed");
    }

    @POST
    @Path("/plans/{planId}/items/{itemId}/resume")
    public Response resumeItem(@PathParam("patientId") UUID patientId, @PathParam("planId") UUID planId,
            @PathParam("itemId") UUID itemId, @RestForm String reason) {
        String why = reason == null || reason.isBlank() ? "Resumed by " + viewer.fullName() : reason.strip();
        plans.resume(planId, itemId, why);
        return back(patientId, "item-resumed");
    }

    /**
     * plan-service keeps the dismissal with who and why, for the whole care team. The portal only checks the week is
     * a number; a missing reason is plan-service's to refuse (shown on the problem page with its field).
     */
    @POST
    @Path("/plans/{planId}/progression/dismiss")
    public Response dismiss(@PathParam("patientId") UUID patientId, @PathParam("planId") UUID planId,
            @RestForm String week, @RestForm String reason) {
        int number;
        try {
            number = Integer.parseInt(week == null ? "" : week.strip());
        } catch (NumberFormatException e) {
            throw new jakarta.ws.rs.BadRequestException("week must be a whole number");
        }
        plans.dismissProgression(planId, number, reason == null ? "" : reason.strip());
        return back(patientId, "progression-dismissed");
    }

    /** Saves the plan's current items and doses as the therapist's own template (plan-service checks the plan). */
    @POST
    @Path("/plans/{planId}/template")
    public Response saveAsTemplate(@PathParam("patientId") UUID patientId, @PathParam("planId") UUID planId,
            @RestForm String name, @RestForm String sharedWithClinic) {
        plans.saveTemplate(new TemplateChange.FromPlan(planId, name == null ? "" : name.strip(), null,
                sharedWithClinic != null));
        return Pages.redirect("/library?done=template-saved");
    }

    /**
     * plan-service's intake gate speaks of its API ("intakeSignOff: true"); the therapist reads what to do on this
     * page instead. Other refusals pass unchanged.
     */
    private static ServiceProblem plainIntakeRefusal(ServiceProblem problem) {
        String plain = switch (problem.type()) {
            case "intake-screening-required" -> "The plan is not active: this patient has no intake screen yet. "
                    + "Record it in the intake section of their page (or ask the patient to answer it when they sign "
                    + "in), then try again.";
            case "intake-sign-off-required" -> "The plan is not active: the intake screen has flags. Tick “I "
                    + "reviewed the intake flags” next to the status buttons on the patient's page, then try again.";
            case "intake-unavailable" -> "The plan is not active: the intake screen could not be checked just now "
                    + "because the patient service did not answer. Nothing changed; please try again in a minute.";
            default -> null;
        };
        return plain == null ? problem
                : new ServiceProblem(problem.status(), problem.type(), plain, problem.errors());
    }

    private static Response back(UUID patientId, String done) {
        return Pages.redirect("/patients/" + patientId + "?done=" + done);
    }
}
