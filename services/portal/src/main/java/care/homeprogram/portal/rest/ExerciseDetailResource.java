package care.homeprogram.portal.rest;

import care.homeprogram.portal.service.ExerciseDetailView;
import care.homeprogram.portal.service.PatientPages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;

/**
 * The patient's page for one exercise of their program (linked from each item on Today): the words, the pictures
 * with their alt text, the video with its caption, large enough to follow. Only the patient's own current plans hold
 * the item; any other id is the 404 page.
 */
@Path("/today/items/{planId}/{itemId}")
@RolesAllowed("patient")
@Produces(MediaType.TEXT_HTML)
public class ExerciseDetailResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance exercise(ExerciseDetailView view);
    }

    private final PatientPages pages;

    public ExerciseDetailResource(PatientPages pages) {
        this.pages = pages;
    }

    @GET
    public TemplateInstance exercise(@PathParam("planId") UUID planId, @PathParam("itemId") UUID itemId) {
        return Templates.exercise(pages.exercise(planId, itemId).orElseThrow(NotFoundException::new));
    }
}
