package care.homeprogram.portal.rest;

import care.homeprogram.portal.client.Measure;
import care.homeprogram.portal.client.PlansClient;
import care.homeprogram.portal.client.ServiceProblem;
import care.homeprogram.portal.service.PatientPages;
import care.homeprogram.portal.service.PageLanguage;
import care.homeprogram.portal.service.QuestionnaireForm;
import care.homeprogram.portal.service.RefusalMessages;
import care.homeprogram.portal.service.Refusals;
import care.homeprogram.portal.service.Section;
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
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The patient's outcome-measure questionnaires: the ones due now, each as a form rendered from its FHIR
 * Questionnaire, and the thank-you page with the score. plan-service decides what is due and checks the answers.
 */
@Path("/questionnaires")
@RolesAllowed("patient")
@Produces(MediaType.TEXT_HTML)
public class QuestionnairesResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance questionnaires(Section<List<Measure.Due>> due);

        static native TemplateInstance questionnaire(QuestionnaireForm form);

        static native TemplateInstance answered(String title, Measure.Result result);
    }

    private final PatientPages pages;
    private final PlansClient plans;
    private final PageLanguage language;

    public QuestionnairesResource(PatientPages pages, PlansClient plans, PageLanguage language) {
        this.pages = pages;
        this.plans = plans;
        this.language = language;
    }

    @GET
    public TemplateInstance list() {
        return Templates.questionnaires(pages.dueMeasures());
    }

    @GET
    @Path("/{scheduleId}")
    public TemplateInstance form(@PathParam("scheduleId") UUID scheduleId) {
        return Templates.questionnaire(pages.questionnaire(scheduleId, Map.of()).orElseThrow(NotFoundException::new));
    }

    @POST
    @Path("/{scheduleId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(@PathParam("scheduleId") UUID scheduleId, MultivaluedMap<String, String> posted) {
        Map<String, String> values = new HashMap<>();
        posted.forEach((name, list) -> {
            if (list != null && !list.isEmpty() && list.get(0) != null) {
                values.put(name, list.get(0));
            }
        });
        QuestionnaireForm form = pages.questionnaire(scheduleId, values).orElseThrow(NotFoundException::new);
        try {
            Measure.Result result = plans.answerMeasure(scheduleId, form.answers());
            return Pages.ok(Templates.answered(form.title(), result));
        } catch (ServiceProblem problem) {
            // a bad answer (400), or a questionnaire no longer due or in use (409): the form again, in the
            // patient's words (Refusals); anything else is the error page
            RefusalMessages words = language.words(RefusalMessages.class);
            boolean known = Refusals.ofQuestionnaire(problem, words) != null;
            if (problem.status() != 400 && !known) {
                throw problem;
            }
            form.reject(problem, words);
            return Response.status(problem.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity(Templates.questionnaire(form).render()).build();
        }
    }
}
