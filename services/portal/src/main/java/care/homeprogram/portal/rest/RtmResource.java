package care.homeprogram.portal.rest;

import care.homeprogram.portal.client.Rtm;
import care.homeprogram.portal.client.RtmClient;
import care.homeprogram.portal.client.ServiceProblem;
import care.homeprogram.portal.service.Forms;
import care.homeprogram.portal.service.RtmPages;
import care.homeprogram.portal.service.RtmView;
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
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Remote therapeutic monitoring (RTM) of one patient, for a therapist of their care team: record the patient's consent
 * and the setup and education (98975), time the monitoring with a start/stop timer or enter time afterwards, read the
 * month's summary with the codes plan-service proposes, and download it as CSV. Every form works without JavaScript
 * (POST-redirect-GET); plan-service's refusals (no consent yet, a timer already running, a field out of range) are
 * shown on this page next to the form they concern, with the status plan-service gave (400 or 409).
 */
@Path("/patients/{id}/rtm")
@RolesAllowed("therapist")
@Produces(MediaType.TEXT_HTML)
public class RtmResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance rtm(RtmView view);
    }

    static final String CSV = "text/csv";

    private final RtmPages pages;
    private final RtmClient rtm;

    public RtmResource(RtmPages pages, RtmClient rtm) {
        this.pages = pages;
        this.rtm = rtm;
    }

    @GET
    public TemplateInstance page(@PathParam("id") UUID id, @QueryParam("month") String month,
            @QueryParam("done") String done) {
        return Templates.rtm(pages.page(id, month(month), Notices.of(done)));
    }

    @POST
    @Path("/consent")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response consent(@PathParam("id") UUID id, @RestForm String method, @RestForm String consentNote) {
        Forms form = Forms.of(Map.of("method", nz(method), "consentNote", nz(consentNote)));
        form.required("method");
        if (!form.value("method").isEmpty() && !RtmView.CONSENT_METHODS.contains(form.value("method"))) {
            form.reject("method", "Choose how the patient gave their consent");
        }
        return send(id, form, RtmView::withConsentForm, () -> {
            rtm.recordConsent(id, form.value("method"), blankToNull(form.value("consentNote")));
            return "rtm-consent-recorded";
        }, Map.of("note", "consentNote"));
    }

    @POST
    @Path("/setup")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response setup(@PathParam("id") UUID id, @RestForm String setupNote) {
        Forms form = Forms.of(Map.of("setupNote", nz(setupNote)));
        return send(id, form, RtmView::withSetupForm, () -> {
            rtm.recordSetup(id, blankToNull(form.value("setupNote")));
            return "rtm-setup-recorded";
        }, Map.of("note", "setupNote"));
    }

    @POST
    @Path("/timer/start")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start(@PathParam("id") UUID id) {
        try {
            rtm.startTimer(id);
            return Pages.redirect("/patients/" + id + "/rtm?done=rtm-timer-started#timer");
        } catch (ServiceProblem problem) {
            if (problem.isNotFound() || problem.status() == 403) {
                throw problem;
            }
            return shownAgain(problem.status(), pages.page(id, pages.currentMonth(), null)
                    .withStartProblem(RtmWording.problem(problem)));
        }
    }

    @POST
    @Path("/timer/stop")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response stop(@PathParam("id") UUID id, @RestForm String interactive, @RestForm String stopNote) {
        Forms form = Forms.of(Map.of("interactive", nz(interactive), "stopNote", nz(stopNote)));
        return send(id, form, RtmView::withStopForm, () -> {
            rtm.stopTimer(id, form.is("interactive", "yes"), blankToNull(form.value("stopNote")));
            return "rtm-timer-stopped";
        }, Map.of("note", "stopNote", "interactive", "interactive"));
    }

    @POST
    @Path("/time")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response time(@PathParam("id") UUID id, @RestForm String date, @RestForm String minutes,
            @RestForm String timeInteractive, @RestForm String timeNote) {
        Forms form = Forms.of(Map.of("date", nz(date), "minutes", nz(minutes), "timeInteractive",
                nz(timeInteractive), "timeNote", nz(timeNote)));
        form.required("date", "minutes", "timeNote");
        LocalDate day = null;
        if (!form.value("date").isEmpty()) {
            try {
                day = LocalDate.parse(form.value("date"));
            } catch (DateTimeParseException e) {
                form.reject("date", "Must be a date such as 2026-12-01");
            }
        }
        // only that it is a number: what it may be (1–240) is plan-service's to say, next to the field
        if (!form.value("minutes").isEmpty() && !form.value("minutes").matches("\\d{1,4}")) {
            form.reject("minutes", "Must be a whole number of minutes, from 1 to 240");
        }
        LocalDate when = day;
        YearMonth month = day == null ? null : YearMonth.from(day);
        return send(id, form, RtmView::withTimeForm, () -> {
            rtm.recordTime(id, new Rtm.ManualTime(when, Integer.parseInt(form.value("minutes")),
                    form.is("timeInteractive", "yes"), form.value("timeNote")));
            return "rtm-time-recorded";
        }, Map.of("date", "date", "minutes", "minutes", "note", "timeNote", "interactive", "timeInteractive"), month);
    }

    /** The month as plan-service's CSV, to save (one line per proposed code with its evidence). */
    @GET
    @Path("/months/{month}.csv")
    @Produces({ CSV, MediaType.TEXT_HTML })
    public Response monthCsv(@PathParam("id") UUID id, @PathParam("month") String month) {
        YearMonth asked = month(month);
        return Response.ok(rtm.monthCsv(id, asked), CSV + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"rtm-" + asked + "-" + id + ".csv\"").build();
    }

    private Response send(UUID id, Forms form, BiFunction<RtmView, Forms, RtmView> shown,
            Supplier<String> write, Map<String, String> fields) {
        return send(id, form, shown, write, fields, null);
    }

    /**
     * Sends a form's write to plan-service when the portal's own checks passed, then back to the page with a notice
     * (in the month the entry belongs to); otherwise the page again with the form's messages: the portal's, or plan
     * service's (its field errors, named as in the API, next to the form's fields; anything else in its words).
     */
    private Response send(UUID id, Forms form, BiFunction<RtmView, Forms, RtmView> shown,
            Supplier<String> write, Map<String, String> fields, YearMonth month) {
        int status = 400;
        if (form.valid()) {
            try {
                String done = write.get();
                return Pages.redirect("/patients/" + id + "/rtm?"
                        + (month == null ? "" : "month=" + month + "&") + "done=" + done);
            } catch (ServiceProblem problem) {
                if (problem.isNotFound() || problem.status() == 403) {
                    throw problem;
                }
                status = problem.status() == 409 ? 409 : 400;
                RtmWording.reject(form, problem, fields);
            }
        }
        return shownAgain(status, shown.apply(pages.page(id, month == null ? pages.currentMonth() : month, null),
                form));
    }

    private static Response shownAgain(int status, RtmView view) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.rtm(view).render()).build();
    }

    /** {@code YYYY-MM}; none: the clinic's current month; anything else a 400 page naming the form it must have. */
    private YearMonth month(String month) {
        if (month == null || month.isBlank()) {
            return pages.currentMonth();
        }
        return RtmWording.month(month);
    }

    private static String nz(String value) {
        return value == null ? "" : value.strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
