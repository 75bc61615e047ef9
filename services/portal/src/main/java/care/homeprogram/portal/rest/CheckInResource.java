package care.homeprogram.portal.rest;

import care.homeprogram.portal.client.CheckIn;
import care.homeprogram.portal.client.PlansClient;
import care.homeprogram.portal.client.SafetyOutcome;
import care.homeprogram.portal.service.PageLanguage;
import care.homeprogram.portal.service.Wording;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;

/** The red-flag check-in: eight yes/no questions; the answer page puts emergency instructions first. */
@Path("/check-in")
@RolesAllowed("patient")
@Produces(MediaType.TEXT_HTML)
public class CheckInResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance checkIn(Map<String, String> questions);

        static native TemplateInstance outcome(SafetyOutcome outcome, List<String> reasons);
    }

    private final PlansClient plans;
    private final PageLanguage language;

    public CheckInResource(PlansClient plans, PageLanguage language) {
        this.plans = plans;
        this.language = language;
    }

    @GET
    public TemplateInstance form() {
        return Templates.checkIn(Wording.redFlags(language.messages()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(@RestForm List<String> yes) {
        Map<String, Boolean> answers = new LinkedHashMap<>();
        Wording.RED_FLAGS.keySet().forEach(flag -> answers.put(flag, yes != null && yes.contains(flag)));
        SafetyOutcome outcome = plans.checkIn(new CheckIn(answers));
        return Pages.ok(Templates.outcome(outcome, Wording.reasons(outcome.reasons(), language.messages())));
    }
}
