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
import care.homeprogram.portal.service.Forms;
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
 * name, description and sharing; delete). plan-service owns every rule: the portal checks only that numbers are
 * whole numbers and shows plan-service's field errors next to the fields.
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

    /** The library page: the therapist's own exercises (with their pictures and video) and templates. */
    public record LibraryView(List<Exercise> exercises, Map<UUID, List<Media>> media, List<Template> templates,
            String notice) {
        /** The exercise's pictures and video; empty when plan-service could not list them just now. */
        public List<Media> mediaOf(UUID exercise) {
            return media.getOrDefault(exercise, List.of());
        }
    }

    /** The exercise form: new ({@code exerciseId} null) or an edit; the chosen days and regions as ticked. */
    public record ExerciseForm(UUID exerciseId, Forms form, List<String> days, List<String> regions) {
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

    public record TemplateForm(Template template, Forms form) {
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
        List<Exercise> own = plans.exercises().items().stream().filter(e -> e.ownedBy(me)).toList();
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
        return Templates.library(new LibraryView(own, media,
                templates.get().stream().filter(t -> t.ownedBy(me)).toList(), Notices.of(done)));
    }

    @GET
    @Path("/exercises/new")
    public TemplateInstance newExercise() {
        return Templates.exercise(new ExerciseForm(null, Forms.of(Map.of("category", "MOVEMENT", "sets", "1",
                "reps", "8", "timesPerDay", "1", "weeks", "4")), DAYS, List.of()));
    }

    @POST
    @Path("/exercises/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response createExercise(@BeanParam PostedExercise posted) {
        return saveExercise(null, posted);
    }

    @GET
    @Path("/exercises/{id}/edit")
    public TemplateInstance editExercise(@PathParam("id") UUID id) {
        Exercise e = ownExercise(id);
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
                e.bodyRegions()));
    }

    @POST
    @Path("/exercises/{id}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeExercise(@PathParam("id") UUID id, @BeanParam PostedExercise posted) {
        return saveExercise(id, posted);
    }

    @POST
    @Path("/exercises/{id}/archive")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response archiveExercise(@PathParam("id") UUID id) {
        plans.archiveExercise(id);
        return Pages.redirect("/library?done=exercise-archived");
    }

    @GET
    @Path("/templates/{id}/edit")
    public TemplateInstance editTemplate(@PathParam("id") UUID id) {
        Template t = ownTemplate(id);
        return Templates.template(new TemplateForm(t, Forms.of(Map.of("name", t.name(), "description",
                nz(t.description()), "sharedWithClinic", t.sharedWithClinic() ? "yes" : ""))));
    }

    @POST
    @Path("/templates/{id}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response changeTemplate(@PathParam("id") UUID id, @RestForm String name, @RestForm String description,
            @RestForm String sharedWithClinic) {
        Template t = ownTemplate(id);
        Forms form = Forms.of(Map.of("name", nz(name).strip(), "description", nz(description).strip(),
                "sharedWithClinic", sharedWithClinic == null ? "" : "yes"));
        try {
            // The items stay as they are: the template's program is changed by building a plan and saving it again.
            plans.changeTemplate(id, new TemplateChange(form.value("name"), form.value("description"),
                    sharedWithClinic != null, t.items().stream().map(i -> new TemplateChange.Item(i.exerciseId(),
                            i.startWeek(), i.dose(), i.targetRegions())).toList()));
            return Pages.redirect("/library?done=template-changed");
        } catch (ServiceProblem problem) {
            if (problem.isNotFound() || problem.status() == 403) {
                throw problem;
            }
            reject(form, problem, List.of("name", "description"));
            return Pages.invalid(Templates.template(new TemplateForm(t, form)));
        }
    }

    @POST
    @Path("/templates/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deleteTemplate(@PathParam("id") UUID id) {
        plans.deleteTemplate(id);
        return Pages.redirect("/library?done=template-deleted");
    }

    private Response saveExercise(UUID id, PostedExercise posted) {
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
                return Pages.redirect("/library?done=exercise-saved");
            } catch (ServiceProblem problem) {
                if (problem.isNotFound() || problem.status() == 403) {
                    throw problem;
                }
                reject(form, problem, EXERCISE_FIELDS);
            }
        }
        return Pages.invalid(Templates.exercise(new ExerciseForm(id, form, days, regions)));
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

    private Exercise ownExercise(UUID id) {
        UUID me = viewer.id();
        return plans.exercises().items().stream().filter(e -> e.id().equals(id) && e.ownedBy(me)).findFirst()
                .orElseThrow(NotFoundException::new);
    }

    private Template ownTemplate(UUID id) {
        UUID me = viewer.id();
        return plans.templates().items().stream().filter(t -> t.id().equals(id) && t.ownedBy(me)).findFirst()
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
