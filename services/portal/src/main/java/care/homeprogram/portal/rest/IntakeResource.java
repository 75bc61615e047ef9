package care.homeprogram.portal.rest;

import care.homeprogram.portal.client.Patient;
import care.homeprogram.portal.client.PatientsClient;
import care.homeprogram.portal.client.ServiceProblem;
import care.homeprogram.portal.service.IntakeForm;
import care.homeprogram.portal.service.IntakeMessages;
import care.homeprogram.portal.service.PageLanguage;
import care.homeprogram.portal.service.ScreenedPatients;
import care.homeprogram.portal.service.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The patient's own intake screen at first sign-in (Today links to it until it is recorded). patient-service takes
 * it once; after that only the therapist can change it, which the page says instead of showing the form again.
 */
@Path("/me/intake")
@RolesAllowed("patient")
@Produces(MediaType.TEXT_HTML)
public class IntakeResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance selfScreen(IntakeForm form, boolean recorded);
    }

    private final PatientsClient patients;
    private final PageLanguage language;
    private final ScreenedPatients screened;
    private final Viewer viewer;

    public IntakeResource(PatientsClient patients, PageLanguage language, ScreenedPatients screened, Viewer viewer) {
        this.patients = patients;
        this.language = language;
        this.screened = screened;
        this.viewer = viewer;
    }

    private IntakeMessages words() {
        return language.words(IntakeMessages.class);
    }

    @GET
    public TemplateInstance form() {
        Patient.Intake intake = patients.myIntake();
        return Templates.selfScreen(IntakeForm.empty(words()), intake != null && intake.screenedAt() != null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(@BeanParam IntakePost posted) {
        IntakeForm form = posted.form(words());
        if (!form.valid()) {
            return Pages.invalid(Templates.selfScreen(form, false));
        }
        try {
            patients.screenMyself(form.answers());
            // Today no longer asks: the prompt is gone on the page the patient is sent to
            screened.remember(viewer.id());
            return Pages.redirect("/today?done=intake-answered");
        } catch (ServiceProblem problem) {
            if ("intake-recorded".equals(problem.type())) {
                // Answered before (another tab, a double submit): nothing is lost, the therapist has the answers.
                screened.remember(viewer.id());
                return Response.status(409).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                        .entity(Templates.selfScreen(IntakeForm.empty(words()), true).render()).build();
            }
            if (problem.isNotFound() || problem.status() == 403) {
                throw problem;
            }
            return Pages.invalid(Templates.selfScreen(form.reject(problem, true), false));
        }
    }
}
