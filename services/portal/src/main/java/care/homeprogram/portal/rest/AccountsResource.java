package care.homeprogram.portal.rest;

import care.homeprogram.contract.Page;
import care.homeprogram.portal.client.Account;
import care.homeprogram.portal.client.AccountChange;
import care.homeprogram.portal.client.CreatedLogin;
import care.homeprogram.portal.client.NewAccount;
import care.homeprogram.portal.client.PatientsClient;
import care.homeprogram.portal.client.ServiceProblem;
import care.homeprogram.portal.service.Forms;
import care.homeprogram.portal.service.Section;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;

/** Admins manage sign-in accounts: list and filter, create, disable/enable, reset credentials, change role. */
@Path("/admin/accounts")
@RolesAllowed("admin")
@Produces(MediaType.TEXT_HTML)
public class AccountsResource {
    static final int PAGE_SIZE = 20;
    private static final Set<String> ROLES = Set.of("therapist", "patient", "billing", "admin");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Section<Page<Account>> accounts, String role, String query, int page,
                boolean hasNext, String notice);

        static native TemplateInstance create(Forms form);

        static native TemplateInstance account(Account account, Forms form, String notice);
    }

    private final PatientsClient patients;

    public AccountsResource(PatientsClient patients) {
        this.patients = patients;
    }

    @GET
    public TemplateInstance list(@QueryParam("role") String role, @QueryParam("q") String query,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("done") String done) {
        String r = role != null && ROLES.contains(role) ? role : null;
        String q = query == null || query.isBlank() ? null : query.strip();
        int p = Math.max(0, page);
        Section<Page<Account>> accounts = Section.load(() -> patients.accounts(r, q, p, PAGE_SIZE));
        boolean hasNext = accounts.available() && (long) (p + 1) * PAGE_SIZE < accounts.value().total();
        return Templates.list(accounts, r == null ? "" : r, q == null ? "" : q, p, hasNext, Notices.of(done));
    }

    @GET
    @Path("/new")
    public TemplateInstance createForm(@QueryParam("role") String role) {
        return Templates.create(Forms.of(Map.of("role", role != null && ROLES.contains(role) ? role : "therapist")));
    }

    @POST
    @Path("/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@RestForm String username, @RestForm String email, @RestForm String firstName,
            @RestForm String lastName, @RestForm String role, @RestForm String password, @RestForm String timeZone) {
        Map<String, String> values = new HashMap<>();
        values.put("username", nz(username));
        values.put("email", nz(email));
        values.put("firstName", nz(firstName));
        values.put("lastName", nz(lastName));
        values.put("role", nz(role));
        values.put("timeZone", nz(timeZone));
        Forms form = Forms.of(values);
        form.required("username", "email", "firstName", "lastName", "role");
        if (!form.value("role").isEmpty() && !ROLES.contains(form.value("role"))) {
            form.reject("role", "Choose therapist, patient, billing or admin");
        }
        form.timeZone("timeZone");
        if (password != null && !password.isBlank() && password.length() < 12) {
            form.reject("password", "Must be at least 12 characters long");
        }
        if (!form.valid()) {
            return Pages.invalid(Templates.create(form));
        }
        boolean withPassword = password != null && !password.isBlank();
        try {
            CreatedLogin created = patients.createAccount(new NewAccount(form.value("username"), form.value("email"),
                    form.value("firstName"), form.value("lastName"), form.value("role"),
                    withPassword ? password : null, withPassword ? Boolean.TRUE : null,
                    form.value("timeZone").isEmpty() ? null : form.value("timeZone")));
            return Pages.redirect("/admin/accounts/" + created.id() + "?done=account-created"
                    + PatientsResource.inviteSuffix(created));
        } catch (ServiceProblem problem) {
            form.reject(problem);
            return Pages.invalid(Templates.create(form));
        }
    }

    @GET
    @Path("/{id}")
    public TemplateInstance account(@PathParam("id") UUID id, @QueryParam("done") String done) {
        return Templates.account(patients.account(id), Forms.of(Map.of()), Notices.of(done));
    }

    @POST
    @Path("/{id}/enabled")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response enabled(@PathParam("id") UUID id, @RestForm boolean enabled) {
        patients.changeAccount(id, new AccountChange(enabled, null, null));
        return Pages.redirect("/admin/accounts/" + id + "?done=" + (enabled ? "account-enabled" : "account-disabled"));
    }

    @POST
    @Path("/{id}/role")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response role(@PathParam("id") UUID id, @RestForm String role) {
        if (role == null || !ROLES.contains(role)) {
            Forms form = Forms.of(Map.of());
            form.reject("role", "Choose therapist, patient, billing or admin");
            return Pages.invalid(Templates.account(patients.account(id), form, null));
        }
        try {
            patients.changeAccount(id, new AccountChange(null, role, null));
        } catch (ServiceProblem problem) {
            if (problem.isNotFound()) {
                throw problem;
            }
            Forms form = Forms.of(Map.of());
            form.reject("role", problem.detail());
            return Pages.invalid(Templates.account(patients.account(id), form, null));
        }
        return Pages.redirect("/admin/accounts/" + id + "?done=role-changed");
    }

    /**
     * Designates a therapist clinical lead, or no longer; the admin ticks a confirmation first (the role lets the
     * therapist change what every therapist of the clinic uses). patient-service refuses a non-therapist (409).
     */
    @POST
    @Path("/{id}/clinical-lead")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response clinicalLead(@PathParam("id") UUID id, @RestForm String clinicalLead, @RestForm String confirm) {
        Forms form = Forms.of(Map.of());
        if (!"true".equals(clinicalLead) && !"false".equals(clinicalLead)) {
            form.reject("clinicalLead", "Choose to designate or to undesignate");
        } else if (!"yes".equals(confirm)) {
            form.reject("clinicalLead", "Tick the box to confirm");
        }
        if (form.valid()) {
            try {
                patients.changeAccount(id, new AccountChange(null, null, Boolean.valueOf(clinicalLead)));
                return Pages.redirect("/admin/accounts/" + id + "?done=" + ("true".equals(clinicalLead)
                        ? "clinical-lead-designated" : "clinical-lead-undesignated"));
            } catch (ServiceProblem problem) {
                if (problem.isNotFound()) {
                    throw problem;
                }
                form.reject("clinicalLead", problem.detail());
            }
        }
        return Pages.invalid(Templates.account(patients.account(id), form, null));
    }

    @POST
    @Path("/{id}/reset-credentials")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response resetCredentials(@PathParam("id") UUID id, @RestForm String temporaryPassword) {
        String password = temporaryPassword == null || temporaryPassword.isBlank() ? null : temporaryPassword;
        Forms form = Forms.of(Map.of());
        if (password != null && password.length() < 12) {
            form.reject("temporaryPassword", "Must be at least 12 characters long");
            return Pages.invalid(Templates.account(patients.account(id), form, null));
        }
        try {
            patients.resetCredentials(id, password);
        } catch (ServiceProblem problem) {
            if (problem.isNotFound()) {
                throw problem;
            }
            form.reject("temporaryPassword", problem.errorFor("temporaryPassword").orElse(problem.detail()));
            return Pages.invalid(Templates.account(patients.account(id), form, null));
        }
        return Pages.redirect("/admin/accounts/" + id + "?done=credentials-reset");
    }

    private static String nz(String value) {
        return value == null ? "" : value.strip();
    }
}
