package care.homeprogram.portal.rest;

import care.homeprogram.portal.client.PlansClient;
import care.homeprogram.portal.client.SafetyOutcome;
import care.homeprogram.portal.client.ServiceProblem;
import care.homeprogram.portal.client.Session;
import care.homeprogram.portal.client.SessionCorrection;
import care.homeprogram.portal.client.SessionLog;
import care.homeprogram.portal.service.HistoryView;
import care.homeprogram.portal.service.PageLanguage;
import care.homeprogram.portal.service.PatientPages;
import care.homeprogram.portal.service.PortalMessages;
import care.homeprogram.portal.service.RefusalMessages;
import care.homeprogram.portal.service.Refusals;
import care.homeprogram.portal.service.SessionChangeForm;
import care.homeprogram.portal.service.TodayView;
import care.homeprogram.portal.service.Wording;
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
import java.time.Instant;
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

        static native TemplateInstance outcome(SafetyOutcome outcome, String item, List<String> reasons,
                boolean corrected);

        static native TemplateInstance history(HistoryView view, String notice);

        static native TemplateInstance correct(SessionChangeForm form);

        static native TemplateInstance withdraw(SessionChangeForm form);
    }

    private final PatientPages pages;
    private final PlansClient plans;
    private final PageLanguage language;

    public TodayResource(PatientPages pages, PlansClient plans, PageLanguage language) {
        this.pages = pages;
        this.plans = plans;
        this.language = language;
    }

    @GET
    @Path("/today")
    public TemplateInstance today(@QueryParam("done") String done) {
        return Templates.today(pages.today(TodayView.SessionForm.NONE), Notices.of(done, language.messages()));
    }

    @GET
    @Path("/history")
    public TemplateInstance history(@QueryParam("done") String done) {
        return Templates.history(pages.history(), Notices.of(done, language.messages()));
    }


    @GET
    @Path("/history/sessions/{planId}/{sessionId}/correct")
    public Response correctForm(@PathParam("planId") UUID planId, @PathParam("sessionId") UUID sessionId) {
        PatientPages.SessionToChange found = find(planId, sessionId);
        Session s = found.session();
        Map<String, String> values = new LinkedHashMap<>();
        values.put("painBefore", String.valueOf(s.painBefore()));
        values.put("painAfter", String.valueOf(s.painAfter()));
        values.put("setsDone", s.setsDone() == null ? "" : String.valueOf(s.setsDone()));
        values.put("repsDone", s.repsDone() == null ? "" : String.valueOf(s.repsDone()));
        values.put("note", s.note() == null ? "" : s.note());
        s.symptoms().forEach(code -> values.put("symptom:" + code, "on"));
        return Pages.ok(Templates.correct(form(found, values, Map.of(), closedReason(s))));
    }

    @POST
    @Path("/history/sessions/{planId}/{sessionId}/correct")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response correct(@PathParam("planId") UUID planId, @PathParam("sessionId") UUID sessionId,
            @RestForm String painBefore, @RestForm String painAfter, @RestForm List<String> symptoms,
            @RestForm String setsDone, @RestForm String repsDone, @RestForm String note, @RestForm String reason) {
        PatientPages.SessionToChange found = find(planId, sessionId);
        SessionValues typed = SessionValues.read(painBefore, painAfter, symptoms, setsDone, repsDone, note,
                language.messages());
        Map<String, String> values = typed.values();
        values.put("reason", nz(reason));
        List<String> reported = typed.reported();
        Map<String, String> errors = typed.errors();
        Integer before = typed.before();
        Integer after = typed.after();
        Integer sets = typed.sets();
        Integer reps = typed.reps();
        reasonRequired(values.get("reason"), language.messages().form_correctReason(), errors);
        if (!errors.isEmpty()) {
            return Pages.invalid(Templates.correct(form(found, values, errors, null)));
        }
        try {
            SafetyOutcome outcome = plans.correctSession(planId, sessionId, new SessionCorrection(before, after,
                    reported, sets, reps, values.get("note").isEmpty() ? null : values.get("note"),
                    values.get("reason")));
            return Pages.ok(Templates.outcome(outcome, found.item(), Wording.reasons(outcome.reasons(),
                    language.messages()), true));
        } catch (ServiceProblem problem) {
            return refused(problem, values, errors, found, true);
        }
    }

    @GET
    @Path("/history/sessions/{planId}/{sessionId}/withdraw")
    public Response withdrawForm(@PathParam("planId") UUID planId, @PathParam("sessionId") UUID sessionId) {
        PatientPages.SessionToChange found = find(planId, sessionId);
        return Pages.ok(Templates.withdraw(form(found, Map.of(), Map.of(), closedReason(found.session()))));
    }

    @POST
    @Path("/history/sessions/{planId}/{sessionId}/withdraw")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response withdraw(@PathParam("planId") UUID planId, @PathParam("sessionId") UUID sessionId,
            @RestForm String reason, @RestForm String confirm) {
        PatientPages.SessionToChange found = find(planId, sessionId);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("reason", nz(reason));
        values.put("confirm", nz(confirm));
        Map<String, String> errors = new HashMap<>();
        reasonRequired(values.get("reason"), language.messages().form_withdrawReason(), errors);
        // withdrawing cannot be undone: the patient ticks that they mean it (the page works without JavaScript)
        if (!"yes".equals(values.get("confirm"))) {
            errors.put("confirm", language.messages().form_confirmWithdraw());
        }
        if (!errors.isEmpty()) {
            return Pages.invalid(Templates.withdraw(form(found, values, errors, null)));
        }
        try {
            plans.withdrawSession(planId, sessionId, values.get("reason"));
            return Pages.redirect("/history?done=session-withdrawn");
        } catch (ServiceProblem problem) {
            return refused(problem, values, errors, found, false);
        }
    }

    /** The patient's own session, or the not-found page (another person's, or an address made up). */
    private PatientPages.SessionToChange find(UUID planId, UUID sessionId) {
        if (planId == null || sessionId == null) {
            throw new NotFoundException();
        }
        return pages.session(planId, sessionId).orElseThrow(NotFoundException::new);
    }

    /** Why the form is not offered at all, from what the portal already knows; plan-service decides in the end. */
    private String closedReason(Session s) {
        if (s.withdrawn()) {
            return language.messages().change_alreadyWithdrawn();
        }
        return s.changeable(Instant.now()) ? null : language.messages().change_windowClosed();
    }

    /**
     * plan-service's refusal in the patient's words: the window closed or the session withdrawn (409) is a page that
     * says so, with the way back, not an error page; field errors go next to their fields.
     */
    private Response refused(ServiceProblem problem, Map<String, String> values, Map<String, String> errors,
            PatientPages.SessionToChange found, boolean correcting) {
        if (problem.isNotFound()) {
            throw problem;
        }
        String closed = switch (problem.type() == null ? "" : problem.type()) {
            // said instead of the form once the 24-hour window is over, or for a session the patient withdrew
            case "correction-window-closed" -> language.messages().change_windowClosed();
            case "session-withdrawn" -> language.messages().change_alreadyWithdrawn();
            default -> null;
        };
        if (closed != null) {
            SessionChangeForm form = form(found, values, Map.of(), closed);
            return Response.status(409).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                    .entity((correcting ? Templates.correct(form) : Templates.withdraw(form)).render()).build();
        }
        // plan-service names fields by path ("symptoms[1]", "correction.reason"): in the patient's words (Refusals)
        Refusals.intoSessionForm(problem, language.words(RefusalMessages.class), errors);
        SessionChangeForm form = form(found, values, errors, null);
        return Pages.invalid(correcting ? Templates.correct(form) : Templates.withdraw(form));
    }

    private void reasonRequired(String reason, String message, Map<String, String> errors) {
        if (reason.isEmpty()) {
            errors.put("reason", message);
        } else if (reason.length() > 500) {
            errors.put("reason", language.messages().form_atMost(500));
        }
    }

    private SessionChangeForm form(PatientPages.SessionToChange found, Map<String, String> values,
            Map<String, String> errors, String closed) {
        Session s = found.session();
        return new SessionChangeForm(found.planId(), s.id(), found.item(), found.when(), values, errors, closed);
    }

    @POST
    @Path("/today/sessions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logSession(@RestForm UUID planId, @RestForm UUID itemId, @RestForm String itemName,
            @RestForm String painBefore, @RestForm String painAfter, @RestForm List<String> symptoms,
            @RestForm String setsDone, @RestForm String repsDone, @RestForm String note, @RestForm String settled,
            @RestForm String idempotencyKey, @RestForm String performedAt) {
        if (planId == null || itemId == null) {
            throw new jakarta.ws.rs.BadRequestException("planId and itemId are required");
        }
        // Sent by the page script for a log kept on the phone while offline (docs/portal.md, "Offline"): the key it
        // made for the log and when the patient logged it. A form sent without JavaScript has neither.
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
        if (key != null && !key.matches("[\\x21-\\x7E]{1,100}")) {
            throw new jakarta.ws.rs.BadRequestException("idempotencyKey is not a key the page makes");
        }
        OffsetDateTime performed = performedOn(performedAt);
        SessionValues typed = SessionValues.read(painBefore, painAfter, symptoms, setsDone, repsDone, note,
                language.messages());
        Map<String, String> values = typed.values();
        values.put("settled", nz(settled));
        List<String> reported = typed.reported();
        Map<String, String> errors = typed.errors();
        Integer before = typed.before();
        Integer after = typed.after();
        Integer sets = typed.sets();
        Integer reps = typed.reps();
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
            SafetyOutcome outcome = plans.logSession(planId, key, new SessionLog(itemId,
                    performed, sets, reps, before, after, reported,
                    values.get("note").isEmpty() ? null : values.get("note"), settledAnswer));
            return Pages.ok(Templates.outcome(outcome, itemName == null ? "this exercise" : itemName,
                    Wording.reasons(outcome.reasons(), language.messages()), false));
        } catch (ServiceProblem problem) {
            if (problem.isNotFound()) {
                throw problem;
            }
            Refusals.intoSessionForm(problem, language.words(RefusalMessages.class), errors);
            return Pages.invalid(
                    Templates.today(pages.today(new TodayView.SessionForm(itemId, values, errors)), null));
        }
    }

    /** When the device says the session was logged (ISO-8601 with offset), else now; plan-service checks the range. */
    private static OffsetDateTime performedOn(String performedAt) {
        if (performedAt == null || performedAt.isBlank()) {
            return OffsetDateTime.now(ZoneOffset.UTC);
        }
        try {
            return OffsetDateTime.parse(performedAt.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new jakarta.ws.rs.BadRequestException("performedAt is not an ISO-8601 date and time");
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

    /**
     * A session as the patient typed it, checked the same way on the log form and the correction form: the values
     * to show again, the errors by field, and the numbers (null where missing or wrong).
     */
    private record SessionValues(Map<String, String> values, Map<String, String> errors, List<String> reported,
            Integer before, Integer after, Integer sets, Integer reps) {

        static SessionValues read(String painBefore, String painAfter, List<String> symptoms, String setsDone,
                String repsDone, String note, PortalMessages words) {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("painBefore", nz(painBefore));
            values.put("painAfter", nz(painAfter));
            values.put("setsDone", nz(setsDone));
            values.put("repsDone", nz(repsDone));
            values.put("note", nz(note));
            List<String> reported = symptoms == null ? List.of()
                    : symptoms.stream().filter(Wording.SYMPTOMS::containsKey).distinct().toList();
            reported.forEach(code -> values.put("symptom:" + code, "on"));
            Map<String, String> errors = new HashMap<>();
            Integer before = number(values.get("painBefore"), 0, 10, true, "painBefore", errors,
                    words.form_painBefore());
            Integer after = number(values.get("painAfter"), 0, 10, true, "painAfter", errors,
                    words.form_painAfter());
            Integer sets = number(values.get("setsDone"), 0, 50, false, "setsDone", errors, words.form_zeroTo(50));
            Integer reps = number(values.get("repsDone"), 0, 500, false, "repsDone", errors, words.form_zeroTo(500));
            if (values.get("note").length() > 2000) {
                errors.put("note", words.form_atMost(2000));
            }
            return new SessionValues(values, errors, reported, before, after, sets, reps);
        }
    }

    private static String nz(String value) {
        return value == null ? "" : value.strip();
    }
}
