package care.homeprogram.plans.rest;

import care.homeprogram.commons.rest.Page;
import care.homeprogram.commons.security.CurrentUser;
import care.homeprogram.plans.domain.Exercise;
import care.homeprogram.plans.domain.Template;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The exercise library and program templates, for therapists building programs. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(CurrentUser.THERAPIST)
public class LibraryResource {

    @GET
    @Path("/exercises")
    @Transactional
    public Page<ExerciseView> exercises() {
        List<ExerciseView> all = Exercise.<Exercise>listAll(Sort.by("category").and("name")).stream()
                .map(ExerciseView::of).toList();
        return new Page<>(all, all.size());
    }

    @GET
    @Path("/templates")
    @Transactional
    public Page<TemplateView> templates() {
        List<TemplateView> all = Template.<Template>listAll(Sort.by("name")).stream().map(TemplateView::of).toList();
        return new Page<>(all, all.size());
    }
}
