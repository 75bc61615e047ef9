package care.homeprogram.portal.rest;

import care.homeprogram.contract.Page;
import care.homeprogram.portal.client.AuditEntry;
import care.homeprogram.portal.client.NotificationsClient;
import care.homeprogram.portal.client.PatientsClient;
import care.homeprogram.portal.client.PlansClient;
import care.homeprogram.portal.client.ServiceProblem;
import care.homeprogram.portal.service.AuditView;
import care.homeprogram.portal.service.Section;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The audit trail for a patient or a user (who read or changed what, when, with which outcome), merged from the
 * trails patient-, plan- and notification-service keep. Entries name resources and ids, never clinical content.
 */
@Path("/admin/audit")
@RolesAllowed("admin")
@Produces(MediaType.TEXT_HTML)
public class AuditResource {
    private static final int PAGE_SIZE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(AuditView view, String patientId, String actor, String error, int page);
    }

    private final PatientsClient patients;
    private final PlansClient plans;
    private final NotificationsClient notifications;

    public AuditResource(PatientsClient patients, PlansClient plans, NotificationsClient notifications) {
        this.patients = patients;
        this.plans = plans;
        this.notifications = notifications;
    }

    @GET
    public TemplateInstance audit(@QueryParam("patientId") String patientId, @QueryParam("actor") String actor,
            @QueryParam("page") @DefaultValue("0") int page) {
        String p = patientId == null ? "" : patientId.strip();
        String a = actor == null ? "" : actor.strip();
        UUID patient = null;
        if (!p.isEmpty()) {
            try {
                patient = UUID.fromString(p);
            } catch (IllegalArgumentException e) {
                return Templates.audit(null, p, a, "A patient id looks like d0000000-0000-4000-8000-000000000011", 0);
            }
        }
        if (patient == null && a.isEmpty()) {
            return Templates.audit(null, p, a, null, 0);
        }
        UUID forPatient = patient;
        String forActor = a.isEmpty() ? null : a;
        int current = Math.max(0, page);
        Map<String, Section<Page<AuditEntry>>> trails = new LinkedHashMap<>();
        trails.put("patient-service", trail("patient-service",
                () -> patients.audit(forPatient, forActor, current, PAGE_SIZE)));
        trails.put("plan-service", trail("plan-service", () -> plans.audit(forPatient, forActor, current, PAGE_SIZE)));
        trails.put("notification-service", trail("notification-service",
                () -> notifications.audit(forPatient, forActor, current, PAGE_SIZE)));
        return Templates.audit(AuditView.merge(trails, current, PAGE_SIZE), p, a, null, current);
    }

    /** One service's trail; a trail that is down or refuses (e.g. a service without one yet) is reported missing. */
    private static Section<Page<AuditEntry>> trail(String service, Supplier<Page<AuditEntry>> query) {
        try {
            return Section.load(query);
        } catch (ServiceProblem refused) {
            return new Section<>(null, service);
        }
    }
}
