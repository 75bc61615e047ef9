package care.homeprogram.portal.rest;

import care.homeprogram.portal.client.Instrument;
import care.homeprogram.portal.client.PlansClient;
import care.homeprogram.portal.client.ServiceProblem;
import care.homeprogram.portal.service.Forms;
import care.homeprogram.portal.service.Section;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The admin's outcome-measure instruments: their licence state, accepting the terms of an instrument shipped with
 * terms (STarT Back) to enable it, and importing a Questionnaire the clinic is licensed to use (ODI, PROMIS).
 * plan-service keeps the acceptance (who, when, which terms version) and checks every import.
 */
@Path("/admin/instruments")
@RolesAllowed("admin")
@Produces(MediaType.TEXT_HTML)
public class InstrumentsResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance instruments(Section<List<Instrument>> instruments, Forms importForm,
                String notice);

        static native TemplateInstance terms(Instrument.Terms terms, Forms form);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PlansClient plans;

    public InstrumentsResource(PlansClient plans) {
        this.plans = plans;
    }

    @GET
    public TemplateInstance list(@QueryParam("done") String done) {
        return Templates.instruments(Section.load(() -> plans.instruments().items()), importForm(Map.of()),
                Notices.of(done));
    }

    @GET
    @Path("/{key}/terms")
    public TemplateInstance terms(@PathParam("key") String key) {
        return Templates.terms(plans.instrumentTerms(key), Forms.of(Map.of()));
    }

    @POST
    @Path("/{key}/enable")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response enable(@PathParam("key") String key, @RestForm String acceptTerms,
            @RestForm String termsVersion) {
        Forms form = Forms.of(Map.of("acceptTerms", acceptTerms == null ? "" : acceptTerms,
                "termsVersion", termsVersion == null ? "" : termsVersion));
        if (!form.is("acceptTerms", "yes")) {
            form.reject("acceptTerms", "Tick “I accept these terms” to enable the instrument");
        }
        if (form.valid()) {
            try {
                plans.enableInstrument(key, form.value("termsVersion"));
                return Pages.redirect("/admin/instruments?done=instrument-enabled");
            } catch (ServiceProblem problem) {
                if (problem.isNotFound() || problem.status() == 403) {
                    throw problem;
                }
                form.reject(problem);
            }
        }
        return Pages.invalid(Templates.terms(plans.instrumentTerms(key), form));
    }

    @POST
    @Path("/import")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response importQuestionnaire(@RestForm String key, @RestForm String questionnaire,
            @RestForm String scoring) {
        Forms form = importForm(Map.of("key", nz(key), "questionnaire", nz(questionnaire), "scoring", nz(scoring)));
        form.required("key", "questionnaire", "scoring");
        JsonNode questionnaireJson = json(form, "questionnaire");
        JsonNode scoringJson = form.value("scoring").startsWith("{") ? json(form, "scoring")
                : TextNode.valueOf(form.value("scoring"));
        if (form.valid()) {
            try {
                plans.importInstrument(new Instrument.Import(form.value("key"), questionnaireJson, scoringJson));
                return Pages.redirect("/admin/instruments?done=instrument-imported");
            } catch (ServiceProblem problem) {
                if (problem.status() == 403) {
                    throw problem;
                }
                rejectImport(form, problem);
            }
        }
        return Pages.invalid(Templates.instruments(Section.load(() -> plans.instruments().items()), form, null));
    }

    /**
     * plan-service's refusal of an import: a field it names next to that field; what it says about the
     * Questionnaire's items ({@code questionnaire.item.<linkId>}) listed under the Questionnaire with the item named,
     * since the admin fixes those in the JSON; anything else (409 {@code instrument-exists}) as the form's message.
     */
    private static void rejectImport(Forms form, ServiceProblem problem) {
        StringBuilder questionnaireErrors = new StringBuilder();
        for (var error : problem.errors()) {
            String field = error.field() == null ? "" : error.field();
            if (field.equals("key") || field.equals("scoring") || field.startsWith("scoring.")) {
                form.reject(field.startsWith("scoring") ? "scoring" : "key", error.message());
            } else if (field.startsWith("questionnaire")) {
                questionnaireErrors.append(questionnaireErrors.isEmpty() ? "" : "; ")
                        .append(field.startsWith("questionnaire.item.")
                                ? "item " + field.substring("questionnaire.item.".length()) + ": " : "")
                        .append(error.message());
            }
        }
        if (!questionnaireErrors.isEmpty()) {
            form.reject("questionnaire", questionnaireErrors.toString());
        }
        if (form.valid() || problem.errors().isEmpty()) {
            form.reject("form", problem.detail() == null ? "plan-service refused the import." : problem.detail());
        }
    }

    private static JsonNode json(Forms form, String field) {
        if (form.value(field).isEmpty()) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(form.value(field));
            if (node == null || !node.isObject()) {
                form.reject(field, "Must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            form.reject(field, "Is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ")");
            return null;
        }
    }

    private static Forms importForm(Map<String, String> values) {
        Map<String, String> withDefaults = new java.util.HashMap<>(Map.of("key", "", "questionnaire", "",
                "scoring", "odi"));
        withDefaults.putAll(values);
        return Forms.of(withDefaults);
    }

    private static String nz(String value) {
        return value == null ? "" : value.strip();
    }
}
