package care.homeprogram.portal.service;

import care.homeprogram.contract.Problem;
import care.homeprogram.portal.client.Dose;
import care.homeprogram.portal.client.Exercise;
import care.homeprogram.portal.client.NewPlan;
import care.homeprogram.portal.client.Plan;
import care.homeprogram.portal.client.ServiceProblem;
import care.homeprogram.portal.client.Template;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The program builder's form: one row per item with its dose, as typed (strings, so a wrong entry is shown back
 * with its message next to the field). Rows come from a template, the library, an existing plan, or a posted form.
 */
public final class PlanForm {
    /** A refusal about the row as a whole (or a field the builder does not show), shown at the row's head. */
    public static final String ITEM = "item";
    private static final Pattern ITEM_FIELD = Pattern.compile("items\\[(\\d+)](?:\\.(?:dose\\.)?(\\w+))?");

    private final List<Row> rows;
    private final Map<String, String> errors = new LinkedHashMap<>();

    private PlanForm(List<Row> rows) {
        this.rows = rows;
    }

    /** One item of the form. Numbers are kept as typed. */
    public static final class Row {
        public final int index;
        public final UUID itemId;
        public final Exercise exercise;
        public final String name;
        public final String startWeek;
        public final String sets;
        public final String reps;
        public final String hold;
        public final String duration;
        public final String timesPerDay;
        public final Set<DayOfWeek> days;
        public final String weeks;
        public final boolean coldForFlareUp;
        public final boolean confirmed;
        /** The therapist's note to the patient on this item, as typed (blank: none). */
        String note = "";
        private final Map<String, String> errors = new LinkedHashMap<>();

        Row(int index, UUID itemId, Exercise exercise, String name, String startWeek, String sets, String reps,
                String hold, String duration, String timesPerDay, Set<DayOfWeek> days, String weeks,
                boolean coldForFlareUp, boolean confirmed) {
            this.index = index;
            this.itemId = itemId;
            this.exercise = exercise;
            this.name = name;
            this.startWeek = blank(startWeek);
            this.sets = blank(sets);
            this.reps = blank(reps);
            this.hold = blank(hold);
            this.duration = blank(duration);
            this.timesPerDay = blank(timesPerDay);
            this.days = days;
            this.weeks = blank(weeks);
            this.coldForFlareUp = coldForFlareUp;
            this.confirmed = confirmed;
        }

        public String note() {
            return note;
        }

        public int index() {
            return index;
        }

        public String itemId() {
            return itemId == null ? "" : itemId.toString();
        }

        public String exerciseId() {
            return exercise.id().toString();
        }

        public String name() {
            return name;
        }

        public String startWeek() {
            return startWeek;
        }

        public String sets() {
            return sets;
        }

        public String reps() {
            return reps;
        }

        public String hold() {
            return hold;
        }

        public String duration() {
            return duration;
        }

        public String timesPerDay() {
            return timesPerDay;
        }

        public String weeks() {
            return weeks;
        }

        public boolean cold() {
            return exercise.isCold();
        }

        public boolean needsConfirmation() {
            return exercise.needsConfirmation();
        }

        public boolean coldForFlareUp() {
            return coldForFlareUp;
        }

        public boolean confirmed() {
            return confirmed;
        }

        public Exercise exercise() {
            return exercise;
        }

        public boolean on(String day) {
            return days.contains(DayOfWeek.valueOf(day));
        }

        public String error(String field) {
            return errors.get(field);
        }

        public boolean hasError(String field) {
            return errors.containsKey(field);
        }

        public boolean hasErrors() {
            return !errors.isEmpty();
        }

        /** The dose as the patient will read it (for the preview), if it parses. */
        public String doseText() {
            try {
                return DoseText.of(dose());
            } catch (NumberFormatException e) {
                return "";
            }
        }

        Dose dose() {
            return new Dose(number(sets), number(reps), number(hold), number(duration), number(timesPerDay),
                    days.stream().sorted().toList(), number(weeks));
        }

        /**
         * Only that each number parses: what a dose may be, and what a plan may prescribe (cold only for a flare-up,
         * confirmation where needed, how many items), is plan-service's to say, and its refusal is shown next to the
         * fields it names ({@link PlanForm#reject(ServiceProblem)}). A second copy here would drift from it.
         */
        void validate() {
            whole("startWeek", startWeek);
            whole("sets", sets);
            whole("reps", reps);
            whole("hold", hold);
            whole("duration", duration);
            whole("timesPerDay", timesPerDay);
            whole("weeks", weeks);
        }

        private void whole(String field, String value) {
            if (value.isEmpty()) {
                return;
            }
            try {
                Integer.parseInt(value);
            } catch (NumberFormatException e) {
                errors.put(field, "Must be a whole number");
            }
        }

        /** Fields the builder shows for this row; a refusal naming anything else is shown for the row as a whole. */
        private boolean shows(String field) {
            return switch (field) {
                case "startWeek", "sets", "reps", "hold", "duration", "timesPerDay", "weeks", "days", "note" -> true;
                case "cold" -> cold();
                case "confirmed" -> needsConfirmation();
                default -> false;
            };
        }
    }

    public List<Row> rows() {
        return rows;
    }

    public boolean empty() {
        return rows.isEmpty();
    }

    public String error(String field) {
        return errors.get(field);
    }

    public boolean valid() {
        return errors.isEmpty() && rows.stream().noneMatch(Row::hasErrors);
    }

    public void reject(String field, String message) {
        errors.put(field, message);
    }

    public static PlanForm fromTemplate(Template template, Map<UUID, Exercise> library) {
        List<Row> rows = new ArrayList<>();
        for (Template.Item item : template.items()) {
            Exercise exercise = library.get(item.exerciseId());
            if (exercise != null) {
                rows.add(row(rows.size(), null, exercise, item.name(), item.startWeek(), item.dose()));
            }
        }
        return new PlanForm(rows);
    }

    public static PlanForm fromPlan(Plan plan, Map<UUID, Exercise> library) {
        List<Row> rows = new ArrayList<>();
        for (Plan.Item item : plan.items()) {
            Exercise exercise = library.get(item.exerciseId());
            if (exercise != null && !"REMOVED".equals(item.status())) {
                Row row = row(rows.size(), item.id(), exercise, item.name(), item.startWeek(), item.dose());
                rows.add(new Row(row.index, row.itemId, exercise, row.name, row.startWeek, row.sets, row.reps,
                        row.hold, row.duration, row.timesPerDay, row.days, row.weeks,
                        "ACUTE_FLARE_UP".equals(item.coldReason()), item.therapistConfirmed()));
                rows.getLast().note = item.noteToPatient() == null ? "" : item.noteToPatient();
            }
        }
        return new PlanForm(rows);
    }

    /**
     * From a posted form: parallel lists, one entry per row; {@code days}, {@code flareUp}, {@code confirmed} and
     * {@code remove} carry row indexes ("3:MONDAY", "3"), as unticked boxes are not sent. {@code add} names library
     * entries to append with their default dose.
     */
    public static PlanForm fromPost(Posted posted, Map<UUID, Exercise> library) {
        List<Row> rows = new ArrayList<>();
        Set<String> removed = Set.copyOf(posted.remove());
        for (int i = 0; i < posted.exerciseId().size(); i++) {
            if (removed.contains(Integer.toString(i))) {
                continue;
            }
            Exercise exercise = library.get(uuid(posted.exerciseId().get(i)));
            if (exercise == null) {
                continue;
            }
            String index = Integer.toString(i);
            Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
            for (String day : posted.days()) {
                String[] parts = day.split(":", 2);
                if (parts.length == 2 && parts[0].equals(index)) {
                    try {
                        days.add(DayOfWeek.valueOf(parts[1]));
                    } catch (IllegalArgumentException ignored) {
                        // not a day: the row fails validation if no day remains
                    }
                }
            }
            rows.add(new Row(rows.size(), uuid(at(posted.itemId(), i)), exercise, exercise.name(),
                    at(posted.startWeek(), i), at(posted.sets(), i), at(posted.reps(), i), at(posted.hold(), i),
                    at(posted.duration(), i), at(posted.timesPerDay(), i), days, at(posted.weeks(), i),
                    posted.flareUp().contains(index), posted.confirmed().contains(index)));
            rows.getLast().note = blank(at(posted.note(), i));
        }
        for (String add : posted.add()) {
            Exercise exercise = library.get(uuid(add));
            if (exercise != null) {
                rows.add(row(rows.size(), null, exercise, exercise.name(), 1, exercise.defaultDose()));
            }
        }
        return new PlanForm(rows);
    }

    /** What the browser posted, field by field. */
    public record Posted(List<String> itemId, List<String> exerciseId, List<String> startWeek, List<String> sets,
            List<String> reps, List<String> hold, List<String> duration, List<String> timesPerDay,
            List<String> weeks, List<String> days, List<String> flareUp, List<String> confirmed,
            List<String> remove, List<String> add, List<String> note) {

        /** A form without notes to the patient. */
        public Posted(List<String> itemId, List<String> exerciseId, List<String> startWeek, List<String> sets,
                List<String> reps, List<String> hold, List<String> duration, List<String> timesPerDay,
                List<String> weeks, List<String> days, List<String> flareUp, List<String> confirmed,
                List<String> remove, List<String> add) {
            this(itemId, exerciseId, startWeek, sets, reps, hold, duration, timesPerDay, weeks, days, flareUp,
                    confirmed, remove, add, null);
        }

        public Posted {
            itemId = orEmpty(itemId);
            exerciseId = orEmpty(exerciseId);
            startWeek = orEmpty(startWeek);
            sets = orEmpty(sets);
            reps = orEmpty(reps);
            hold = orEmpty(hold);
            duration = orEmpty(duration);
            timesPerDay = orEmpty(timesPerDay);
            weeks = orEmpty(weeks);
            days = orEmpty(days);
            flareUp = orEmpty(flareUp);
            confirmed = orEmpty(confirmed);
            remove = orEmpty(remove);
            add = orEmpty(add);
            note = orEmpty(note);
        }

        private static List<String> orEmpty(List<String> values) {
            return values == null ? List.of() : values;
        }

        /**
         * The rows with one moved a place up or down ({@code move} "3:up", "3:down", as the row's move buttons post
         * it): its fields and its ticked boxes go with it. Anything else, or a move past either end, changes nothing.
         */
        public Posted moved(String move) {
            String[] parts = move == null ? new String[0] : move.split(":", 2);
            if (parts.length != 2 || !parts[0].matches("\\d{1,3}")) {
                return this;
            }
            int from = Integer.parseInt(parts[0]);
            int to = switch (parts[1]) {
                case "up" -> from - 1;
                case "down" -> from + 1;
                default -> -1;
            };
            if (to < 0 || from >= exerciseId.size() || to >= exerciseId.size()) {
                return this;
            }
            return new Posted(swapped(itemId, from, to), swapped(exerciseId, from, to), swapped(startWeek, from, to),
                    swapped(sets, from, to), swapped(reps, from, to), swapped(hold, from, to),
                    swapped(duration, from, to), swapped(timesPerDay, from, to), swapped(weeks, from, to),
                    renumbered(days, from, to), renumbered(flareUp, from, to), renumbered(confirmed, from, to),
                    renumbered(remove, from, to), add, swapped(note, from, to));
        }

        private static List<String> swapped(List<String> values, int a, int b) {
            List<String> copy = new ArrayList<>(values);
            if (a < copy.size() && b < copy.size()) {
                java.util.Collections.swap(copy, a, b);
            }
            return copy;
        }

        /** Values that name a row ("3", "3:MONDAY"): row a's name row b's, and the other way round. */
        private static List<String> renumbered(List<String> values, int a, int b) {
            String ra = Integer.toString(a);
            String rb = Integer.toString(b);
            return values.stream().map(v -> {
                String[] parts = v.split(":", 2);
                String row = parts[0].equals(ra) ? rb : parts[0].equals(rb) ? ra : parts[0];
                return parts.length == 2 ? row + ":" + parts[1] : row;
            }).toList();
        }
    }

    /** Whether every number parses; everything else is plan-service's to check when the plan is sent. */
    public PlanForm validate() {
        rows.forEach(Row::validate);
        return this;
    }

    public List<NewPlan.Item> items() {
        return rows.stream().map(r -> new NewPlan.Item(r.itemId, r.exercise.id(), number(r.startWeek), r.dose(),
                r.cold() && r.coldForFlareUp ? "ACUTE_FLARE_UP" : null,
                r.needsConfirmation() ? Boolean.valueOf(r.confirmed) : null, r.note.isBlank() ? null : r.note))
                .toList();
    }

    /** The rows as a template's items; a row keeps the target regions its item had ({@code targetRegions}). */
    public List<care.homeprogram.portal.client.TemplateChange.Item> templateItems(
            Map<UUID, List<String>> targetRegions) {
        return rows.stream().map(r -> new care.homeprogram.portal.client.TemplateChange.Item(r.exercise.id(),
                number(r.startWeek), r.dose(), targetRegions.get(r.exercise.id()))).toList();
    }

    /**
     * plan-service's refusal (problem+json {@code errors[]}), each message next to the field it names, as plan-service
     * wrote it: {@code items[2].dose.reps} next to row 2's reps, {@code items[2].coldReason} at its flare-up box,
     * {@code items[2]} or a field the row does not show at the row's head; anything else above the form.
     */
    public void reject(ServiceProblem problem) {
        boolean placed = false;
        for (Problem.FieldError error : problem.errors()) {
            Matcher m = ITEM_FIELD.matcher(error.field() == null ? "" : error.field());
            if (m.find()) {
                int index = Integer.parseInt(m.group(1));
                String field = m.group(2) == null ? ITEM : switch (m.group(2)) {
                    case "holdSeconds" -> "hold";
                    case "durationSeconds" -> "duration";
                    case "daysOfWeek" -> "days";
                    case "coldReason" -> "cold";
                    case "therapistConfirmed" -> "confirmed";
                    case "noteToPatient" -> "note";
                    default -> m.group(2);
                };
                if (index < rows.size()) {
                    Row row = rows.get(index);
                    row.errors.merge(row.shows(field) ? field : ITEM, capitalise(error.message()),
                            (a, b) -> a + " " + b);
                    placed = true;
                }
            }
        }
        if (!placed) {
            errors.put("items", problem.detail());
        }
    }

    private static Row row(int index, UUID itemId, Exercise exercise, String name, int startWeek, Dose dose) {
        Dose d = dose == null ? exercise.defaultDose() : dose;
        Set<DayOfWeek> days = d == null || d.daysOfWeek() == null || d.daysOfWeek().isEmpty()
                ? EnumSet.allOf(DayOfWeek.class) : EnumSet.copyOf(d.daysOfWeek());
        return new Row(index, itemId, exercise, name, Integer.toString(startWeek), text(d == null ? null : d.sets()),
                text(d == null ? null : d.reps()), text(d == null ? null : d.holdSeconds()),
                text(d == null ? null : d.durationSeconds()),
                text(d == null || d.timesPerDay() == null ? Integer.valueOf(1) : d.timesPerDay()), days,
                text(d == null || d.weeks() == null ? Integer.valueOf(4) : d.weeks()), false, false);
    }

    private static String at(List<String> values, int index) {
        return index < values.size() ? values.get(index) : "";
    }

    private static String text(Integer value) {
        return value == null ? "" : value.toString();
    }

    private static String blank(String value) {
        return value == null ? "" : value.strip();
    }

    private static Integer number(String value) {
        return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
    }

    private static UUID uuid(String value) {
        try {
            return value == null || value.isBlank() ? null : UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String capitalise(String message) {
        return message == null || message.isEmpty() ? "Invalid"
                : Character.toUpperCase(message.charAt(0)) + message.substring(1);
    }
}
