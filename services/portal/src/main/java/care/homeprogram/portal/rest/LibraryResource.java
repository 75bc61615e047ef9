package care.homeprogram.portal.rest;

import care.homeprogram.portal.client.Dose;
import care.homeprogram.portal.client.Exercise;
import care.homeprogram.portal.client.ExerciseChange;
import care.homeprogram.portal.client.Media;
import care.homeprogram.portal.client.PlansClient;
import care.homeprogram.portal.client.ServiceProblem;
import care.homeprogram.portal.client.ServiceUnavailable;
import care.homeprogram.portal.client.Template;
import care.homeprogram.portal.client.TemplateChange;
import care.homeprogram.portal.service.BuilderView;
import care.homeprogram.portal.service.Forms;
import care.homeprogram.portal.service.PlanForm;
import care.homeprogram.portal.service.PageCalls;
import care.homeprogram.portal.service.Viewer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.DayOfWeek;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The therapist's own library: their exercises (create, edit as a new content version, archive) and templates (edit
 * name, description, sharing and items: add, remove, reorder, change a dose; delete). A clinical lead also corrects
 * the clinic's seeded exercises and templates with the same forms. plan-service owns every rule: the portal checks
 * only that numbers are whole numbers and shows plan-service's field errors next to the fields.
 */
@Path("/library")
@RolesAllowed("therapist")
@Produces(MediaType.TEXT_HTML)
public class LibraryResource {
    static final List<String> CATEGORIES = List.of("MOVEMENT", "MYOFASCIAL_RELEASE", "TEMPERATURE", "BREATHING",
            "RELAXATION", "HYDRATION", "WALKING");
    static final List<String> TEMPERATURES = List.of("HEAT", "COLD", "HEAT_AND_COLD");
    static final List<String> REGIONS = List.of("NECK", "UPPER_BACK", "LOW_BACK", "SHOULDERS", "CHEST", "ABDOMEN",
            "GLUTES", "HIPS", "THIGHS", "CALVES", "FEET", "ARMS", "WHOLE_BODY");
    static final List<String> DAYS = Arrays.stream(DayOfWeek.values()).map(DayOfWeek::name).toList();
    private static final List<String> EXERCISE_FIELDS = List.of("name", "category", "summary", "instructions",
            "cautions", "whySafe", "sets", "reps", "holdSeconds", "durationSeconds", "timesPerDay", "weeks", "days",
            "temperature", "bodyRegions");
    private static final List<String> NUMBERS = List.of("sets", "reps", "holdSeconds", "durationSeconds",
            "timesPerDay", "weeks");

    /**
     * The library page: the therapist's own exercises (with their pictures and video) and templates; for a clinical
     * lead also the clinic's seeded ones, to correct (empty for anyone else).
     */
    public record LibraryView(List<Exercise> exercises, Map<UUID, List<Media>> media, List<Template> templates,
            String notice, boolean clinicalLead, List<Exercise> clinicExercises, List<Template> clinicTemplates) {
        /** The exercise's pictures and video; empty when plan-service could not list them just now. */
        public List<Media> mediaOf(UUID exercise) {
            return media.getOrDefault(exercise, List.of());
        }
    }

    /**
     * The exercise form: new ({@code exerciseId} null) or an edit; the chosen days and regions as ticked.
     * {@code seeded}: a clinical lead corrects the clinic's entry (its sharing is not theirs to change).
     */
    public record ExerciseForm(UUID exerciseId, Forms form, List<String> days, List<String> regions, boolean seeded) {
        public boolean dayChosen(String day) {
            return days.contains(day);
        }

        public boolean regionChosen(String region) {
            return regions.contains(region);
        }

        public List<String> categories() {
            return CATEGORIES;
        }

        public List<String> temperatures() {
            return TEMPERATURES;
        }

        public List<String> allRegions() {
            return REGIONS;
        }

        public List<String> allDays() {
            return DAYS;
        }
    }

    /**
     * A template's edit page: its name, description and sharing ({@code form}) and its items ({@code items}, the plan
     * builder's rows, without what belongs to one patient's plan); {@code library}: what may be added (for the clinic's
     * template, the clinic's seeded entries only).
     */
    public record TemplateForm(Template template, Forms form, PlanForm items, List<Exercise> library) {
        public boolean seeded() {
            return template.ownerTherapistId() == null;
        }

        public List<String> days() {
            return BuilderView.DAYS;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance library(LibraryView view);

        static native TemplateInstance exercise(ExerciseForm view);

        static native TemplateInstance template(TemplateForm view);
    }

    private final PlansClient plans;
    private final Viewer viewer;
    private final PageCalls calls;

    public LibraryResource(PlansClient plans, Viewer viewer, PageCalls calls) {
        this.plans = plans;
        this.viewer = viewer;
        this.calls = calls;
    }

    /** The posted exercise form. */
    public static class PostedExercise {
        @RestForm String name;
        @RestForm String category;
        @RestForm String summary;
        @RestForm String instructions;
        @RestForm String cautions;
        @RestForm String whySafe;
        @RestForm String sets;
        @RestForm String reps;
        @RestForm String holdSeconds;
        @RestForm String durationSeconds;
        @RestForm String timesPerDay;
        @RestForm String weeks;
        @RestForm List<String> days;
        @RestForm String temperature;
        @RestForm List<String> bodyRegions;
        @RestForm String sharedWithClinic;

        Forms form() {
            Map<String, String> values = new HashMap<>();
            values.put("name", nz(name));
            values.put("category", nz(category));
            values.put("summary", nz(summary));
            values.put("instructions", nz(instructions));
            values.put("cautions", nz(cautions));
            values.put("whySafe", nz(whySafe));
            values.put("sets", nz(sets));
            values.put("reps", nz(reps));
            values.put("holdSeconds", nz(holdSeconds));
            values.put("durationSeconds", nz(durationSeconds));
            values.put("timesPerDay", nz(timesPerDay));
            values.put("weeks", nz(weeks));
            values.put("temperature", nz(temperature));
            values.put("sharedWithClinic", sharedWithClinic == null ? "" : "yes");
            values.put("daysOfWeek", "");
            values.put("bodyRegions", "");
            values.put("defaultDose", "");
            return Forms.of(values);
        }
    }

    @GET
    public TemplateInstance library(@QueryParam("done") String done) {
        UUID me = viewer.id();
        PageCalls.Pending<List<Template>> templates = calls.start(() -> plans.templates().items());
        List<Exercise> exercises = plans.exercises().items();
        List<Exercise> own = exercises.stream().filter(e -> e.ownedBy(me)).toList();
        // each exercise's pictures at once (PageCalls); a list that fails leaves only its thumbnails out
        Map<UUID, PageCalls.Pending<List<Media>>> pending = new HashMap<>();
        own.forEach(e -> pending.put(e.id(), calls.start(() -> plans.media(e.id()))));
        Map<UUID, List<Media>> media = new HashMap<>();
        pending.forEach((id, call) -> {
            try {
                media.put(id, call.get());
            } catch (ServiceProblem | ServiceUnavailable e) {
                media.put(id, List.of());
            }
        });
        boolean lead = viewer.clinicalLead();
        List<Template> allTemplates = templates.get();
        return Templates.library(new LibraryView(own, media, allTemplates.stream().filter(t -> t.ownedBy(me)).toList(),
                Notices.of(done), lead,
                lead ? exercises.stream().filter(e -> e.ownerTherapistId() == null).toList() : List.of(),
                lead ? allTemplates.stream().filter(t -> t.ownerTherapistId() == null).toList() : List.of()));
    }

    @GET
    @Path("/exercises/new")
    public TemplateInstance newExercise() {
        return Templates.exercise(new ExerciseForm(null, Forms.of(Map.of("category", "MOVEMENT", "sets", "1",
                "reps", "8", "timesPerDay", "1", "weeks", "4")), DAYS, List.of(), false));
    }

    @POST
    @Path("/exercises/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createExercise(@BeanParam PostedExercise posted) {
        return saveExercise(null, posted, false);
    }

    @GET
    @Path("/exercises/{id}/edit")
    public TemplateInstance editExercise(@PathParam("id") UUID id) {
        Exercise e = editableExercise(id);
        Map<String, String> values = new HashMap<>();
        values.put("name", e.name());
        values.put("category", e.category());
        values.put("summary", nz(e.summary()));
        values.put("instructions", String.join("\n", e.instructions()));
        values.put("cautions", String.join("\n", e.cautions()));
        values.put("whySafe", nz(e.whySafe()));
        Dose d = e.defaultDose();
        values.put("sets", text(d.sets()));
        values.put("reps", text(d.reps()));
        values.put("holdSeconds", text(d.holdSeconds()));
        values.put("durationSeconds", text(d.durationSeconds()));
        values.put("timesPerDay", text(d.timesPerDay()));
        values.put("weeks", text(d.weeks()));
        values.put("temperature", nz(e.temperature()));
        values.put("sharedWithClinic", e.sharedWithClinic() ? "yes" : "");
        return Templates.exercise(new ExerciseForm(id, Forms.of(values),
                d.daysOfWeek() == null ? List.of() : d.daysOfWeek().stream().map(DayOfWeek::name).toList(),
                e.bodyRegions(), e.ownerTherapistId() == null));
    }

    @POST
    @Path("/exercises/{id}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeExercise(@PathParam("id") UUID id, @BeanParam PostedExercise posted) {
        return saveExercise(id, posted, editableExercise(id).ownerTherapistId() == null);
    }

    @POST
    @Path("/exercises/{id}/archive")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response archiveExercise(@PathParam("id") UUID id) {
        plans.archiveExercise(id);
        return Pages.redirect("/library?done=exercise-archived");
    }

    /** The posted template form: its name, description, sharing, and its items as the builder posts them. */
    public static class PostedTemplate extends PostedItems {
        @RestForm String name;
        @RestForm String description;
        @RestForm String sharedWithClinic;
        @RestForm String action;
        @RestForm String move;

        PlanForm.Posted rows() {
            return rows(null, null, null).moved(move);
        }

        /** A form without item fields (an older page, a script) leaves the items as they are. */
        boolean hasItems() {
            return exerciseId != null && !exerciseId.isEmpty() || add != null && !add.isEmpty();
        }
    }

    @GET
    @Path("/templates/{id}/edit")
    public TemplateInstance editTemplate(@PathParam("id") UUID id) {
        Template t = editableTemplate(id);
        Map<UUID, Exercise> library = library();
        return Templates.template(new TemplateForm(t, Forms.of(Map.of("name", t.name(), "description",
                nz(t.description()), "sharedWithClinic", t.sharedWithClinic() ? "yes" : "")),
                PlanForm.fromTemplate(t, library), addable(t, library)));
    }

    /**
     * "Update the list" (and a move, a removal, an addition) shows the page again with the items as changed; "Save"
     * sends the template with its items in their order. Nothing is sent until then.
     */
    @POST
    @Path("/templates/{id}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeTemplate(@PathParam("id") UUID id, @BeanParam PostedTemplate posted) {
        Template t = editableTemplate(id);
        Map<UUID, Exercise> library = library();
        Forms form = Forms.of(Map.of("name", nz(posted.name).strip(), "description", nz(posted.description).strip(),
                "sharedWithClinic", posted.sharedWithClinic == null ? "" : "yes"));
        PlanForm items = posted.hasItems() ? PlanForm.fromPost(posted.rows(), library)
                : PlanForm.fromTemplate(t, library);
        String action = posted.move != null ? "update" : posted.action == null ? "save" : posted.action;
        TemplateForm view = new TemplateForm(t, form, items, addable(t, library));
        if (!"save".equals(action)) {
            return Pages.ok(Templates.template(view));
        }
        if (!items.validate().valid()) {
            return Pages.invalid(Templates.template(view));
        }
        Map<UUID, List<String>> regions = new HashMap<>();
        t.items().forEach(i -> regions.put(i.exerciseId(), i.targetRegions()));
        try {
            plans.changeTemplate(id, new TemplateChange(form.value("name"), form.value("description"),
                    posted.sharedWithClinic != null, items.templateItems(regions)));
            return Pages.redirect("/library?done=" + (view.seeded() ? "seeded-corrected" : "template-changed"));
        } catch (ServiceProblem problem) {
            if (problem.isNotFound() || problem.status() == 403) {
                throw problem;
            }
            if (problem.errors().stream().anyMatch(e -> e.field() != null && e.field().contains("items"))
                    || "clinic-entries-only".equals(problem.type())) {
                items.reject(problem);
            } else {
                reject(form, problem, List.of("name", "description"));
            }
            return Pages.invalid(Templates.template(view));
        }
    }

    /** The entries the caller may use, by id: what a template's rows are made from. */
    private Map<UUID, Exercise> library() {
        Map<UUID, Exercise> library = new java.util.LinkedHashMap<>();
        plans.exercises().items().stream()
                .sorted(java.util.Comparator.comparing(Exercise::category).thenComparing(Exercise::name))
                .forEach(e -> library.put(e.id(), e));
        return library;
    }

    /** What may be added: to the clinic's template, the clinic's seeded entries only (plan-service's rule too). */
    private static List<Exercise> addable(Template template, Map<UUID, Exercise> library) {
        return library.values().stream()
                .filter(e -> template.ownerTherapistId() != null || e.ownerTherapistId() == null).toList();
    }

    @POST
    @Path("/templates/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deleteTemplate(@PathParam("id") UUID id) {
        plans.deleteTemplate(id);
        return Pages.redirect("/library?done=template-deleted");
    }

    /** {@code seeded}: a clinical lead's correction of the clinic's entry. */
    private Response saveExercise(UUID id, PostedExercise posted, boolean seeded) {
        Forms form = posted.form();
        List<String> days = posted.days == null ? List.of() : posted.days.stream().filter(DAYS::contains).toList();
        List<String> regions = posted.bodyRegions == null ? List.of()
                : posted.bodyRegions.stream().filter(REGIONS::contains).toList();
        Map<String, Integer> numbers = new HashMap<>();
        for (String field : NUMBERS) {
            String value = form.value(field).strip();
            if (value.isEmpty()) {
                continue;
            }
            try {
                numbers.put(field, Integer.parseInt(value));
            } catch (NumberFormatException e) {
                form.reject(field, "Must be a whole number");
            }
        }
        if (form.valid()) {
            ExerciseChange change = new ExerciseChange(form.value("name").strip(), form.value("category"),
                    form.value("summary").strip(), lines(form.value("instructions")), lines(form.value("cautions")),
                    form.value("whySafe").strip(), new Dose(numbers.get("sets"), numbers.get("reps"),
                            numbers.get("holdSeconds"), numbers.get("durationSeconds"), numbers.get("timesPerDay"),
                            days.stream().map(DayOfWeek::valueOf).toList(), numbers.get("weeks")),
                    form.value("temperature").isBlank() ? null : form.value("temperature"), regions,
                    form.is("sharedWithClinic", "yes"));
            try {
                if (id == null) {
                    plans.createExercise(change);
                } else {
                    plans.changeExercise(id, change);
                }
                return Pages.redirect("/library?done=" + (seeded ? "seeded-corrected" : "exercise-saved"));
            } catch (ServiceProblem problem) {
                if (problem.isNotFound() || problem.status() == 403) {
                    throw problem;
                }
                reject(form, problem, EXERCISE_FIELDS);
            }
        }
        return Pages.invalid(Templates.exercise(new ExerciseForm(id, form, days, regions, seeded)));
    }

    /**
     * plan-service names fields as the API does ({@code defaultDose.reps}, {@code instructions[0]}): each message goes
     * to the form field that holds it ({@code shown}); the rest above the form.
     */
    static void reject(Forms form, ServiceProblem problem, java.util.Collection<String> shown) {
        boolean placed = false;
        for (var error : problem.errors()) {
            String field = error.field() == null ? "" : error.field().replaceAll("\\[\\d+]", "");
            String name = field.substring(field.lastIndexOf('.') + 1);
            if ("daysOfWeek".equals(name)) {
                name = "days";
            }
            if (shown.contains(name) && form.error(name) == null) {
                form.reject(name, error.message() == null ? "Invalid" : error.message());
                placed = true;
            }
        }
        if (!placed) {
            form.reject("form", problem.detail());
        }
    }

    /** The caller's own entry, or, for a clinical lead, a seeded one; anything else is the 404 page. */
    private Exercise editableExercise(UUID id) {
        UUID me = viewer.id();
        boolean lead = viewer.clinicalLead();
        return plans.exercises().items().stream().filter(e -> e.id().equals(id)
                && (e.ownedBy(me) || lead && e.ownerTherapistId() == null)).findFirst()
                .orElseThrow(NotFoundException::new);
    }

    /** The caller's own template, or, for a clinical lead, a seeded one; anything else is the 404 page. */
    private Template editableTemplate(UUID id) {
        UUID me = viewer.id();
        boolean lead = viewer.clinicalLead();
        return plans.templates().items().stream().filter(t -> t.id().equals(id)
                && (t.ownedBy(me) || lead && t.ownerTherapistId() == null)).findFirst()
                .orElseThrow(NotFoundException::new);
    }

    private static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    private static String text(Integer number) {
        return number == null ? "" : number.toString();
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
