package care.homeprogram.portal.rest;

import care.homeprogram.contract.Page;
import care.homeprogram.portal.client.CareTeamRequest;
import care.homeprogram.portal.client.Patient;
import care.homeprogram.portal.client.PatientsClient;
import care.homeprogram.portal.client.ServiceProblem;
import care.homeprogram.portal.service.CareTeamPages;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Admins assign care teams and hand patients over: find a patient, see their team and the changes waiting, find a
 * therapist, confirm the change. patient-service applies a change that gives nobody new access at once and keeps one
 * that adds a therapist to a patient with a care team as a request for that team (docs/security.md): the page says so.
 */
@Path("/admin/care-teams")
@RolesAllowed("admin")
@Produces(MediaType.TEXT_HTML)
public class CareTeamsResource {
    static final int PAGE_SIZE = 20;
    private static final Map<String, String> DONE = Map.of(
            "changed", "The care team is changed.",
            "requested", "The change is requested. It takes effect when the care team confirms it; until then "
                    + "nothing changes.");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance patients(Section<Page<Patient>> patients, String query, int page,
                boolean hasNext);

        static native TemplateInstance team(CareTeamPages.AdminView view, String notice, String error);

        static native TemplateInstance change(CareTeamPages.Change change, String error);
    }

    private final PatientsClient patients;
    private final CareTeamPages pages;

    public CareTeamsResource(PatientsClient patients, CareTeamPages pages) {
        this.patients = patients;
        this.pages = pages;
    }

    @GET
    public TemplateInstance patients(@QueryParam("q") String query, @QueryParam("page") @DefaultValue("0") int page) {
        String q = query == null || query.isBlank() ? null : query.strip();
        int p = Math.max(0, Math.min(page, 10_000));
        Section<Page<Patient>> found = Section.load(() -> patients.patients(q, p, PAGE_SIZE));
        boolean hasNext = found.available() && (long) (p + 1) * PAGE_SIZE < found.value().total();
        return Templates.patients(found, q == null ? "" : q, p, hasNext);
    }

    @GET
    @Path("/{patientId}")
    public TemplateInstance team(@PathParam("patientId") UUID patientId, @QueryParam("tq") String therapistQuery,
            @QueryParam("done") String done) {
        return Templates.team(pages.admin(patientId, bounded(therapistQuery)), done == null ? null : DONE.get(done),
                null);
    }

    /** The confirmation step: what the team is now and what it will be. */
    @GET
    @Path("/{patientId}/change")
    public Response confirm(@PathParam("patientId") UUID patientId, @QueryParam("add") UUID add,
            @QueryParam("remove") UUID remove) {
        if (add == null && remove == null) {
            return Pages.redirect("/admin/care-teams/" + patientId);
        }
        return Pages.ok(Templates.change(pages.change(patientId, add, remove), null));
    }

    @POST
    @Path("/{patientId}/change")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(@PathParam("patientId") UUID patientId, @RestForm UUID add, @RestForm UUID remove) {
        if (add == null && remove == null) {
            return Pages.redirect("/admin/care-teams/" + patientId);
        }
        Set<UUID> team = new LinkedHashSet<>(patients.careTeam(patientId).therapistIds());
        if (remove != null) {
            team.remove(remove);
        }
        if (add != null) {
            team.add(add);
        }
        if (team.isEmpty()) {
            return Pages.invalid(Templates.change(pages.change(patientId, add, remove),
                    "A patient is always in someone's care: hand them over to another therapist instead."));
        }
        try {
            CareTeamRequest outcome = patients.setCareTeam(patientId, List.copyOf(team));
            return Pages.redirect("/admin/care-teams/" + patientId + "?done="
                    + (outcome.pending() ? "requested" : "changed"));
        } catch (ServiceProblem refused) {
            if (refused.isNotFound()) {
                throw refused;
            }
            return Pages.invalid(Templates.change(pages.change(patientId, add, remove), refused.detail()));
        }
    }

    private static String bounded(String query) {
        if (query == null) {
            return null;
        }
        String q = query.strip();
        return q.length() > 100 ? q.substring(0, 100) : q;
    }
}
