package care.homeprogram.portal.rest;

import care.homeprogram.portal.client.NewPatient;
import care.homeprogram.portal.client.Patient;
import care.homeprogram.portal.client.PatientsClient;
import care.homeprogram.portal.client.ServiceProblem;
import care.homeprogram.portal.service.Forms;
import care.homeprogram.portal.service.PatientListView;
import care.homeprogram.portal.service.PatientPageView;
import care.homeprogram.portal.service.TherapistPages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
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
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;

/** The therapist's patients: the list with badges and search, one patient's page, creating a patient. */
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

    private final TherapistPages pages;
    private final PatientsClient patients;

    public PatientsResource(TherapistPages pages, PatientsClient patients) {
        this.pages = pages;
        this.patients = patients;
    }

    @GET
    public TemplateInstance list(@QueryParam("q") String query) {
        return Templates.list(pages.patientList(query));
    }

    @GET
    @Path("/{id}")
    public TemplateInstance patient(@PathParam("id") UUID id, @QueryParam("done") String done,
            @CookieParam(PlanActionsResource.DISMISSED_COOKIE) String dismissed) {
        return Templates.patient(pages.patientPage(id, PlanActionsResource.dismissed(dismissed)), Notices.of(done));
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
            Patient created = patients.createPatient(new NewPatient(form.value("username"), form.value("email"),
                    form.value("firstName"), form.value("lastName"), birth, form.value("timeZone"),
                    form.value("phone").isEmpty() ? null : form.value("phone"),
                    password == null || password.isBlank() ? null : password,
                    password == null || password.isBlank() ? null : Boolean.TRUE));
            return Response.seeOther(URI.create("/patients/" + created.id() + "?done=patient-created")).build();
        } catch (ServiceProblem problem) {
            if (problem.isNotFound()) {
                throw problem;
            }
            form.reject(problem);
            return Pages.invalid(Templates.create(form));
        }
    }

    private static String nz(String value) {
        return value == null ? "" : value.strip();
    }
}
