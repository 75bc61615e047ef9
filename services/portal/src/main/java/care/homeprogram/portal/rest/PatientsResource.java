package care.homeprogram.portal.rest;

import care.homeprogram.contract.Language;
import care.homeprogram.portal.client.CreatedLogin;
import care.homeprogram.portal.client.NewPatient;
import care.homeprogram.portal.client.Patient;
import care.homeprogram.portal.client.PatientsClient;
import care.homeprogram.portal.client.PlansClient;
import care.homeprogram.portal.client.ServiceUnavailable;
import care.homeprogram.portal.client.ServiceProblem;
import care.homeprogram.portal.service.Forms;
import care.homeprogram.portal.service.IntakeForm;
import care.homeprogram.portal.service.IntakeMessages;
import care.homeprogram.portal.service.PageLanguage;
import care.homeprogram.portal.service.PatientListView;
import care.homeprogram.portal.service.PatientPageView;
import care.homeprogram.portal.service.TherapistPages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The therapist's patients: the list with badges and search, one patient's page with its intake screen, creating a
 * patient, and the patient's FHIR record to download.
 */
@Path("/patients")
@RolesAllowed("therapist")
@Produces(MediaType.TEXT_HTML)
public class PatientsResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(PatientListView view);

        static native TemplateInstance patient(PatientPageView view, String notice);

        static native TemplateInstance create(Forms form);
    }

    static final String FHIR_JSON = "application/fhir+json";

    private final TherapistPages pages;
    private final PatientsClient patients;
    private final PlansClient plans;

    public PatientsResource(TherapistPages pages, PatientsClient patients, PlansClient plans) {
        this.pages = pages;
        this.patients = patients;
        this.plans = plans;
    }

    @GET
    public TemplateInstance list(@QueryParam("q") String query) {
        return Templates.list(pages.patientList(query));
    }

    @GET
    @Path("/{id}")
    public TemplateInstance patient(@PathParam("id") UUID id, @QueryParam("done") String done) {
        return Templates.patient(pages.patientPage(id), Notices.of(done));
    }

    /** Records or updates the patient's intake screen at patient-service (a therapist of the care team). */
    @POST
    @Path("/{id}/intake")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response screen(@PathParam("id") UUID id, @BeanParam IntakePost posted) {
        // a therapist's page: English (docs/portal.md, "Languages")
        IntakeForm form = posted.form(PageLanguage.of(IntakeMessages.class, Language.EN));
        if (form.valid()) {
            try {
                patients.screen(id, form.answers());
                return Pages.redirect("/patients/" + id + "?done=intake-recorded");
            } catch (ServiceProblem problem) {
                if (problem.isNotFound() || problem.status() == 403) {
                    throw problem;
                }
                form.reject(problem, false);
            }
        }
        return Pages.invalid(Templates.patient(
                pages.patientPage(id).withIntakeForm(form), null));
    }

    /**
     * The patient's record as plan-service exports it (HL7 FHIR R4), as a file to save. plan-service decides who may
     * have it (the patient's therapists): anyone else gets its 404, shown as the portal's "not found" page.
     */
    @GET
    @Path("/{id}/fhir")
    @Produces({ FHIR_JSON, MediaType.TEXT_HTML })
    public Response fhirRecord(@PathParam("id") UUID id) {
        byte[] record = plans.fhirRecord(id);
        return Response.ok(record, FHIR_JSON)
                .header("Content-Disposition", "attachment; filename=\"" + fhirFileName(id) + "\"").build();
    }

    /**
     * "pat-morgan-fhir-record.json": the patient's name as far as it is plain ASCII letters and digits (a header
     * carries no other characters safely), else their id; the name is only a convenience, so patient-service being
     * down does not stop the download.
     */
    private String fhirFileName(UUID id) {
        String name;
        try {
            name = patients.patient(id).fullName();
        } catch (ServiceUnavailable | ServiceProblem unknown) {
            name = "";
        }
        String slug = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return (slug.isEmpty() ? "patient-" + id : slug) + "-fhir-record.json";
    }

    @GET
    @Path("/new")
    public TemplateInstance createForm() {
        return Templates.create(Forms.of(Map.of("timeZone", "Europe/Berlin")));
    }

    @POST
    @Path("/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String username, @RestForm String email, @RestForm String firstName,
            @RestForm String lastName, @RestForm String birthDate, @RestForm String timeZone,
            @RestForm String phone, @RestForm String password) {
        Forms form = Forms.of(Map.of("username", nz(username), "email", nz(email), "firstName", nz(firstName),
                "lastName", nz(lastName), "birthDate", nz(birthDate), "timeZone", nz(timeZone), "phone", nz(phone)));
        form.required("username", "email", "firstName", "lastName", "birthDate", "timeZone");
        form.timeZone("timeZone");
        LocalDate birth = null;
        if (!form.value("birthDate").isEmpty()) {
            try {
                birth = LocalDate.parse(form.value("birthDate"));
                if (!birth.isBefore(LocalDate.now())) {
                    form.reject("birthDate", "Must be in the past");
                }
            } catch (DateTimeParseException e) {
                form.reject("birthDate", "Must be a date such as 1980-04-23");
            }
        }
        if (password != null && !password.isBlank() && password.length() < 12) {
            form.reject("password", "Must be at least 12 characters long");
        }
        if (!form.valid()) {
            return Pages.invalid(Templates.create(form));
        }
        try {
            CreatedLogin created = patients.createPatient(new NewPatient(form.value("username"), form.value("email"),
                    form.value("firstName"), form.value("lastName"), birth, form.value("timeZone"),
                    form.value("phone").isEmpty() ? null : form.value("phone"),
                    password == null || password.isBlank() ? null : password,
                    password == null || password.isBlank() ? null : Boolean.TRUE, null));
            return Response.seeOther(URI.create("/patients/" + created.id() + "?done=patient-created"
                    + inviteSuffix(created))).build();
        } catch (ServiceProblem problem) {
            if (problem.isNotFound()) {
                throw problem;
            }
            form.reject(problem);
            return Pages.invalid(Templates.create(form));
        }
    }

    /** The confirmation says truthfully whether the set-password email went out. */
    static String inviteSuffix(CreatedLogin created) {
        return created.inviteSent() ? "-invited" : created.inviteNotSent() ? "-invite-not-sent" : "";
    }

    private static String nz(String value) {
        return value == null ? "" : value.strip();
    }
}
