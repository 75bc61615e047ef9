package care.homeprogram.portal.rest;

import care.homeprogram.portal.client.PlansClient;
import care.homeprogram.portal.client.SafetyOutcome;
import care.homeprogram.portal.client.ServiceProblem;
import care.homeprogram.portal.client.SessionLog;
import care.homeprogram.portal.service.HistoryView;
import care.homeprogram.portal.service.PatientPages;
import care.homeprogram.portal.service.TodayView;
import care.homeprogram.portal.service.Wording;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The patient's day: what is due today in their time zone, logging a session, and at once what the safety rules
 * decided (continue / this exercise is paused and why / seek care, with emergency instructions first).
 */
@Path("/")
@RolesAllowed("patient")
@Produces(MediaType.TEXT_HTML)
public class TodayResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance today(TodayView view, String notice);

        static native TemplateInstance outcome(SafetyOutcome outcome, String item, List<String> reasons);

        static native TemplateInstance history(HistoryView view);
    }

    private final PatientPages pages;
    private final PlansClient plans;

    public TodayResource(PatientPages pages, PlansClient plans) {
        this.pages = pages;
        this.plans = plans;
    }

    @GET
    @Path("/today")
    public TemplateInstance today(@QueryParam("done") String done) {
        return Templates.today(pages.today(TodayView.SessionForm.NONE), Notices.of(done));
    }

    @GET
    @Path("/history")
    public TemplateInstance history() {
        return Templates.history(pages.history());
    }

    @POST
    @Path("/today/sessions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logSession(@RestForm UUID planId, @RestForm UUID itemId, @RestForm String itemName,
            @RestForm String painBefore, @RestForm String painAfter, @RestForm List<String> symptoms,
            @RestForm String setsDone, @RestForm String repsDone, @RestForm String note, @RestForm String settled) {
        if (planId == null || itemId == null) {
            throw new jakarta.ws.rs.BadRequestException("planId and itemId are required");
        }
        Map<String, String> values = new LinkedHashMap<>();
        values.put("painBefore", nz(painBefore));
        values.put("painAfter", nz(painAfter));
        values.put("setsDone", nz(setsDone));
        values.put("repsDone", nz(repsDone));
        values.put("note", nz(note));
        values.put("settled", nz(settled));
        List<String> reported = symptoms == null ? List.of()
                : symptoms.stream().filter(Wording.SYMPTOMS::containsKey).distinct().toList();
        reported.forEach(s -> values.put("symptom:" + s, "on"));
        Map<String, String> errors = new HashMap<>();
        Integer before = number(values.get("painBefore"), 0, 10, true, "painBefore", errors,
                "Choose your pain before, from 0 (none) to 10 (worst)");
        Integer after = number(values.get("painAfter"), 0, 10, true, "painAfter", errors,
                "Choose your pain after, from 0 (none) to 10 (worst)");
        Integer sets = number(values.get("setsDone"), 0, 50, false, "setsDone", errors, "Must be 0 to 50");
        Integer reps = number(values.get("repsDone"), 0, 500, false, "repsDone", errors, "Must be 0 to 500");
        if (values.get("note").length() > 2000) {
            errors.put("note", "At most 2000 characters");
        }
        if (!errors.isEmpty()) {
            return Pages.invalid(
                    Templates.today(pages.today(new TodayView.SessionForm(itemId, values, errors)), null));
        }
        Boolean settledAnswer = switch (values.get("settled")) {
            case "yes" -> Boolean.TRUE;
            case "no" -> Boolean.FALSE;
            default -> null;
        };
        try {
            SafetyOutcome outcome = plans.logSession(planId, new SessionLog(itemId,
                    OffsetDateTime.now(ZoneOffset.UTC), sets, reps, before, after, reported,
                    values.get("note").isEmpty() ? null : values.get("note"), settledAnswer));
            return Pages.ok(Templates.outcome(outcome, itemName == null ? "this exercise" : itemName,
                    Wording.reasons(outcome.reasons())));
        } catch (ServiceProblem problem) {
            if (problem.isNotFound()) {
                throw problem;
            }
            for (ServiceProblem.FieldError e : problem.errors()) {
                String field = e.field() == null ? "form" : e.field();
                errors.put(field.substring(field.lastIndexOf('.') + 1), e.message());
            }
            if (errors.isEmpty()) {
                errors.put("form", problem.detail());
            }
            return Pages.invalid(
                    Templates.today(pages.today(new TodayView.SessionForm(itemId, values, errors)), null));
        }
    }

    private static Integer number(String value, int min, int max, boolean required, String field,
            Map<String, String> errors, String message) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.put(field, message);
            }
            return null;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n < min || n > max) {
                errors.put(field, message);
                return null;
            }
            return n;
        } catch (NumberFormatException e) {
            errors.put(field, message);
            return null;
        }
    }

    private static String nz(String value) {
        return value == null ? "" : value.strip();
    }
}
