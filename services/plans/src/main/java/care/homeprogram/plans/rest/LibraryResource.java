package care.homeprogram.plans.rest;

import care.homeprogram.contract.Language;
import care.homeprogram.commons.security.CurrentUser;
import care.homeprogram.contract.Page;
import care.homeprogram.plans.api.ExerciseRequest;
import care.homeprogram.plans.api.ExerciseView;
import care.homeprogram.plans.api.SaveTemplateRequest;
import care.homeprogram.plans.api.TemplateRequest;
import care.homeprogram.plans.api.TemplateView;
import care.homeprogram.plans.domain.Exercise;
import care.homeprogram.plans.domain.Template;
import care.homeprogram.plans.service.LibraryService;
import care.homeprogram.plans.service.LibraryTranslations;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;

/** The exercise library and program templates, for therapists building programs. */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(CurrentUser.THERAPIST)
public class LibraryResource {
    private final LibraryService library;
    private final CurrentUser caller;
    private final LibraryTranslations translations;
    private final ResponseLanguage language;

    public LibraryResource(LibraryService library, CurrentUser caller, LibraryTranslations translations,
            ResponseLanguage language) {
        this.library = library;
        this.caller = caller;
        this.translations = translations;
        this.language = language;
    }

    /** The clinic's library (seeded and shared entries) and the caller's own; others' private entries stay theirs. */
    @GET
    @Path("/exercises")
    @Transactional
    public Page<ExerciseView> exercises(@HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        Language in = language.choose(acceptLanguage);
        List<ExerciseView> all = Exercise.<Exercise>list(Exercise.VISIBLE,
                Sort.by("category").and("name"), caller.id()).stream().map(e -> {
                    LibraryTranslations.ExerciseText t = translations.exercise(e, in);
                    return t == null ? ExerciseView.of(e)
                            : ExerciseView.of(e).inWords(t.name(), t.summary(), t.instructions(), t.cautions(),
                                    t.whySafe());
                }).toList();
        return new Page<>(all, all.size());
    }

    @POST
    @Path("/exercises")
    public Response createExercise(@NotNull @Valid ExerciseRequest request) {
        ExerciseView created = library.create(caller, request);
        return Response.status(Response.Status.CREATED).entity(created).build();
    }

    @PUT
    @Path("/exercises/{id}")
    public ExerciseView updateExercise(@PathParam("id") UUID id, @NotNull @Valid ExerciseRequest request) {
        return library.update(caller, id, request);
    }

    /** The owner archives an entry: no longer listed nor added anew; plans and templates holding it keep it. */
    @POST
    @Path("/exercises/{id}/archive")
    @Consumes(MediaType.WILDCARD) // no body
    public ExerciseView archiveExercise(@PathParam("id") UUID id) {
        return library.archive(caller, id);
    }

    @GET
    @Path("/templates")
    @Transactional
    public Page<TemplateView> templates(@HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        Language in = language.choose(acceptLanguage);
        List<TemplateView> all = Template.<Template>list(Template.VISIBLE,
                Sort.by("name"), caller.id()).stream().map(t -> {
                    TemplateView view = TemplateView.of(t);
                    LibraryTranslations.TemplateText words = translations.template(t.name, t.description,
                            t.ownerTherapistId == null, in);
                    // Item names follow their entries: a clinic entry's shipped name is translated wherever it is.
                    java.util.Map<String, Boolean> clinic = new java.util.HashMap<>();
                    t.items.forEach(i -> clinic.put(i.exercise.name, i.exercise.ownerTherapistId == null));
                    return view.inWords(words == null ? view.name() : words.name(),
                            words == null ? view.description() : words.description(),
                            name -> translations.name(name, clinic.getOrDefault(name, false), in));
                }).toList();
        return new Page<>(all, all.size());
    }

    @POST
    @Path("/templates")
    public Response saveTemplate(@NotNull @Valid SaveTemplateRequest request) {
        return Response.status(Response.Status.CREATED).entity(library.saveAsTemplate(caller, request)).build();
    }

    @PUT
    @Path("/templates/{id}")
    public TemplateView updateTemplate(@PathParam("id") UUID id, @NotNull @Valid TemplateRequest request) {
        return library.updateTemplate(caller, id, request);
    }

    @DELETE
    @Path("/templates/{id}")
    public Response deleteTemplate(@PathParam("id") UUID id) {
        library.deleteTemplate(caller, id);
        return Response.noContent().build();
    }
}
