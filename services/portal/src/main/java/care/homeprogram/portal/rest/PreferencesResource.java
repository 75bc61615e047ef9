package care.homeprogram.portal.rest;

import care.homeprogram.contract.Language;
import care.homeprogram.contract.QuietHours;
import care.homeprogram.portal.client.Channels;
import care.homeprogram.portal.client.Patient;
import care.homeprogram.portal.client.PatientPreferences;
import care.homeprogram.portal.client.PatientsClient;
import care.homeprogram.portal.client.PlansClient;
import care.homeprogram.portal.client.ServiceProblem;
import care.homeprogram.portal.client.ServiceUnavailable;
import care.homeprogram.portal.rest.PushOptIn.PushSettings;
import care.homeprogram.portal.service.CalendarSection;
import care.homeprogram.portal.service.Forms;
import care.homeprogram.portal.service.PageLanguage;
import care.homeprogram.portal.service.PatientLanguages;
import care.homeprogram.portal.service.PortalMessages;
import care.homeprogram.portal.service.Times;
import care.homeprogram.portal.service.Viewer;
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
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A patient's reminder settings: time zone, quiet hours, channels. patient-service owns them (the patient record),
 * so they are read from and written once to it; notification-service follows through the PatientContactChanged
 * event, and "today" and the reminders use the same zone. (Therapists set theirs with PATCH /api/therapists/me.)
 * The Calendar section is plan-service's: the patient's program as a calendar feed at a secret link, made, replaced
 * and stopped with plain forms (docs/portal.md). "Notifications on this device" is {@link PushOptIn}, shared with the
 * therapist's {@link NotificationSettingsResource}.
 */
@Path("/preferences")
@RolesAllowed("patient")
@Produces(MediaType.TEXT_HTML)
public class PreferencesResource {
    private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance preferences(Forms form, String notice, PushSettings push,
                CalendarSection calendar, List<Language> languages, Language current);
    }

    private static final String PAGE = "/preferences";
    private static final List<Language> LANGUAGES = Arrays.asList(Language.values());

    private final PatientsClient patients;
    private final PushOptIn pushOptIn;
    private final PlansClient plans;
    private final PageLanguage language;
    private final PatientLanguages languages;
    private final Viewer viewer;

    public PreferencesResource(PatientsClient patients, PushOptIn pushOptIn, PlansClient plans, PageLanguage language,
            PatientLanguages languages, Viewer viewer) {
        this.patients = patients;
        this.pushOptIn = pushOptIn;
        this.plans = plans;
        this.language = language;
        this.languages = languages;
        this.viewer = viewer;
    }

    @GET
    public TemplateInstance show(@QueryParam("done") String done) {
        Patient p = patients.me();
        return page(p, notice(done), calendar(p, null));
    }

    /** This page's confirmations in the patient's language; the shared ones (push) from {@link Notices}. */
    private String notice(String done) {
        if ("preferences-saved".equals(done)) {
            return language.messages().prefs_saved();
        }
        if ("language-saved".equals(done)) {
            return language.messages().prefs_languageSaved();
        }
        return Notices.of(done, language.messages());
    }

    /**
     * The patient's language, stored by patient-service ({@code preferredLanguage}) for the portal, the printed
     * program, plan-service's words and the messages notification-service sends; the next page is in it.
     */
    @POST
    @Path("/language")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeLanguage(@RestForm String language) {
        Language chosen = Language.ofTag(language).filter(l -> l.tag().equals(language))
                .orElseThrow(() -> new jakarta.ws.rs.BadRequestException("language must be one of en, es, de"));
        patients.updateMe(PatientPreferences.language(chosen.tag()));
        languages.changed(viewer.id(), chosen);
        return Pages.redirect("/preferences?done=language-saved");
    }

    /**
     * A new calendar link (the first, or one replacing the old, which stops working): shown on this answer only, so
     * it is rendered here rather than redirected to (a link in an address would end up in history and logs).
     */
    @POST
    @Path("/calendar")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response subscribeCalendar() {
        Patient p = patients.me();
        CalendarSection made = CalendarSection.of(plans.createCalendarFeed(), Times.zone(p.timeZone()),
                language.language().locale());
        return Pages.ok(page(p, language.messages().cal_ready(),
                made));
    }

    @POST
    @Path("/calendar/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response revokeCalendar() {
        plans.revokeCalendarFeed();
        return Pages.redirect("/preferences?done=calendar-revoked");
    }

    /** The calendar section from plan-service, or "unavailable" without failing the page. */
    private CalendarSection calendar(Patient p, CalendarSection made) {
        if (made != null) {
            return made;
        }
        try {
            return CalendarSection.of(plans.calendarFeed(), Times.zone(p.timeZone()), language.language().locale());
        } catch (ServiceUnavailable e) {
            return CalendarSection.UNAVAILABLE;
        }
    }

    private TemplateInstance page(Patient p, String notice, CalendarSection calendar) {
        Map<String, String> values = new HashMap<>();
        values.put("timeZone", p.timeZone() == null ? "" : p.timeZone());
        values.put("quietStart", p.quietHours() == null || p.quietHours().start() == null ? "21:00" : p.quietHours().start());
        values.put("quietEnd", p.quietHours() == null || p.quietHours().end() == null ? "08:00" : p.quietHours().end());
        values.put("email", p.channels() != null && Boolean.TRUE.equals(p.channels().email()) ? "on" : "");
        values.put("inApp", p.channels() != null && Boolean.TRUE.equals(p.channels().inApp()) ? "on" : "");
        return Templates.preferences(Forms.of(values), notice, push(), calendar, LANGUAGES, language.language());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response save(@RestForm String timeZone, @RestForm String quietStart, @RestForm String quietEnd,
            @RestForm String email, @RestForm String inApp) {
        Map<String, String> values = new HashMap<>();
        values.put("timeZone", nz(timeZone));
        values.put("quietStart", nz(quietStart));
        values.put("quietEnd", nz(quietEnd));
        values.put("email", email == null ? "" : "on");
        values.put("inApp", inApp == null ? "" : "on");
        Forms form = Forms.of(values);
        PortalMessages words = language.messages();
        form.requiredSaying(words.form_required(), "timeZone", "quietStart", "quietEnd");
        form.timeZone("timeZone", words.form_timeZone());
        for (String field : new String[] { "quietStart", "quietEnd" }) {
            if (!form.value(field).isEmpty() && !TIME.matcher(form.value(field)).matches()) {
                form.reject(field, words.form_time());
            }
        }
        if (!form.valid()) {
            return Pages.invalid(Templates.preferences(form, null, push(), calendar(patients.me(), null), LANGUAGES,
                    language.language()));
        }
        QuietHours quiet = new QuietHours(form.value("quietStart"), form.value("quietEnd"));
        Channels channels = new Channels(email != null, inApp != null);
        try {
            patients.updateMe(new PatientPreferences(form.value("timeZone"), quiet, channels));
        } catch (ServiceProblem problem) {
            form.reject(problem);
            return Pages.invalid(Templates.preferences(form, null, push(), calendar(patients.me(), null), LANGUAGES,
                    language.language()));
        }
        return Pages.redirect("/preferences?done=preferences-saved");
    }

    @POST
    @Path("/push")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response subscribe(@RestForm String endpoint, @RestForm String p256dh, @RestForm String auth) {
        return pushOptIn.subscribe(PAGE, endpoint, p256dh, auth);
    }

    @POST
    @Path("/push/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response unsubscribe(@RestForm String id) {
        return pushOptIn.unsubscribe(PAGE, id);
    }

    private PushSettings push() {
        return pushOptIn.settings(PAGE, PushOptIn.PATIENT_WORKER);
    }

    private static String nz(String value) {
        return value == null ? "" : value.strip();
    }
}
